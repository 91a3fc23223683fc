import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Agency, User } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { compareNames } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { agenciesInScope, currentMonthRange } from '../console/dossiers/dossier-rules.ts';
import { ListTable } from '../console/list-page.tsx';
import { nameIn } from '../reports/report-bits.tsx';
import { formatCityDate, formatPercent, isDocumentId } from './document-format.ts';
import {
  documentPdfUrl,
  documentStatisticsPath,
  documentsPath,
  revokeDocument,
  verifyPagePath,
  type DocumentList,
  type DocumentStatistics,
  type DocumentSummary,
  type StatisticsQuery,
} from './documents.api.ts';
import { DocumentStatusBadge } from './verification-panels.tsx';
import './documents.css';

export const DOCUMENT_PAGE_SIZE = 50;

const MANAGING_ROLES: ReadonlySet<string> = new Set(['unit_lead', 'admin']);

/**
 * Whether the interface offers "revoke / supersede" on a document still in force: to unit leads and admins
 * holding the role on the issuing agency or an agency above it (the agency path lists codes from the root down),
 * as the API rules. The API decides.
 */
export function canRevoke(user: User, document: Pick<DocumentSummary, 'agencyCode' | 'status'>, agencies: readonly Agency[]): boolean {
  if (document.status !== 'valid') return false;
  const path = agencies.find((agency) => agency.code === document.agencyCode)?.path.split('.') ?? [document.agencyCode];
  return user.roles.some((grant) => MANAGING_ROLES.has(grant.role) && grant.agencyCode !== null && path.includes(grant.agencyCode));
}

/**
 * /console/documents: the signed documents of the staff member's agencies (title, number, type, agency, date,
 * signatures, validity, PDF and verification links), the "revoke / supersede" action for those who may, and
 * the share of this month's documents that were digitally signed for an agency in scope.
 */
export function DocumentsSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const [agencies, reloadAgencies] = useApiResource<{ items: Agency[] }>('/agencies');
  const [list, reloadList] = useApiResource<DocumentList>(documentsPath({ limit: DOCUMENT_PAGE_SIZE, offset: (page - 1) * DOCUMENT_PAGE_SIZE }));
  const [revoking, setRevoking] = useState<DocumentSummary | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const agencyList = useMemo(() => (agencies.status === 'ready' ? agencies.data.items : []), [agencies]);
  if (user === undefined) return null;

  const setPage = (next: number) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next > 1) params.set('page', String(next));
        else params.delete('page');
        return params;
      },
      { replace: true },
    );

  return (
    <section className="page">
      <PageTitle>{t('documents.console.title')}</PageTitle>
      <p className="lead">{t('documents.console.intro')}</p>
      <ResourceView resource={agencies} reload={reloadAgencies}>
        {(data) => <SignedShareKpi user={user} agencies={data.items} />}
      </ResourceView>
      <StatusMessage message={notice} />
      {revoking !== undefined && (
        <RevokeForm
          key={revoking.id}
          document={revoking}
          onCancel={() => setRevoking(undefined)}
          onDone={(message) => {
            setRevoking(undefined);
            setNotice(message);
            reloadList();
          }}
        />
      )}
      <ResourceView resource={list} reload={reloadList}>
        {({ items, total }) => {
          if (items.length === 0) return <p>{t('documents.console.empty')}</p>;
          const first = (page - 1) * DOCUMENT_PAGE_SIZE + 1;
          const last = first + items.length - 1;
          return (
            <>
              <ListTable
                caption={t('documents.console.shown', { from: first, to: last, total })}
                columns={[
                  t('documents.console.columns.title'),
                  t('documents.console.columns.number'),
                  t('documents.console.columns.agency'),
                  t('documents.console.columns.issuedAt'),
                  t('documents.console.columns.signatures'),
                  t('documents.console.columns.status'),
                  t('documents.console.columns.links'),
                  t('documents.console.columns.actions'),
                ]}
              >
                {items.map((document) => (
                  <tr key={document.id}>
                    <th scope="row">
                      <span lang={locale === 'vi' ? undefined : 'vi'}>{document.titleVi}</span>
                      <span className="document-cell__meta">{t(`documents.kind.${document.kind}`)}</span>
                    </th>
                    <td>{document.numberSymbol}</td>
                    <td>{nameIn(locale, { nameVi: document.agencyNameVi, nameEn: document.agencyNameEn })}</td>
                    <td>
                      <time dateTime={document.issuedAt}>{formatCityDate(document.issuedAt)}</time>
                    </td>
                    <td>{document.signatureCount}</td>
                    <td>
                      <DocumentStatusBadge status={document.status} />
                    </td>
                    <td>
                      <span className="document-links">
                        <a href={documentPdfUrl(document.id)} aria-label={t('documents.console.pdfOf', { number: document.numberSymbol })}>
                          {t('documents.console.pdf')}
                        </a>
                        <Link to={verifyPagePath(document.id)} aria-label={t('documents.console.verifyOf', { number: document.numberSymbol })}>
                          {t('documents.console.verify')}
                        </Link>
                      </span>
                    </td>
                    <td>
                      {canRevoke(user, document, agencyList) && (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('documents.console.revoke.openOf', { number: document.numberSymbol })}
                          aria-expanded={revoking?.id === document.id}
                          onClick={() => {
                            setNotice(undefined);
                            setRevoking(document);
                          }}
                        >
                          {t('documents.console.revoke.open')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </ListTable>
              {total > DOCUMENT_PAGE_SIZE && (
                <nav className="document-pages" aria-label={t('documents.console.pages')}>
                  <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {t('documents.console.previous')}
                  </button>
                  <button type="button" className="button button--secondary" disabled={last >= total} onClick={() => setPage(page + 1)}>
                    {t('documents.console.next')}
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}

const REVOKE_FIELDS = ['reason', 'supersededBy'] as const;

/** Revoke or supersede one document: the new status, a reason (shown publicly), and optionally the replacement. */
function RevokeForm({ document, onCancel, onDone }: { document: DocumentSummary; onCancel: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened from a row of the table below: take the keyboard and screen reader to the form.
  useEffect(() => headingRef.current?.focus(), []);
  const request = useFormSubmit(REVOKE_FIELDS);
  const [status, setStatus] = useState<'revoked' | 'superseded'>('revoked');
  const [reason, setReason] = useState('');
  const [supersededBy, setSupersededBy] = useState('');
  const [errors, setErrors] = useState<Partial<Record<(typeof REVOKE_FIELDS)[number], string>>>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const replacement = supersededBy.trim().toLowerCase();
    const isSuperseding = status === 'superseded';
    const found = {
      reason: reason.trim() === '' ? t('documents.console.revoke.reasonRequired') : undefined,
      supersededBy: !isSuperseding
        ? undefined
        : replacement === ''
          ? t('documents.console.revoke.supersededByRequired')
          : !isDocumentId(replacement) || replacement === document.id
            ? t('documents.console.revoke.supersededByInvalid')
            : undefined,
    };
    setErrors(found);
    if (found.reason !== undefined || found.supersededBy !== undefined) {
      window.setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const result = await request.submit(() => revokeDocument(document.id, { status, reason: reason.trim(), ...(isSuperseding ? { supersededBy: replacement } : {}) }));
    if (result.ok) onDone(t(status === 'revoked' ? 'documents.console.revoke.doneRevoked' : 'documents.console.revoke.doneSuperseded', { number: document.numberSymbol }));
  }

  return (
    <section className="card document-revoke" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('documents.console.revoke.title', { number: document.numberSymbol })}
      </h2>
      <form ref={formRef} className="form" noValidate aria-labelledby={titleId} onSubmit={(event) => void handleSubmit(event)}>
        <ErrorAlert error={request.error} />
        <p className="note">{t('documents.console.revoke.warning')}</p>
        <SelectField
          label={t('documents.console.revoke.kind')}
          options={[
            { value: 'revoked', label: t('documents.console.revoke.revoked') },
            { value: 'superseded', label: t('documents.console.revoke.superseded') },
          ]}
          value={status}
          onChange={(event) => setStatus(event.target.value === 'superseded' ? 'superseded' : 'revoked')}
        />
        <TextareaField
          label={t('documents.console.revoke.reason')}
          hint={t('documents.console.revoke.reasonHint')}
          maxLength={2000}
          value={reason}
          error={errors.reason ?? request.serverFieldErrors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {status === 'superseded' && (
          <TextField
            label={t('documents.console.revoke.supersededBy')}
            hint={t('documents.console.revoke.supersededByHint')}
            autoComplete="off"
            spellCheck={false}
            value={supersededBy}
            error={errors.supersededBy ?? request.serverFieldErrors.supersededBy}
            onChange={(event) => setSupersededBy(event.target.value)}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={request.isSubmitting}>
            {t('documents.console.revoke.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('documents.console.revoke.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The share of this month's documents that were digitally signed, for an agency in the viewer's scope. */
function SignedShareKpi({ user, agencies }: { user: User; agencies: readonly Agency[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const month = useMemo(() => currentMonthRange(new Date()), []);
  const scope = useMemo(() => {
    const compare = compareNames(locale);
    return agenciesInScope(user, agencies, (left, right) => compare(nameIn(locale, left), nameIn(locale, right)));
  }, [user, agencies, locale]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const agency = scope.find((candidate) => candidate.code === chosen) ?? scope[0];
  const titleId = useId();
  return (
    <section className="kpi-card document-kpi" aria-labelledby={titleId}>
      <h2 id={titleId} className="kpi-card__title">
        {t('documents.console.kpi.title')}
      </h2>
      {agency === undefined ? (
        <p className="kpi-card__value kpi-card__value--empty">{t('documents.console.kpi.noAgency')}</p>
      ) : (
        <>
          {scope.length > 1 && (
            <SelectField
              label={t('documents.console.kpi.agency')}
              options={scope.map((candidate) => ({ value: candidate.code, label: nameIn(locale, candidate) }))}
              value={agency.code}
              onChange={(event) => setChosen(event.target.value)}
            />
          )}
          <SignedShare key={agency.code} query={{ agencyCode: agency.code, from: month.from, to: month.to }} />
        </>
      )}
    </section>
  );
}

function SignedShare({ query }: { query: StatisticsQuery }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [stats, reload] = useApiResource<DocumentStatistics>(documentStatisticsPath(query));
  const count = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(value);
  return (
    <ResourceView resource={stats} reload={reload}>
      {(data) =>
        data.signedShare === null || data.issued === 0 ? (
          <p className="kpi-card__value kpi-card__value--empty">{t('documents.console.kpi.none')}</p>
        ) : (
          <>
            <p className="kpi-card__value">{formatPercent(data.signedShare, locale)}</p>
            <p className="kpi-card__detail">
              {t('documents.console.kpi.detail', {
                signed: count(data.signed),
                issued: count(data.issued),
                from: formatCityDate(`${data.from}T12:00:00+07:00`),
                to: formatCityDate(`${data.to}T12:00:00+07:00`),
              })}
            </p>
          </>
        )
      }
    </ResourceView>
  );
}
