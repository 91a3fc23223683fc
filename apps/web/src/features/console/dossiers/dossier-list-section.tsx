import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Agency, DossierStatus, DossierSummary } from '@onecity/contracts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { ResourceView } from '../../../components/resource-view.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useApiResource } from '../../../components/use-api-resource.ts';
import { useNow } from '../../../components/use-now.ts';
import { secondsUntil } from '../../reports/countdown.ts';
import { nameIn } from '../../reports/report-bits.tsx';
import { ListTable } from '../list-page.tsx';
import { DeadlineCountdown, DossierStatusBadge, DossierSubnav } from './dossier-bits.tsx';
import { DOSSIER_STATUS_ORDER, countdownState, dossierTabsFor, isDeskOfficer, isStepClockRunning, sortByStepDue } from './dossier-rules.ts';
import { dossiersPath, type DossierList, type DossierQueue } from './dossiers.api.ts';

export const DOSSIER_PAGE_SIZE = 50;

/**
 * /console/dossiers: the desk's intake of online dossiers, the officer's own work list (soonest step deadline
 * first, counting down live) and every dossier in the officer's scope with a status filter and a search.
 */
export function DossierListSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = useMemo(() => (user ? dossierTabsFor(user) : []), [user]);
  const queue = tabs.find((tab) => tab === searchParams.get('queue')) ?? tabs[0] ?? 'all';
  const statusParam = searchParams.get('status') ?? '';
  const status = (DOSSIER_STATUS_ORDER as readonly string[]).includes(statusParam) ? (statusParam as DossierStatus) : undefined;
  const q = (searchParams.get('q') ?? '').trim();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const [agencies] = useApiResource<{ items: Agency[] }>('/agencies');

  const update = (changes: Record<string, string>) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  if (user === undefined) return null;
  const isAll = queue === 'all';
  const path = dossiersPath({
    queue,
    status: isAll ? status : undefined,
    q: isAll ? q : undefined,
    limit: DOSSIER_PAGE_SIZE,
    offset: (page - 1) * DOSSIER_PAGE_SIZE,
  });
  const agencyByCode = new Map((agencies.status === 'ready' ? agencies.data.items : []).map((agency) => [agency.code, agency]));

  return (
    <section className="page">
      <PageTitle>{t('dossierConsole.title')}</PageTitle>
      <div className="dossier-toolbar">
        <DossierSubnav />
        {isDeskOfficer(user) && (
          <Link className="button button--primary" to="/console/dossiers/new">
            {t('dossierConsole.intakePaper')}
          </Link>
        )}
      </div>
      {tabs.length > 1 && (
        <div className="segmented" role="group" aria-label={t('dossierConsole.tabs.label')}>
          {tabs.map((tab) => (
            <button key={tab} type="button" className="segmented__option" aria-pressed={tab === queue} onClick={() => update({ queue: tab })}>
              {t(`dossierConsole.tabs.${tab}`)}
            </button>
          ))}
        </div>
      )}
      <p className="lead">{t(`dossierConsole.tabIntro.${queue}`)}</p>
      {isAll && <ListFilters key={q} status={status} q={q} onChange={update} />}
      <DossierTable key={path} path={path} queue={queue} page={page} agencyByCode={agencyByCode} onPage={(next) => update({ page: next > 1 ? String(next) : '' })} />
    </section>
  );
}

function ListFilters({ status, q, onChange }: { status: DossierStatus | undefined; q: string; onChange: (changes: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(q);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ q: draft.trim() });
  };
  return (
    <form className="filters" role="search" aria-label={t('dossierConsole.filters.label')} onSubmit={submit}>
      <SelectField
        label={t('dossierConsole.filters.status')}
        placeholder={t('dossierConsole.filters.allStatuses')}
        options={DOSSIER_STATUS_ORDER.map((value) => ({ value, label: t(`dossierConsole.status.${value}`) }))}
        value={status ?? ''}
        onChange={(event) => onChange({ status: event.target.value })}
      />
      <TextField label={t('dossierConsole.filters.search')} hint={t('dossierConsole.filters.searchHint')} type="search" maxLength={200} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <div>
        <button type="submit" className="button button--secondary">
          {t('dossierConsole.filters.submit')}
        </button>
      </div>
    </form>
  );
}

function DossierTable({
  path,
  queue,
  page,
  agencyByCode,
  onPage,
}: {
  path: string;
  queue: DossierQueue;
  page: number;
  agencyByCode: ReadonlyMap<string, Agency>;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const [list, reload] = useApiResource<DossierList>(path);
  return (
    <ResourceView resource={list} reload={reload}>
      {({ items, total }) => {
        if (items.length === 0) return <p>{t(`dossierConsole.empty.${queue}`)}</p>;
        // The API orders the work list by step deadline; sorting again keeps that order whatever the server did.
        const rows = queue === 'mine' ? sortByStepDue(items) : items;
        const first = (page - 1) * DOSSIER_PAGE_SIZE + 1;
        return (
          <div className="dossier-list">
            <ListTable
              caption={t('dossierConsole.shown', { from: first, to: first + items.length - 1, total })}
              columns={[
                t('dossierConsole.columns.code'),
                t('dossierConsole.columns.procedure'),
                t('dossierConsole.columns.applicant'),
                t('dossierConsole.columns.step'),
                t('dossierConsole.columns.stepDue'),
                t('dossierConsole.columns.appointment'),
                t('dossierConsole.columns.status'),
              ]}
            >
              {rows.map((item) => (
                <DossierRow key={item.code} item={item} agencyByCode={agencyByCode} />
              ))}
            </ListTable>
            {total > DOSSIER_PAGE_SIZE && (
              <nav className="dossier-pages" aria-label={t('dossierConsole.pages.label')}>
                <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
                  {t('dossierConsole.pages.previous')}
                </button>
                <button type="button" className="button button--secondary" disabled={first + items.length - 1 >= total} onClick={() => onPage(page + 1)}>
                  {t('dossierConsole.pages.next')}
                </button>
              </nav>
            )}
          </div>
        );
      }}
    </ResourceView>
  );
}

function DossierRow({ item, agencyByCode }: { item: DossierSummary; agencyByCode: ReadonlyMap<string, Agency> }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const now = useNow(30_000);
  const step = item.currentStep;
  const isCounting = step !== null && isStepClockRunning(item.status);
  const state = step && isCounting ? countdownState(secondsUntil(step.dueAt, now)) : 'on_time';
  const stepAgency = step ? agencyByCode.get(step.agencyCode) : undefined;
  const className = state === 'overdue' ? 'dossier-row--overdue' : state === 'nearly_due' ? 'dossier-row--soon' : undefined;
  return (
    <tr className={className}>
      <th scope="row">
        <Link to={`/console/dossiers/${encodeURIComponent(item.code)}`}>{item.code}</Link>
        <span className="dossier-cell__meta">{t(`dossierConsole.channel.${item.channel}`)}</span>
      </th>
      <td>{nameIn(locale, { nameVi: item.procedureNameVi, nameEn: item.procedureNameEn })}</td>
      <td>{item.applicantName}</td>
      <td>
        {step ? (
          <>
            {nameIn(locale, step)}
            <span className="dossier-cell__meta">{stepAgency ? nameIn(locale, stepAgency) : step.agencyCode}</span>
            <span className="dossier-cell__meta">{step.assigneeName ? t('dossierConsole.assignee', { name: step.assigneeName }) : t('dossierConsole.unassigned')}</span>
          </>
        ) : (
          t('dossierConsole.noStep')
        )}
      </td>
      <td>{step && isCounting ? <DeadlineCountdown dueAt={step.dueAt} /> : item.status === 'supplement_requested' ? t('dossierConsole.paused') : '—'}</td>
      <td>{formatDate(item.appointmentDate, locale)}</td>
      <td>
        <DossierStatusBadge status={item.status} />
      </td>
    </tr>
  );
}
