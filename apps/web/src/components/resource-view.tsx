import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';
import { LoadingState } from './loading-state.tsx';
import type { Resource } from './use-api-resource.ts';

/** Shows loading, the API's error with a retry button, or the loaded data. */
export function ResourceView<T>({
  resource,
  reload,
  children,
}: {
  resource: Resource<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (resource.status === 'loading') return <LoadingState />;
  if (resource.status === 'error') {
    return (
      <ErrorAlert error={resource.error}>
        <button type="button" className="button button--secondary" onClick={reload}>
          {t('common.retry')}
        </button>
      </ErrorAlert>
    );
  }
  return <>{children(resource.data)}</>;
}
