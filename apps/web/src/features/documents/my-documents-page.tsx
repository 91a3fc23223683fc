import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n/index.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { formatCityDate } from './document-format.ts';
import { documentPdfUrl, documentsPath, verifyPagePath, type DocumentList } from './documents.api.ts';
import { DocumentStatusBadge } from './verification-panels.tsx';
import './documents.css';

export const MY_DOCUMENTS_LIMIT = 100;

/** /documents/mine: the signed documents issued to the logged-in citizen, each with its PDF and verification. */
export function MyDocumentsPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [documents, reload] = useApiResource<DocumentList>(documentsPath({ limit: MY_DOCUMENTS_LIMIT }));
  return (
    <section className="page page--narrow">
      <PageTitle>{t('documents.mine.title')}</PageTitle>
      <p className="lead">{t('documents.mine.intro')}</p>
      <ResourceView resource={documents} reload={reload}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{t('documents.mine.empty')}</p>
          ) : (
            <>
              {items.length < total && <p className="note">{t('documents.mine.truncated', { shown: items.length, total })}</p>}
              <ul className="report-list">
                {items.map((document) => (
                  <li key={document.id} className="report-card">
                    <h2 className="report-card__category" lang={locale === 'vi' ? undefined : 'vi'}>
                      {document.titleVi}
                    </h2>
                    <p className="report-card__head">
                      <span className="report-card__code">{document.numberSymbol}</span> <DocumentStatusBadge status={document.status} />
                    </p>
                    <p className="report-card__meta">
                      {t(`documents.kind.${document.kind}`)} · {locale === 'vi' ? document.agencyNameVi : document.agencyNameEn}
                    </p>
                    <p className="report-card__meta">
                      {t('documents.mine.issuedAt')}: <time dateTime={document.issuedAt}>{formatCityDate(document.issuedAt)}</time>
                      {document.dossierCode !== null && (
                        <>
                          {' · '}
                          {t('documents.mine.dossier')}: <Link to={`/dossiers/${encodeURIComponent(document.dossierCode)}`}>{document.dossierCode}</Link>
                        </>
                      )}
                    </p>
                    <p className="document-links">
                      <a className="button button--secondary" href={documentPdfUrl(document.id)} download aria-label={`${t('documents.mine.download')} — ${document.numberSymbol}`}>
                        {t('documents.mine.download')}
                      </a>
                      <Link className="button button--secondary" to={verifyPagePath(document.id)} aria-label={`${t('documents.mine.verify')} — ${document.numberSymbol}`}>
                        {t('documents.mine.verify')}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </ResourceView>
    </section>
  );
}
