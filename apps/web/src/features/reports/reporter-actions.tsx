import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicReport } from '@onecity/contracts';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { actOnReport, rateReport } from './reports.api.ts';

const RATINGS = [5, 4, 3, 2, 1] as const;
const COMMENT_MAX = 1000;

/**
 * What the citizen who filed the report can do once it has an answer: rate it (1–5, with a comment),
 * confirm the fix (closing it), or ask for it to be handled again, with a reason, within seven days.
 */
export function ReporterActions({ report, onChanged }: { report: PublicReport; onChanged: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const canAnswer = report.status === 'resolved';
  const canRate = (report.status === 'resolved' || report.status === 'closed') && report.rating === null;
  if (!canAnswer && !canRate && notice === undefined) return null;
  const done = (message: string) => {
    setNotice(message);
    onChanged();
  };
  return (
    <section className="card reporter-actions" aria-labelledby="reporter-actions-title">
      <h2 id="reporter-actions-title">{t('reports.reporter.title')}</h2>
      <StatusMessage message={notice} />
      {canRate && <RatingForm code={report.code} onDone={() => done(t('reports.reporter.rated'))} />}
      {canAnswer && <ConfirmButton code={report.code} onDone={() => done(t('reports.reporter.confirmed'))} />}
      {canAnswer && <ReopenForm code={report.code} onDone={() => done(t('reports.reporter.reopened'))} />}
    </section>
  );
}

function RatingForm({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<number | undefined>(undefined);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState<string | undefined>(undefined);
  const request = useFormSubmit(['rating', 'comment'] as const);
  const errorId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rating === undefined) {
      setRatingError(t('reports.reporter.ratingRequired'));
      return;
    }
    setRatingError(undefined);
    const result = await request.submit(() => rateReport(code, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    if (result.ok) onDone();
  }

  const error = ratingError ?? request.serverFieldErrors.rating;
  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <ErrorAlert error={request.error} />
      <fieldset className={['fieldset', error ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')} aria-describedby={error ? errorId : undefined}>
        <legend className="fieldset__legend">{t('reports.reporter.ratingLegend')}</legend>
        {error && (
          <p className="field__error" id={errorId}>
            {error}
          </p>
        )}
        <div className="rating">
          {RATINGS.map((value) => (
            <div key={value} className="choice">
              <input
                id={`rating-${code}-${value}`}
                type="radio"
                name="rating"
                className="choice__input"
                value={value}
                checked={rating === value}
                aria-invalid={error && value === RATINGS[0] ? true : undefined}
                onChange={() => setRating(value)}
              />
              <label htmlFor={`rating-${code}-${value}`} className="choice__label">
                <span className="choice__title">{t(`reports.reporter.ratingLevels.${value}`)}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextareaField
        label={`${t('reports.reporter.comment')} ${t('reports.form.optional')}`}
        hint={t('reports.reporter.commentHint')}
        maxLength={COMMENT_MAX}
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={request.serverFieldErrors.comment}
      />
      <button type="submit" className="button button--primary" disabled={request.isSubmitting}>
        {t('reports.reporter.rate')}
      </button>
    </form>
  );
}

function ConfirmButton({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const request = useFormSubmit([] as const);
  return (
    <div className="reporter-actions__confirm">
      <ErrorAlert error={request.error} />
      <p>{t('reports.reporter.confirmHint')}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={request.isSubmitting}
        onClick={() =>
          void request.submit(() => actOnReport(code, { type: 'confirm' })).then((result) => {
            if (result.ok) onDone();
          })
        }
      >
        {t('reports.reporter.confirm')}
      </button>
    </div>
  );
}

function ReopenForm({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const request = useFormSubmit(['reason'] as const);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(t('reports.validation.reason'));
      return;
    }
    setReasonError(undefined);
    const result = await request.submit(() => actOnReport(code, { type: 'reopen', reason: reason.trim() }));
    if (result.ok) onDone();
  }

  return (
    <details className="disclosure">
      <summary>{t('reports.reporter.reopenTitle')}</summary>
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <ErrorAlert error={request.error} />
        <TextareaField
          label={t('reports.reporter.reopenReason')}
          hint={t('reports.reporter.reopenHint')}
          required
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError ?? request.serverFieldErrors.reason}
        />
        <button type="submit" className="button button--danger" disabled={request.isSubmitting}>
          {t('reports.reporter.reopen')}
        </button>
      </form>
    </details>
  );
}
