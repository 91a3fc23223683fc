import type { TFunction } from 'i18next';
import type { ReportQuestion } from './reports.api.ts';

export type AnswerValues = Record<string, string>;
export type CheckedAnswers = {
  /** Messages keyed by question code; empty when every answer is acceptable. */
  errors: Record<string, string>;
  /** What to send: numbers as numbers, blanks left out. */
  answers: Record<string, string | number>;
};

// Vietnamese writes decimals with a comma ("12,5"); both forms are accepted.
const NUMBER_PATTERN = /^-?\d+(?:[.,]\d+)?$/;
export const MAX_ANSWER_LENGTH = 500;

/** Checks the answers to a category's questions as the API will, so mistakes show before sending. */
export function checkAnswers(questions: readonly ReportQuestion[], values: AnswerValues, t: TFunction): CheckedAnswers {
  const errors: Record<string, string> = {};
  const answers: Record<string, string | number> = {};
  for (const question of questions) {
    const value = (values[question.code] ?? '').trim();
    if (value === '') {
      if (question.isRequired) errors[question.code] = question.datatype === 'choice' ? t('reports.validation.chooseOne') : t('validation.required');
      continue;
    }
    if (question.datatype === 'number') {
      if (NUMBER_PATTERN.test(value)) answers[question.code] = Number(value.replace(',', '.'));
      else errors[question.code] = t('reports.validation.number');
    } else if (question.datatype === 'choice') {
      if (question.options?.some((option) => option.key === value)) answers[question.code] = value;
      else errors[question.code] = t('reports.validation.chooseOne');
    } else if (value.length > MAX_ANSWER_LENGTH) {
      errors[question.code] = t('reports.validation.answerTooLong', { max: MAX_ANSWER_LENGTH });
    } else {
      answers[question.code] = value;
    }
  }
  return { errors, answers };
}
