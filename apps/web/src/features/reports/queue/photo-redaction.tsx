import { useRef, useState, type FormEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/error-alert.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useApiResource } from '../../../components/use-api-resource.ts';
import { useFormSubmit } from '../../../components/use-form-submit.ts';
import { redactPhoto, type ViewerPhoto, type ViewerPhotos } from '../reports.api.ts';
import { PhotoReviewActions, PhotoReviewTag } from './photo-review.tsx';
import { fractionsToPercent, MAX_BOXES, percentToFractions, pixelsToFractions, withVersion, type PercentBox, type Point } from './redaction-geometry.ts';

/**
 * The photos of a queue report with their review: staff publish or withhold citizens' photos (they are public only
 * once published) and may redact any of them (faces, number plates).
 */
export function ReportPhotos({ code }: { code: string }) {
  const { t } = useTranslation();
  const [photos, reload] = useApiResource<ViewerPhotos>(`/reports/${encodeURIComponent(code)}/photos`);
  // Decisions taken here replace what was loaded, without reloading (and losing) the open forms.
  const [reviewed, setReviewed] = useState<Readonly<Record<string, ViewerPhoto>>>({});
  if (photos.status === 'loading') return <LoadingState />;
  if (photos.status === 'error')
    return (
      <ErrorAlert error={photos.error}>
        <button type="button" className="button button--secondary" onClick={reload}>
          {t('common.retry')}
        </button>
      </ErrorAlert>
    );
  const { items, canReview } = photos.data;
  return (
    <section className="redaction" aria-label={t('reports.queue.photos.title', { code })}>
      {items.length === 0 ? (
        <p>{t('reports.queue.photos.none')}</p>
      ) : (
        items.map((photo, index) => (
          <PhotoRedaction
            key={photo.id}
            code={code}
            photo={reviewed[photo.id] ?? photo}
            index={index + 1}
            canReview={canReview}
            onReviewed={(changed) => setReviewed((current) => ({ ...current, [changed.id]: changed }))}
          />
        ))
      )}
    </section>
  );
}

const EMPTY_BOX: PercentBox = { x: '', y: '', width: '', height: '' };
const FIELDS = ['boxes'] as const;

/** One photo: its review, and rectangles to drag over it (or type in percent) for the API to paint over. */
export function PhotoRedaction({
  code,
  photo,
  index,
  canReview,
  onReviewed,
}: {
  code: string;
  photo: ViewerPhoto;
  index: number;
  canReview: boolean;
  onReviewed: (photo: ViewerPhoto) => void;
}) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const [boxes, setBoxes] = useState<PercentBox[]>([]);
  const [draft, setDraft] = useState<{ start: Point; end: Point } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const stageRef = useRef<HTMLDivElement>(null);
  const request = useFormSubmit(FIELDS);
  const label = t('reports.queue.photos.photo', { index, kind: t(`reports.queue.photos.kind.${photo.kind}`) });

  const pointIn = (event: PointerEvent<HTMLDivElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const stageSize = () => {
    const rect = stageRef.current?.getBoundingClientRect();
    return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
  };
  const draftBox = draft && pixelsToFractions(draft.start, draft.end, stageSize());

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!isEditing || boxes.length >= MAX_BOXES || event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const point = pointIn(event);
    setDraft({ start: point, end: point });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (draft === undefined) return;
    const end = pointIn(event);
    setDraft((current) => current && { ...current, end });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (draft === undefined) return;
    const box = pixelsToFractions(draft.start, pointIn(event), stageSize());
    setDraft(undefined);
    // A click without a drag draws nothing.
    if (box.width >= 0.005 && box.height >= 0.005) setBoxes((current) => [...current, fractionsToPercent(box)].slice(0, MAX_BOXES));
  };

  const updateBox = (position: number, field: keyof PercentBox, value: string) =>
    setBoxes((current) => current.map((box, at) => (at === position ? { ...box, [field]: value.replace(/[^\d.,]/g, '') } : box)));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const fractions = boxes.map(percentToFractions);
    const problem = boxes.length === 0 ? t('reports.queue.photos.needBox') : fractions.some((box) => box === undefined) ? t('reports.queue.photos.invalidBox') : undefined;
    setError(problem);
    if (problem) return;
    const result = await request.submit(() => redactPhoto(code, photo.id, fractions.filter((box) => box !== undefined)));
    if (!result.ok) return;
    setBoxes([]);
    setIsEditing(false);
    setVersion(Date.now());
    setNotice(t('reports.queue.photos.done'));
  }

  const shown = boxes.map(percentToFractions);
  return (
    <figure className="redaction__photo">
      <div
        ref={stageRef}
        className="redaction__stage"
        role={isEditing ? 'application' : undefined}
        aria-label={isEditing ? t('reports.queue.photos.canvas', { index }) : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDraft(undefined)}
      >
        <img src={withVersion(photo.url, version)} alt={label} width={photo.width} height={photo.height} draggable={false} />
        {[...shown, draftBox].map((box, at) =>
          box === undefined ? null : (
            <span
              key={at}
              className="redaction__box"
              aria-hidden="true"
              style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }}
            />
          ),
        )}
      </div>
      <figcaption>
        {label} <PhotoReviewTag status={photo.reviewStatus} />
      </figcaption>
      {canReview && <PhotoReviewActions code={code} photo={photo} index={index} onReviewed={onReviewed} />}
      <StatusMessage message={notice} />
      {!isEditing ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setNotice(undefined);
            setIsEditing(true);
          }}
        >
          {t('reports.queue.photos.redact')}
        </button>
      ) : (
        <form className="form" noValidate aria-label={`${t('reports.queue.photos.redact')}: ${label}`} onSubmit={(event) => void handleSubmit(event)}>
          <p className="field__hint">{t('reports.queue.photos.intro')}</p>
          <ErrorAlert error={request.error} />
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('reports.queue.photos.boxes', { count: boxes.length, max: MAX_BOXES })}</legend>
            {boxes.map((box, at) => (
              <fieldset key={at} className="redaction__fields">
                <legend className="visually-hidden">{t('reports.queue.photos.box', { index: at + 1 })}</legend>
                {(['x', 'y', 'width', 'height'] as const).map((field) => (
                  <TextField
                    key={field}
                    label={t(`reports.queue.photos.${field}`)}
                    aria-label={`${t('reports.queue.photos.box', { index: at + 1 })}: ${t(`reports.queue.photos.${field}`)}`}
                    inputMode="decimal"
                    value={box[field]}
                    onChange={(event) => updateBox(at, field, event.target.value)}
                  />
                ))}
                <button type="button" className="button button--secondary" onClick={() => setBoxes((current) => current.filter((_, other) => other !== at))}>
                  {t('reports.queue.photos.remove', { index: at + 1 })}
                </button>
              </fieldset>
            ))}
            <button type="button" className="button button--secondary" disabled={boxes.length >= MAX_BOXES} onClick={() => setBoxes((current) => [...current, EMPTY_BOX])}>
              {t('reports.queue.photos.add')}
            </button>
          </fieldset>
          <div className="queue-actions__buttons">
            <button type="submit" className="button button--primary" disabled={request.isSubmitting}>
              {t('reports.queue.photos.submit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setBoxes([]);
                setError(undefined);
                setIsEditing(false);
              }}
            >
              {t('reports.queue.photos.cancel')}
            </button>
          </div>
        </form>
      )}
    </figure>
  );
}
