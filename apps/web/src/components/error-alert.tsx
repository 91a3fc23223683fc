import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../app/api.ts';

/** The message to show for an error: the API's localised `detail`, or a generic sentence. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    // `title` is not localised by the API, so only `detail` is shown; without one, a sentence of our own.
    if (error instanceof ApiError) return error.problem.detail || t('common.unexpectedError');
    if (error instanceof NetworkError) return t('common.networkError');
    return t('common.unexpectedError');
  };
}

/** An announced error box; renders nothing without an error. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const describe = useErrorMessage();
  if (error === undefined || error === null) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{describe(error)}</p>
      {children}
    </div>
  );
}

/** A polite confirmation ("saved", "code sent"); renders nothing without a message. */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <div role="status" className={message ? 'alert alert--success' : undefined}>
      {message && <p>{message}</p>}
    </div>
  );
}
