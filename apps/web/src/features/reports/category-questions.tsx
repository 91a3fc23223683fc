import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n/index.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { AnswerValues } from './answers.ts';
import type { ReportQuestion } from './reports.api.ts';

/** The extra questions of the chosen category: free text, a number or one choice, each labelled in the reader's language. */
export function CategoryQuestions({
  questions,
  values,
  errors,
  onChange,
}: {
  questions: readonly ReportQuestion[];
  values: AnswerValues;
  errors: Record<string, string | undefined>;
  onChange: (code: string, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  if (questions.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('reports.form.questionsTitle')}</legend>
      {questions.map((question) => {
        const label = `${locale === 'vi' ? question.labelVi : question.labelEn}${question.isRequired ? '' : ` ${t('reports.form.optional')}`}`;
        const common = { label, name: `answers.${question.code}`, required: question.isRequired, error: errors[question.code] };
        if (question.datatype === 'choice') {
          return (
            <SelectField
              {...common}
              key={question.code}
              placeholder={t('reports.form.choose')}
              value={values[question.code] ?? ''}
              onChange={(event) => onChange(question.code, event.target.value)}
              options={(question.options ?? []).map((option) => ({ value: option.key, label: locale === 'vi' ? option.labelVi : option.labelEn }))}
            />
          );
        }
        return (
          <TextField
            {...common}
            key={question.code}
            inputMode={question.datatype === 'number' ? 'decimal' : undefined}
            value={values[question.code] ?? ''}
            onChange={(event) => onChange(question.code, event.target.value)}
          />
        );
      })}
    </fieldset>
  );
}
