import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_CRITERIA, type SurveyRequest } from '@onecity/contracts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFocusFirstInvalid } from '../../components/forms.ts';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { submitSurvey } from './procedures.api.ts';

export type SurveyCriterion = (typeof SURVEY_CRITERIA)[number];
export type SurveyAnswers = SurveyRequest['answers'];
/** The answers as the dossier shows them after submission. */
export type SubmittedSurvey = { answers: SurveyAnswers; comment: string | null };

const LEVELS = [5, 4, 3, 2, 1] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_KEYS = { 1: 'veryDissatisfied', 2: 'dissatisfied', 3: 'neutral', 4: 'satisfied', 5: 'verySatisfied' } as const satisfies Record<Level, string>;
const COMMENT_MAX = 2000;

/**
 * The satisfaction survey of the National Public Service Portal: twelve criteria, each rated 1–5, and an
 * optional comment; for the owner once the result has been delivered, once.
 */
export function SurveyForm({ code, onSubmitted }: { code: string; onSubmitted: (survey: SubmittedSurvey) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [answers, setAnswers] = useState<Partial<SurveyAnswers>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<ReadonlySet<SurveyCriterion>>(new Set());
  const [failedAttempts, setFailedAttempts] = useState(0);
  const request = useFormSubmit(['comment'] as const);
  useFocusFirstInvalid(formRef, failedAttempts);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unanswered = SURVEY_CRITERIA.filter((criterion) => answers[criterion] === undefined);
    setMissing(new Set(unanswered));
    if (unanswered.length > 0) {
      setFailedAttempts((count) => count + 1);
      return;
    }
    const complete = answers as SurveyAnswers;
    const text = comment.trim();
    const result = await request.submit(() => submitSurvey(code, { answers: complete, ...(text ? { comment: text } : {}) }));
    if (result.ok) onSubmitted({ answers: complete, comment: text || null });
    else setFailedAttempts((count) => count + 1);
  }

  return (
    <form ref={formRef} className="form survey" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <p className="field__hint">{t('procedures.survey.intro')}</p>
      <ErrorAlert error={request.error} />
      {missing.size > 0 && (
        <div className="alert alert--error" role="alert">
          <p>{t('procedures.survey.missing', { count: missing.size })}</p>
        </div>
      )}
      {SURVEY_CRITERIA.map((criterion) => {
        const isMissing = missing.has(criterion);
        const errorId = `survey-${code}-${criterion}-error`;
        return (
          <fieldset key={criterion} className={['fieldset', 'survey__criterion', isMissing ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')} aria-describedby={isMissing ? errorId : undefined}>
            <legend className="fieldset__legend">{t(`procedures.survey.criteria.${criterion}`)}</legend>
            {isMissing && (
              <p className="field__error" id={errorId}>
                {t('procedures.survey.choose')}
              </p>
            )}
            <div className="survey__scale">
              {LEVELS.map((level, index) => {
                const id = `survey-${code}-${criterion}-${level}`;
                return (
                  <div key={level} className="survey__option">
                    <input
                      id={id}
                      type="radio"
                      name={criterion}
                      value={level}
                      checked={answers[criterion] === level}
                      aria-invalid={isMissing && index === 0 ? true : undefined}
                      onChange={() => {
                        setAnswers((current) => ({ ...current, [criterion]: level }));
                        setMissing((current) => {
                          if (!current.has(criterion)) return current;
                          const next = new Set(current);
                          next.delete(criterion);
                          return next;
                        });
                      }}
                    />
                    <label htmlFor={id}>{t('procedures.survey.level', { level, label: t(`procedures.survey.levels.${LEVEL_KEYS[level]}`) })}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <TextareaField
        label={t('procedures.survey.comment')}
        rows={3}
        maxLength={COMMENT_MAX}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={request.serverFieldErrors.comment}
      />
      <button type="submit" className="button button--primary" disabled={request.isSubmitting}>
        {request.isSubmitting ? t('procedures.survey.submitting') : t('procedures.survey.submit')}
      </button>
    </form>
  );
}

/** The citizen's survey answers, criterion by criterion. */
export function SurveyAnswersView({ survey }: { survey: SubmittedSurvey }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="summary-list">
        {SURVEY_CRITERIA.map((criterion) => {
          const level = survey.answers[criterion];
          return (
            <div key={criterion}>
              <dt>{t(`procedures.survey.criteria.${criterion}`)}</dt>
              <dd>{t('procedures.survey.level', { level, label: t(`procedures.survey.levels.${LEVEL_KEYS[level as Level]}`) })}</dd>
            </div>
          );
        })}
        {survey.comment && (
          <div>
            <dt>{t('procedures.survey.commentShown')}</dt>
            <dd>{survey.comment}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
