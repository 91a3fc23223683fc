import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n/index.ts';
import { useErrorMessage } from '../../components/error-alert.tsx';
import { MAX_FILES_PER_COMPONENT, type ComponentUploadState } from './component-uploads.ts';
import { withRequiredMark } from './procedure-format.ts';
import { ACCEPT_ATTRIBUTE, MAX_FILE_BYTES, formatFileSize } from './dossier-files.ts';

/** A component file of one of the citizen's earlier dossiers (GET /api/v1/dossiers/files/reusable). */
export type ReusableFile = { fileId: string; componentCode: string | null; fileName: string; contentType: string; byteSize: number; dossierCode: string; createdAt: string };

/**
 * One dossier component: its name (marked when required), a hint, a file input (PDF, JPEG or PNG up to 10 MB)
 * and the chosen files with name, size, upload state, retry and remove. The caller uploads as soon as files are chosen.
 */
export function ComponentFilesField({
  name,
  isRequired,
  hint,
  extra,
  state,
  error,
  onAdd,
  onRemove,
  onRetry,
  reusable,
  onReuse,
}: {
  name: string;
  isRequired: boolean;
  hint?: string | undefined;
  /** Shown under the hint (a template link). */
  extra?: ReactNode;
  state: ComponentUploadState;
  error?: string | undefined;
  onAdd: (files: File[]) => void;
  onRemove: (localId: string) => void;
  onRetry: (localId: string) => void;
  /** Files of the citizen's earlier dossiers this component may reuse (only for components marked reusable). */
  reusable?: readonly ReusableFile[] | undefined;
  onReuse?: ((file: ReusableFile) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const describe = useErrorMessage();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const rejected = state.rejected ? t(`procedures.files.rejected.${state.rejected}`, { max: MAX_FILES_PER_COMPONENT, size: formatFileSize(MAX_FILE_BYTES, locale) }) : undefined;
  const message = error ?? rejected;
  const isFull = state.entries.length >= MAX_FILES_PER_COMPONENT;
  const describedBy = [hintId, message ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <fieldset className={['fieldset', 'component-files', message ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')}>
      <legend className="fieldset__legend">
        {withRequiredMark(name, isRequired)}
      </legend>
      <p className="field__hint" id={hintId}>
        {[hint, t('procedures.files.accepted', { size: formatFileSize(MAX_FILE_BYTES, locale) })].filter(Boolean).join(' ')}
      </p>
      {extra}
      <div className="photo-inputs">
        <input
          id={inputId}
          type="file"
          className="visually-hidden photo-inputs__input"
          accept={ACCEPT_ATTRIBUTE}
          multiple
          disabled={isFull}
          aria-describedby={describedBy}
          aria-invalid={message ? true : undefined}
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            // Cleared so choosing the same file again (after removing it) still fires a change.
            input.value = '';
            if (files.length > 0) onAdd(files);
          }}
        />
        <label htmlFor={inputId} className="button button--secondary photo-inputs__button">
          {t('procedures.files.choose')}
          <span className="visually-hidden"> – {name}</span>
        </label>
      </div>
      {reusable && reusable.length > 0 && onReuse && !isFull && (
        <label className="field">
          <span className="field__label">{t('procedures.files.reuse')}</span>
          <select
            className="field__input"
            value=""
            onChange={(event) => {
              const chosen = reusable.find((file) => file.fileId === event.currentTarget.value);
              if (chosen) onReuse(chosen);
            }}
          >
            <option value="">{t('procedures.files.reusePick')}</option>
            {reusable.map((file) => (
              <option key={file.fileId} value={file.fileId}>
                {t('procedures.files.reuseOption', { name: file.fileName, code: file.dossierCode })}
              </option>
            ))}
          </select>
        </label>
      )}
      {message && (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      )}
      {state.entries.length > 0 && (
        <ul className="file-list" aria-label={t('procedures.files.chosen', { name })}>
          {state.entries.map((entry) => (
            <li key={entry.localId} className={`file-list__item file-list__item--${entry.status}`}>
              <span className="file-list__name">{entry.name}</span>
              <span className="file-list__meta">
                {formatFileSize(entry.size, locale)}
                {' · '}
                <span role={entry.status === 'failed' ? 'alert' : undefined}>
                  {entry.status === 'uploading' && t('procedures.files.uploading')}
                  {entry.status === 'uploaded' && t('procedures.files.uploaded')}
                  {entry.status === 'failed' && describe(entry.error)}
                </span>
              </span>
              <span className="file-list__actions">
                {entry.status === 'failed' && entry.file && (
                  <button type="button" className="button button--link" onClick={() => onRetry(entry.localId)}>
                    {t('procedures.files.retry', { name: entry.name })}
                  </button>
                )}
                <button type="button" className="button button--link" onClick={() => onRemove(entry.localId)}>
                  {t('procedures.files.remove', { name: entry.name })}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
