import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOSSIER_STATUSES, type DossierStatus, type DossierSummary } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { DossierStatusBadge, OverdueBadge } from './dossier-bits.tsx';
import { myDossiersPath, type DossierList } from './procedures.api.ts';
import './procedures.css';

export const MY_DOSSIERS_LIMIT = 100;
const STATUSES = Object.keys(DOSSIER_STATUSES) as DossierStatus[];

/** /dossiers/mine: the citizen's dossiers, newest first, with status, appointment date and an overdue mark. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((candidate) => candidate === params.get('status')) ?? '';
  const [dossiers, reload] = useApiResource<DossierList>(myDossiersPath({ status, limit: MY_DOSSIERS_LIMIT }));
  return (
    <section className="page page--narrow">
      <PageTitle>{t('procedures.mine.title')}</PageTitle>
      <div className="form-actions">
        <Link to="/services" className="button button--primary">
          {t('procedures.mine.fileNew')}
        </Link>
        <Link to="/lookup" className="button button--secondary">
          {t('procedures.lookup.title')}
        </Link>
      </div>
      <div className="filters">
        <SelectField
          label={t('procedures.mine.statusFilter')}
          name="status"
          placeholder={t('procedures.mine.allStatuses')}
          options={STATUSES.map((value) => ({ value, label: t(`procedures.status.${value}`) }))}
          value={status}
          onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {}, { replace: true })}
        />
      </div>
      <ResourceView resource={dossiers} reload={reload}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{status ? t('procedures.mine.emptyFiltered') : t('procedures.mine.empty')}</p>
          ) : (
            <>
              {items.length < total && <p className="note">{t('procedures.mine.truncated', { shown: items.length, total })}</p>}
              <DossierCards dossiers={items} />
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

/** Dossiers as cards: code (a link), status, procedure, agency, dates. Also usable for other lists of summaries. */
export function DossierCards({ dossiers, linkTo = (code) => `/dossiers/${encodeURIComponent(code)}` }: { dossiers: readonly DossierSummary[]; linkTo?: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ul className="report-list">
      {dossiers.map((dossier) => (
        <li key={dossier.code} className={['report-card', dossier.isOverdue ? 'dossier-card--overdue' : undefined].filter(Boolean).join(' ')}>
          <p className="report-card__head">
            <Link to={linkTo(dossier.code)} className="report-card__code">
              {dossier.code}
            </Link>{' '}
            <DossierStatusBadge status={dossier.status} /> {dossier.isOverdue && <OverdueBadge />}
          </p>
          <p className="report-card__category">{locale === 'vi' ? dossier.procedureNameVi : dossier.procedureNameEn}</p>
          <p className="report-card__meta">{locale === 'vi' ? dossier.agencyNameVi : dossier.agencyNameEn}</p>
          <p className="report-card__meta">
            {t('procedures.dossier.submittedAt')}: <time dateTime={dossier.submittedAt}>{formatDateTime(dossier.submittedAt, locale)}</time>
            {' · '}
            {t('procedures.dossier.appointmentDate')}: <time dateTime={dossier.appointmentDate}>{formatDate(dossier.appointmentDate, locale)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
