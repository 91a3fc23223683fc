import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/error-alert.tsx';
import { TextareaField } from '../../../components/textarea-field.tsx';
import { useFormSubmit } from '../../../components/use-form-submit.ts';
import { reviewPhoto, type PhotoReviewStatus, type ViewerPhoto } from '../reports.api.ts';

const REASON_MAX = 1000;
const FIELDS = ['reason'] as const;

/** Where a photo stands in the review: waiting, public, or kept from the public. */
export function PhotoReviewTag({ status }: { status: PhotoReviewStatus }) {
  const { t } = useTranslation();
  return <span className={`tag photo-review__tag photo-review__tag--${status}`}>{t(`reports.photoReview.status.${status}`)}</span>;
}

/**
 * Staff's decision on a citizen's photo before it is public: publish it, or withhold it with a reason that only
 * staff see. `index` names the photo in the buttons, so each is told apart from the others of the report.
 */
export function PhotoReviewActions({ code, photo, index, onReviewed }: { code: string; photo: ViewerPhoto; index: number; onReviewed: (photo: ViewerPhoto) => void }) {
  const { t } = useTranslation();
  const [isWithholding, setIsWithholding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const request = useFormSubmit(FIELDS);

  async function decide(review: { decision: 'publish' } | { decision: 'withhold'; reason: string }) {
    setNotice(undefined);
    const result = await request.submit(() => reviewPhoto(code, photo.id, review));
    if (!result.ok) return;
    setIsWithholding(false);
    setReason('');
    setNotice(t(review.decision === 'publish' ? 'reports.photoReview.published' : 'reports.photoReview.withheld'));
    onReviewed(result.value.photo);
  }

  async function handleWithhold(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    const problem = trimmed === '' ? t('reports.validation.reason') : undefined;
    setReasonError(problem);
    if (problem) return;
    await decide({ decision: 'withhold', reason: trimmed });
  }

  const withholdName = t('reports.photoReview.withhold', { index });
  return (
    <div className="photo-review">
      <StatusMessage message={notice} />
      {!isWithholding && <ErrorAlert error={request.error} />}
      {photo.reviewStatus === 'withheld' && photo.reviewReason && <p className="note">{t('reports.photoReview.reason', { reason: photo.reviewReason })}</p>}
      {!isWithholding ? (
        <div className="queue-actions__buttons">
          {photo.reviewStatus !== 'published' && (
            <button type="button" className="button button--primary" disabled={request.isSubmitting} onClick={() => void decide({ decision: 'publish' })}>
              {t('reports.photoReview.publish', { index })}
            </button>
          )}
          {photo.reviewStatus !== 'withheld' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setNotice(undefined);
                request.clearError();
                setIsWithholding(true);
              }}
            >
              {withholdName}
            </button>
          )}
        </div>
      ) : (
        <form className="form" noValidate aria-label={withholdName} onSubmit={(event) => void handleWithhold(event)}>
          <ErrorAlert error={request.error} />
          <TextareaField
            label={t('reports.photoReview.reasonLabel')}
            hint={t('reports.photoReview.reasonHint')}
            rows={2}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={reasonError ?? request.serverFieldErrors.reason}
          />
          <div className="queue-actions__buttons">
            <button type="submit" className="button button--primary" disabled={request.isSubmitting}>
              {t('reports.photoReview.withholdSubmit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setIsWithholding(false);
                setReasonError(undefined);
                request.clearError();
              }}
            >
              {t('reports.queue.photos.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
