/**
 * Report categories as Open311 services (Spec, "GET Service List" and "GET Service Definition"): the category
 * code is the service_code, its extra questions are the attributes a client must fill in.
 */
import type { ReportCategory } from '@onecity/contracts';
import type { Locale } from '../../../core/i18n/locale.ts';

type Question = ReportCategory['questions'][number];

/** A category as the reports module describes it to integrations. */
export type ServiceCategory = ReportCategory & { keywords: string };

/** Open311 attribute datatypes that our question types become. */
export type AttributeDatatype = 'string' | 'number' | 'singlevaluelist';

export interface ServiceSummary {
  serviceCode: string;
  serviceName: string;
  description: string;
  /** True when the service has attributes, so the client must fetch its definition. */
  hasMetadata: boolean;
  keywords: string;
  group: string;
}

export interface ServiceAttribute {
  code: string;
  datatype: AttributeDatatype;
  isRequired: boolean;
  datatypeDescription: string;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

const DATATYPES: Record<Question['datatype'], AttributeDatatype> = { text: 'string', number: 'number', choice: 'singlevaluelist' };

const DATATYPE_DESCRIPTIONS: Record<AttributeDatatype, { vi: string; en: string }> = {
  string: { vi: 'Văn bản một dòng, tối đa 500 ký tự.', en: 'One line of text, at most 500 characters.' },
  number: { vi: 'Một số (dấu chấm thập phân).', en: 'A number (decimal point).' },
  singlevaluelist: { vi: 'Một trong các giá trị (key) được liệt kê.', en: 'One of the listed keys.' },
};

/** A category as an entry of the service list, named in the asked language. */
export function toServiceSummary(category: ServiceCategory, locale: Locale): ServiceSummary {
  return {
    serviceCode: category.code,
    serviceName: locale === 'vi' ? category.nameVi : category.nameEn,
    description: locale === 'vi' ? category.descriptionVi : category.descriptionEn,
    hasMetadata: category.questions.length > 0,
    keywords: category.keywords,
    group: locale === 'vi' ? category.groupVi : category.groupEn,
  };
}

/** The questions of a category as Open311 attributes, in their order (1..n). */
export function toServiceAttributes(questions: Question[], locale: Locale): ServiceAttribute[] {
  return questions.map((question, index) => {
    const datatype = DATATYPES[question.datatype];
    return {
      code: question.code,
      datatype,
      isRequired: question.isRequired,
      datatypeDescription: DATATYPE_DESCRIPTIONS[datatype][locale],
      order: index + 1,
      description: locale === 'vi' ? question.labelVi : question.labelEn,
      values: (question.options ?? []).map((option) => ({ key: option.key, name: locale === 'vi' ? option.labelVi : option.labelEn })),
    };
  });
}
