import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/error-alert.tsx';
import { ACCEPTED_PHOTO_TYPES, MAX_PHOTOS, type PhotoEntry, type PhotoProblem } from './photo-uploads.ts';

const ACCEPT = ACCEPTED_PHOTO_TYPES.join(',');

/**
 * Photo inputs (take one with the camera, or choose saved ones) and the chosen photos with their upload
 * state, a retry after a failure and a remove button. Files are uploaded by the caller as soon as they are chosen
 * (or, offline, kept on the device to go with the report).
 */
export function PhotoPicker({
  legend,
  hint,
  entries,
  rejected,
  error,
  onAdd,
  onRemove,
  onRetry,
}: {
  legend: string;
  hint: string;
  entries: readonly PhotoEntry[];
  rejected: PhotoProblem | undefined;
  error: string | undefined;
  onAdd: (files: File[]) => void;
  onRemove: (localId: string) => void;
  onRetry: (localId: string) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const cameraId = useId();
  const filesId = useId();
  const hintId = useId();
  const errorId = useId();
  const isFull = entries.length >= MAX_PHOTOS;
  const message = error ?? (rejected ? t(`reports.photos.rejected.${rejected}`, { max: MAX_PHOTOS }) : undefined);
  const describedBy = [hintId, message ? errorId : undefined].filter(Boolean).join(' ');
  const handleFiles = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    // Cleared so choosing the same file again (after removing it) still fires a change.
    input.value = '';
    if (files.length > 0) onAdd(files);
  };

  return (
    <fieldset className={['fieldset', message ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')}>
      <legend className="fieldset__legend">{legend}</legend>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      <div className="photo-inputs">
        <input
          id={cameraId}
          type="file"
          className="visually-hidden photo-inputs__input"
          accept={ACCEPT}
          capture="environment"
          disabled={isFull}
          aria-describedby={describedBy}
          aria-invalid={message ? true : undefined}
          onChange={(event) => handleFiles(event.currentTarget)}
        />
        <label htmlFor={cameraId} className="button button--secondary photo-inputs__button photo-inputs__button--camera">
          {t('reports.photos.takePhoto')}
        </label>
        <input
          id={filesId}
          type="file"
          className="visually-hidden photo-inputs__input"
          accept={ACCEPT}
          multiple
          disabled={isFull}
          aria-describedby={describedBy}
          onChange={(event) => handleFiles(event.currentTarget)}
        />
        <label htmlFor={filesId} className="button button--secondary photo-inputs__button">
          {t('reports.photos.choosePhotos')}
        </label>
      </div>
      {message && (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      )}
      {entries.length > 0 && (
        <ul className="photo-list" aria-label={t('reports.photos.chosen', { count: entries.length, max: MAX_PHOTOS })}>
          {entries.map((entry, index) => {
            const name = t('reports.photos.photoNumber', { number: index + 1 });
            const source = entry.previewUrl ?? entry.thumbnail;
            return (
              <li key={entry.localId} className={`photo-list__item photo-list__item--${entry.status}`}>
                {source ? <img src={source} alt={name} className="photo-list__image" /> : <span className="photo-list__placeholder">{name}</span>}
                <p className="photo-list__status" role={entry.status === 'failed' ? 'alert' : undefined}>
                  {entry.status === 'uploading' && t('reports.photos.uploading')}
                  {entry.status === 'uploaded' && t('reports.photos.uploaded')}
                  {entry.status === 'waiting' && t('reports.photos.waiting')}
                  {entry.status === 'failed' && describe(entry.error)}
                </p>
                <div className="photo-list__actions">
                  {entry.status === 'failed' && entry.file && (
                    <button type="button" className="button button--link" onClick={() => onRetry(entry.localId)}>
                      {t('reports.photos.retry', { name })}
                    </button>
                  )}
                  <button type="button" className="button button--link" onClick={() => onRemove(entry.localId)}>
                    {t('reports.photos.remove', { name })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
