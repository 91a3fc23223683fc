import { useTranslation } from 'react-i18next';

/** The figures on screen as files: a CSV to work with and a PDF report to send on (both straight from the API). */
export function ExportLinks({ csvUrl, pdfUrl, label }: { csvUrl: string; pdfUrl: string; label: string }) {
  const { t } = useTranslation();
  return (
    <p className="ioc__exports" role="group" aria-label={label}>
      <a className="button button--secondary" href={csvUrl} download>
        {t('operations.exports.csv')}
      </a>
      <a className="button button--secondary" href={pdfUrl} download>
        {t('operations.exports.pdf')}
      </a>
    </p>
  );
}
