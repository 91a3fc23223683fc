/**
 * The documents a dossier produces: the result, filled from the procedure's template, and the apology letter an
 * overdue dossier requires (Decree 61/2018/NĐ-CP practice: a written apology with a new appointment date). Both are
 * PDFs in the Decree 30/2020 layout with Vietnamese text in an embedded font, issued through the documents module,
 * which signs them (the official, then the agency's seal) and gives each a verification page behind its QR code.
 */
import type { DossierApplicant, ProcedureSnapshot } from '../../core/db/schema.ts';
import type { IssueRequest } from '../documents/index.ts';
import type { AgencyName } from '../agencies/index.ts';

/** Formats a YYYY-MM-DD date as dd/mm/yyyy, as Vietnamese documents write it. */
export function formatDateVi(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The text of one form answer, with enum values as their Vietnamese labels and dates as dd/mm/yyyy. */
function answerText(schema: Record<string, unknown>, name: string, value: unknown): string {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const property = properties[name] ?? {};
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(property.enum)) {
    const labels = property['x-enum-labels-vi'];
    const index = property.enum.indexOf(value);
    if (Array.isArray(labels) && index >= 0 && typeof labels[index] === 'string') return labels[index];
  }
  if (property.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateVi(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

export interface TemplateValues {
  formSchema: Record<string, unknown>;
  formData: Record<string, unknown>;
  applicant: DossierApplicant;
  dossierCode: string;
  agency: AgencyName;
  procedureNameVi: string;
  date: string;
}

/** Fills {{name}} placeholders: form answers, applicant.*, dossier.code, agency.nameVi, procedure.nameVi, date. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => {
    if (name.startsWith('applicant.')) {
      const key = name.slice('applicant.'.length) as keyof DossierApplicant;
      return String(values.applicant[key] ?? '');
    }
    if (name === 'dossier.code') return values.dossierCode;
    if (name === 'agency.nameVi') return values.agency.nameVi;
    if (name === 'procedure.nameVi') return values.procedureNameVi;
    if (name === 'date') return formatDateVi(values.date);
    return answerText(values.formSchema, name, values.formData[name]);
  });
}

/** The issuing agency's heading lines: a ward's People's Committee under the city, or a department under it. */
function headingOf(agency: AgencyName, cityNameVi: string): { parent: string | null; name: string; signerTitle: string } {
  const isDepartment = agency.nameVi.startsWith('Sở ') || agency.nameVi.startsWith('Thanh tra');
  if (isDepartment) return { parent: `UBND ${cityNameVi.toUpperCase()}`, name: agency.nameVi.toUpperCase(), signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' };
  return { parent: `UBND ${cityNameVi.toUpperCase()}`, name: `ỦY BAN NHÂN DÂN\n${agency.nameVi.toUpperCase()}`, signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' };
}

export interface ResultInput {
  snapshot: ProcedureSnapshot;
  formData: Record<string, unknown>;
  applicant: DossierApplicant;
  dossierCode: string;
  agency: AgencyName;
  issuedOn: string;
}

/** The content of a dossier's result document, filled from its procedure's template. */
export function resultContent(input: ResultInput): IssueRequest['content'] {
  const heading = headingOf(input.agency, 'thành phố Huế');
  const values: TemplateValues = {
    formSchema: input.snapshot.formSchema,
    formData: input.formData,
    applicant: input.applicant,
    dossierCode: input.dossierCode,
    agency: input.agency,
    procedureNameVi: input.snapshot.nameVi,
    date: input.issuedOn,
  };
  return {
    parentAgencyNameVi: heading.parent,
    agencyNameVi: heading.name,
    numberSymbol: `${input.dossierCode}/KQ`,
    placeVi: 'Huế',
    titleVi: input.snapshot.resultTemplate.titleVi,
    subtitleVi: null,
    recipientVi: null,
    paragraphs: input.snapshot.resultTemplate.bodyVi.map((paragraph) => fillTemplate(paragraph, values)),
    signerTitleVi: heading.signerTitle,
    recipientsListVi: [`Ông/Bà ${input.applicant.fullName}`, 'Lưu: VT, hồ sơ ' + input.dossierCode],
  };
}

export interface ApologyInput {
  dossierCode: string;
  procedureNameVi: string;
  applicant: DossierApplicant;
  agency: AgencyName;
  receivedOn: string;
  previousAppointmentDate: string;
  newAppointmentDate: string;
  reason: string;
  /** Which letter this is for the dossier (1 for the first). */
  sequence: number;
}

/** The content of the apology letter for a dossier that will miss its appointment. */
export function apologyContent(input: ApologyInput): IssueRequest['content'] {
  const heading = headingOf(input.agency, 'thành phố Huế');
  return {
    parentAgencyNameVi: heading.parent,
    agencyNameVi: heading.name,
    numberSymbol: `${input.dossierCode}/TXL-${input.sequence}`,
    placeVi: 'Huế',
    titleVi: 'THƯ XIN LỖI',
    subtitleVi: `V/v chậm trả kết quả giải quyết hồ sơ ${input.dossierCode}`,
    recipientVi: `Kính gửi: Ông/Bà ${input.applicant.fullName}`,
    paragraphs: [
      `Ngày ${formatDateVi(input.receivedOn)}, ${input.agency.nameVi} tiếp nhận hồ sơ thủ tục "${input.procedureNameVi}" của Ông/Bà, mã hồ sơ ${input.dossierCode}, hẹn trả kết quả vào ngày ${formatDateVi(input.previousAppointmentDate)}.`,
      `Tuy nhiên, hồ sơ của Ông/Bà chưa được giải quyết đúng hạn. Lý do: ${input.reason.normalize('NFC')}`,
      `${input.agency.nameVi} thành thật xin lỗi Ông/Bà vì sự chậm trễ này và hẹn trả kết quả vào ngày ${formatDateVi(input.newAppointmentDate)}.`,
      `Ông/Bà có thể theo dõi tình trạng hồ sơ bằng mã ${input.dossierCode} trên Cổng dịch vụ công của thành phố. Rất mong nhận được sự thông cảm của Ông/Bà.`,
    ],
    signerTitleVi: heading.signerTitle,
    recipientsListVi: [`Ông/Bà ${input.applicant.fullName}`, 'Lưu: VT.'],
  };
}
