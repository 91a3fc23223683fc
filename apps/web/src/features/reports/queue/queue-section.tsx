import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Agency, ReportCategory } from '@onecity/contracts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../../components/error-alert.tsx';
import { compareNames, formatDateTime } from '../../../components/format.ts';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useAreas } from '../../../components/map/use-areas.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useApiResource } from '../../../components/use-api-resource.ts';
import { LiveCountdown, StatusBadge, nameIn } from '../report-bits.tsx';
import { REPORT_STATUSES } from '../report-status.ts';
import { listQueue, listUnitOfficers, type QueueItem, type ReportStatus } from '../reports.api.ts';
import { BulkActions, bulkActionsFor } from './bulk-actions.tsx';
import { ReportPhotos } from './photo-redaction.tsx';
import { QueueActions } from './queue-actions.tsx';
import { queueActionsFor, queueScopesFor, type QueueActor, type QueueScope } from './queue-rules.ts';

const QUEUE_LIMIT = 200;
// The statuses a queue can hold (rejected and merged reports have left every queue).
const QUEUE_STATUSES = REPORT_STATUSES.filter((status) => status !== 'rejected' && status !== 'merged');

type Loaded = { items: QueueItem[]; fetchedAt: number };
type Officer = { id: string; fullName: string };
const HANDLING_STATUSES: readonly ReportStatus[] = ['assigned', 'in_progress'];
type QueueState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: Loaded };

/**
 * /console/reports: the report queue. Unit staff see their unit's reports; IOC operators also the triage queue
 * (reports no routing rule placed) and any unit. Soonest deadline first, with a live countdown, filters and the
 * actions each role may take.
 */
export function ReportQueueSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const scopes = useMemo(() => (user ? queueScopesFor(user) : []), [user]);
  const [searchParams, setSearchParams] = useSearchParams();
  const scope = scopes.find((candidate) => candidate.key === searchParams.get('queue')) ?? scopes[0];
  const statusParam = searchParams.get('status') ?? '';
  const status = (QUEUE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ReportStatus) : '';
  const category = searchParams.get('category') ?? '';
  const area = searchParams.get('area') ?? '';
  const unitFilter = searchParams.get('unit') ?? '';
  const isOverdueOnly = searchParams.get('overdue') === '1';
  const [categories] = useApiResource<{ items: ReportCategory[] }>('/reports/categories');
  const [agencies] = useApiResource<{ items: Agency[] }>('/agencies');
  const areas = useAreas();
  const [queue, setQueue] = useState<QueueState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const unitListId = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [photosOpen, setPhotosOpen] = useState<string | undefined>(undefined);

  // A unit typed in the city-wide queue applies once it is a known code, not at every keystroke.
  const isKnownUnit = agencies.status === 'ready' && agencies.data.items.some((agency) => agency.code === unitFilter.trim());
  const unitCode = scope?.kind === 'unit' ? scope.unitCode : scope?.kind === 'city' && isKnownUnit ? unitFilter.trim() : '';
  useEffect(() => {
    if (scope === undefined) return;
    let isCurrent = true;
    setQueue((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    listQueue({
      triage: scope.kind === 'triage',
      unit: unitCode || undefined,
      statuses: status ? [status] : undefined,
      category: category || undefined,
      area: area || undefined,
      overdue: isOverdueOnly,
      limit: QUEUE_LIMIT,
    })
      .then(({ items }) => {
        if (!isCurrent) return;
        const sorted = [...items].sort((left, right) => left.secondsLeft - right.secondsLeft);
        setQueue({ status: 'ready', data: { items: sorted, fetchedAt: Date.now() } });
      })
      .catch((error: unknown) => isCurrent && setQueue({ status: 'error', error }));
    return () => {
      isCurrent = false;
    };
  }, [scope, unitCode, status, category, area, isOverdueOnly, attempt]);

  const setParam = (name: string, value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const actor = scope?.actor ?? 'viewer';
  const readyItems = queue.status === 'ready' ? queue.data.items : [];
  const officersByUnit = useUnitOfficers(actor, readyItems);
  if (user === undefined) return null;
  const canBulk = bulkActionsFor(actor).length > 0;
  const selectedCodes = readyItems.filter((item) => selected.has(item.code)).map((item) => item.code);
  const isAllSelected = readyItems.length > 0 && selectedCodes.length === readyItems.length;
  const toggle = (code: string, isChecked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (isChecked) next.add(code);
      else next.delete(code);
      return next;
    });
  const compare = compareNames(locale);
  const agencyByCode = new Map((agencies.status === 'ready' ? agencies.data.items : []).map((agency) => [agency.code, agency]));
  const areaByCode = new Map((areas?.features ?? []).map((feature) => [feature.properties.code, feature.properties]));
  const categoryByCode = new Map((categories.status === 'ready' ? categories.data.items : []).map((item) => [item.code, item]));
  const unitName = (code: string | null) => {
    if (code === null) return t('reports.queue.noUnit');
    const agency = agencyByCode.get(code);
    return agency ? nameIn(locale, agency) : code;
  };
  const scopeLabel = (candidate: QueueScope) =>
    candidate.kind === 'unit' ? (candidate.unitName ?? candidate.unitCode) : candidate.kind === 'triage' ? t('reports.queue.scopeTriage') : t('reports.queue.scopeCity');

  return (
    <section className="page">
      <PageTitle>{t('console.reports')}</PageTitle>
      {scopes.length === 0 ? (
        <p>{t('reports.queue.noScope')}</p>
      ) : (
        <>
          {scopes.length > 1 && (
            <div className="segmented" role="group" aria-label={t('reports.queue.chooseQueue')}>
              {scopes.map((candidate) => (
                <button
                  key={candidate.key}
                  type="button"
                  className="segmented__option"
                  aria-pressed={candidate.key === scope?.key}
                  onClick={() => {
                    setNotice(undefined);
                    setParam('queue', candidate.key);
                  }}
                >
                  {scopeLabel(candidate)}
                </button>
              ))}
            </div>
          )}
          {scope && <p className="lead">{t(`reports.queue.scopeIntro.${scope.kind}`, { unit: scope.kind === 'unit' ? scopeLabel(scope) : '' })}</p>}
          {scope?.actor === 'viewer' && <p className="note">{t('reports.queue.readOnly')}</p>}
          <form className="filters" aria-label={t('reports.queue.filters')} onSubmit={(event) => event.preventDefault()}>
            {scope?.kind === 'city' && (
              <TextField
                label={t('reports.queue.unitFilter')}
                hint={t('reports.queue.unitFilterHint')}
                list={unitListId}
                autoCapitalize="characters"
                spellCheck={false}
                value={unitFilter}
                onChange={(event) => setParam('unit', event.target.value.toUpperCase())}
              />
            )}
            {scope?.kind !== 'triage' && (
              <SelectField
                label={t('reports.fields.status')}
                placeholder={t('reports.queue.allActive')}
                options={QUEUE_STATUSES.map((value) => ({ value, label: t(`reports.status.${value}`) }))}
                value={status}
                onChange={(event) => setParam('status', event.target.value)}
              />
            )}
            <SelectField
              label={t('reports.fields.category')}
              placeholder={t('reports.map.allCategories')}
              options={[...categoryByCode.values()].map((item) => ({ value: item.code, label: nameIn(locale, item) }))}
              value={category}
              onChange={(event) => setParam('category', event.target.value)}
            />
            <SelectField
              label={t('reports.fields.area')}
              placeholder={t('reports.map.allAreas')}
              options={[...areaByCode.values()].map((item) => ({ value: item.code, label: nameIn(locale, item) })).sort((left, right) => compare(left.label, right.label))}
              value={area}
              onChange={(event) => setParam('area', event.target.value)}
            />
            <div className="checkbox">
              <input id="queue-overdue" type="checkbox" checked={isOverdueOnly} onChange={(event) => setParam('overdue', event.target.checked ? '1' : '')} />
              <label htmlFor="queue-overdue">{t('reports.queue.overdueOnly')}</label>
            </div>
          </form>
          <datalist id={unitListId}>
            {[...agencyByCode.values()].map((agency) => (
              <option key={agency.code} value={agency.code}>
                {nameIn(locale, agency)}
              </option>
            ))}
          </datalist>
          <StatusMessage message={notice} />
          {queue.status === 'loading' && <LoadingState />}
          {queue.status === 'error' && (
            <ErrorAlert error={queue.error}>
              <button type="button" className="button button--secondary" onClick={() => setAttempt((count) => count + 1)}>
                {t('common.retry')}
              </button>
            </ErrorAlert>
          )}
          {queue.status === 'ready' && scope && (
            <>
              <p>{queue.data.items.length >= QUEUE_LIMIT ? t('reports.queue.countLimited', { count: queue.data.items.length }) : t('reports.queue.count', { count: queue.data.items.length })}</p>
              {queue.data.items.length === 0 ? (
                <p>{t('reports.queue.empty')}</p>
              ) : (
                <>
                  {canBulk && (
                    <>
                      <div className="checkbox queue-select">
                        <input
                          id="queue-select-all"
                          type="checkbox"
                          checked={isAllSelected}
                          ref={(input) => {
                            if (input) input.indeterminate = selectedCodes.length > 0 && !isAllSelected;
                          }}
                          onChange={(event) => setSelected(event.target.checked ? new Set(readyItems.map((item) => item.code)) : new Set())}
                        />
                        <label htmlFor="queue-select-all">{t('reports.queue.selectAll', { count: readyItems.length })}</label>
                      </div>
                      <BulkActions
                        key={scope.key}
                        actor={actor}
                        codes={selectedCodes}
                        unitListId={unitListId}
                        onClear={() => setSelected(new Set())}
                        onDone={() => {
                          setNotice(undefined);
                          setSelected(new Set());
                          setAttempt((count) => count + 1);
                        }}
                      />
                </>
                )}
                <ul className="queue">
                  {queue.data.items.map((item) => (
                    <li key={item.code} className={item.isOverdue ? 'queue-item queue-item--overdue' : 'queue-item'}>
                      {canBulk && (
                        <div className="checkbox queue-select">
                          <input
                            id={`queue-select-${item.code}`}
                            type="checkbox"
                            checked={selected.has(item.code)}
                            onChange={(event) => toggle(item.code, event.target.checked)}
                          />
                          <label htmlFor={`queue-select-${item.code}`}>{t('reports.queue.select', { code: item.code })}</label>
                        </div>
                      )}
                      <QueueItemCard
                        item={item}
                        fetchedAt={queue.data.fetchedAt}
                        areaName={areaByCode.get(item.areaCode) ? nameIn(locale, areaByCode.get(item.areaCode) as { nameVi: string; nameEn: string }) : item.areaCode}
                        unitName={unitName(item.unitCode)}
                        category={categoryByCode.get(item.category.code)}
                      />
                      <QueueActions
                        item={item}
                        actions={queueActionsFor(scope.actor, item, user.id)}
                        category={categoryByCode.get(item.category.code)}
                        unitListId={unitListId}
                        officers={item.unitCode !== null && HANDLING_STATUSES.includes(item.status) ? officersByUnit.get(item.unitCode) : undefined}
                        onDone={(message) => {
                          setNotice(message);
                          setAttempt((count) => count + 1);
                        }}
                      />
                      {actor !== 'viewer' && (
                        <div className="queue-actions">
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-expanded={photosOpen === item.code}
                            aria-controls={photosOpen === item.code ? `queue-${item.code}-photos` : undefined}
                            onClick={() => setPhotosOpen((current) => (current === item.code ? undefined : item.code))}
                          >
                            {photosOpen === item.code ? t('reports.queue.photos.close') : t('reports.queue.photos.open')}
                          </button>
                          {photosOpen === item.code && (
                            <div id={`queue-${item.code}-photos`} className="queue-actions__form">
                              <ReportPhotos code={item.code} />
                            </div>
                          )}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The officers of each unit in the queue, for leads and the IOC to assign a report by name. Units the API
 * refuses (403) or that fail to load get no list, and the queue then shows no officer choice for them.
 */
function useUnitOfficers(actor: QueueActor, items: readonly QueueItem[]): ReadonlyMap<string, readonly Officer[]> {
  const [officers, setOfficers] = useState<ReadonlyMap<string, readonly Officer[]>>(new Map());
  const requested = useRef(new Set<string>());
  const canAssign = actor === 'unit_lead' || actor === 'ioc';
  const unitsKey = canAssign
    ? [...new Set(items.filter((item) => item.unitCode !== null && HANDLING_STATUSES.includes(item.status)).map((item) => item.unitCode as string))].sort().join(',')
    : '';
  useEffect(() => {
    for (const unitCode of unitsKey === '' ? [] : unitsKey.split(',')) {
      if (requested.current.has(unitCode)) continue;
      requested.current.add(unitCode);
      listUnitOfficers(unitCode)
        .then(({ items: found }) => setOfficers((current) => new Map(current).set(unitCode, found)))
        .catch(() => undefined); // 403 and other failures: no officer choice for this unit
    }
  }, [unitsKey]);
  return officers;
}

function QueueItemCard({
  item,
  fetchedAt,
  areaName,
  unitName,
  category,
}: {
  item: QueueItem;
  fetchedAt: number;
  areaName: string;
  unitName: string;
  category: ReportCategory | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  // The API's secondsLeft is counted from the server's clock, so a device with a wrong clock still counts right.
  const dueAt = new Date(fetchedAt + item.secondsLeft * 1000).toISOString();
  const isActive = item.status === 'submitted' || item.status === 'assigned' || item.status === 'in_progress';
  const answers = Object.entries(item.answers);
  return (
    <article aria-labelledby={`queue-${item.code}-title`}>
      <header className="queue-item__head">
        <h2 className="queue-item__title" id={`queue-${item.code}-title`}>
          <Link to={`/reports/${item.code}`}>{item.code}</Link>
        </h2>
        <StatusBadge status={item.status} />
        {item.isUrgent && <span className="tag tag--urgent">{t('reports.detail.urgent')}</span>}
        {item.escalationLevel > 0 && <span className="tag">{t('reports.queue.escalation', { level: item.escalationLevel })}</span>}
        {item.pendingPhotos > 0 && <span className="tag photo-review__tag--pending">{t('reports.photoReview.pendingCount', { count: item.pendingPhotos })}</span>}
      </header>
      <p className="queue-item__deadline">
        {isActive ? <LiveCountdown dueAt={dueAt} /> : t('reports.queue.waitingForReporter')}
        <span className="note"> · {t('reports.queue.due', { date: formatDateTime(item.dueAt, locale) })}</span>
      </p>
      <p className="queue-item__category">
        {nameIn(locale, item.category)} · {areaName} · {unitName}
      </p>
      <p className="queue-item__description">{item.description}</p>
      {answers.length > 0 && (
        <ul className="queue-item__answers">
          {answers.map(([code, value]) => {
            const question = category?.questions.find((candidate) => candidate.code === code);
            const option = question?.options?.find((candidate) => candidate.key === String(value));
            const label = question ? (locale === 'vi' ? question.labelVi : question.labelEn) : code;
            return (
              <li key={code}>
                {label}: {option ? (locale === 'vi' ? option.labelVi : option.labelEn) : String(value)}
              </li>
            );
          })}
        </ul>
      )}
      {item.pendingExtension && (
        <p className="queue-item__extension">
          {t('reports.queue.pendingExtension', { date: formatDateTime(item.pendingExtension.proposedDueAt, locale), reason: item.pendingExtension.reason })}
        </p>
      )}
      {item.reporter && (
        <p className="queue-item__reporter">
          {t('reports.queue.reporter')}: {[item.reporter.fullName, item.reporter.phone, item.reporter.email].filter(Boolean).join(' · ')}
        </p>
      )}
      <p className="note">{t('reports.queue.received', { date: formatDateTime(item.createdAt, locale) })}</p>
    </article>
  );
}
