import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource, type Resource } from '../../components/use-api-resource.ts';
import { isDocumentId } from './document-format.ts';
import { verificationPath, type DocumentVerification } from './documents.api.ts';
import { IntegrityPanel, IssuerPanel, SignaturePanel, ValidityPanel } from './verification-panels.tsx';
import './documents.css';

/**
 * /verify/:id — opened from the QR code printed on each document, without logging in: the document's title,
 * number and type, then four independent checks (integrity, digital signature, validity, issuing authority).
 */
export function DocumentVerificationPage() {
  const { id = '' } = useParams();
  // A malformed id cannot name a document: say so at once rather than ask the API.
  return isDocumentId(id) ? <Verification key={id} id={id} /> : <NotFound id={id} />;
}

function Verification({ id }: { id: string }) {
  const [resource, reload] = useApiResource<DocumentVerification>(verificationPath(id));
  if (isNotFound(resource)) return <NotFound id={id} />;
  return (
    <VerificationFrame>
      <ResourceView resource={resource} reload={reload}>
        {(verification) => <VerificationView verification={verification} />}
      </ResourceView>
    </VerificationFrame>
  );
}

const isNotFound = (resource: Resource<unknown>) => resource.status === 'error' && resource.error instanceof ApiError && resource.error.status === 404;

function VerificationFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow">
      <PageTitle>{t('documents.verification.title')}</PageTitle>
      {children}
      <p>
        <Link to="/verify">{t('documents.verification.checkAnother')}</Link>
      </p>
    </section>
  );
}

function VerificationView({ verification }: { verification: DocumentVerification }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <>
      <div className="card document-head">
        {/* The title exists in Vietnamese only; mark it so an English screen reader reads it in Vietnamese. */}
        <h2 className="document-head__title" lang={locale === 'vi' ? undefined : 'vi'}>
          {verification.titleVi}
        </h2>
        <dl className="summary-list">
          <div>
            <dt>{t('documents.verification.number')}</dt>
            <dd>{verification.numberSymbol}</dd>
          </div>
          <div>
            <dt>{t('documents.verification.kind')}</dt>
            <dd>{t(`documents.kind.${verification.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('documents.verification.id')}</dt>
            <dd>
              <code className="hash__value">{verification.id}</code>
            </dd>
          </div>
        </dl>
      </div>
      <p className="note">{t('documents.verification.checksIntro')}</p>
      <div className="check-panels">
        <IntegrityPanel integrity={verification.integrity} />
        <SignaturePanel check={verification.signature} />
        <ValidityPanel status={verification.status} />
        <IssuerPanel issuer={verification.issuer} />
      </div>
    </>
  );
}

function NotFound({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow">
      <PageTitle>{t('documents.verification.notFoundTitle')}</PageTitle>
      <div className="alert alert--error" role="alert">
        <p>{t('documents.verification.notFoundBody', { id })}</p>
      </div>
      <p>
        <Link to="/verify">{t('documents.verification.checkAnother')}</Link>
      </p>
    </section>
  );
}
