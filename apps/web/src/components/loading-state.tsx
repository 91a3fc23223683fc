import { useTranslation } from 'react-i18next';

/** A polite "loading" line for screens waiting on the API. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
