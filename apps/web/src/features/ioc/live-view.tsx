import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperationsCounters, OperationsFilter, OperationsReport, PublicReport } from '@onecity/contracts';
import { api } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { MapCanvas, useWardsMap } from '../../components/map/wards-map.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatCount } from '../console/dossiers/dossier-rules.ts';
import { nameIn } from '../reports/report-bits.tsx';
import { useReportMarkers } from '../reports/report-markers.ts';
import { listOperationsReports, overduePath, type OverdueList } from './operations.api.ts';
import { useLiveOperations, type LiveOperations } from './use-live-operations.ts';

/** The report's escalation level (0 none, 1 the unit's leads, 2 the IOC) as the overdue list names it. */
const ESCALATION = ['none', 'lead', 'ioc'] as const;

/** Lists and the map read again at most this often while changes keep coming. */
const REFRESH_THROTTLE_MS = 2000;

/** `version`, but changing at most once per `ms`: lists refresh after a burst of changes, not on every one. */
function useThrottled(version: number, ms = REFRESH_THROTTLE_MS): number {
  const [value, setValue] = useState(version);
  useEffect(() => {
    if (version === value) return;
    const timer = setTimeout(() => setValue(version), ms);
    return () => clearTimeout(timer);
  }, [version, value, ms]);
  return value;
}

/**
 * Loads with `load` whenever `deps` change, keeping the last answer on screen while the next one is on its way (a wall
 * screen should not blink on every change).
 */
function useRefreshing<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: unknown } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: undefined });
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => isCurrent && setState({ data, error: undefined }),
      (error: unknown) => isCurrent && setState((current) => ({ data: current.data, error })),
    );
    return () => {
      isCurrent = false;
    };
    // `load` is rebuilt on each render; the inputs it reads are the dependencies.
  }, deps);
  return state;
}

/** The live view: counters pushed by the server, today's intake, the map of open reports, the overdue list, the latest changes. */
export function LiveView({ filter }: { filter: OperationsFilter }) {
  const live = useLiveOperations(filter);
  const version = useThrottled(live.version);
  return (
    <>
      <CountersSection live={live} />
      <LiveMapSection filter={filter} version={version} />
      <OverdueSection filter={filter} version={version} />
      <ChangesSection live={live} />
    </>
  );
}

function Card({ title, value, isAlert = false }: { title: string; value: number; isAlert?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <li className="kpi-card">
      <h3 className="kpi-card__title">{title}</h3>
      <p className={isAlert && value > 0 ? 'kpi-card__value kpi-card__value--alert' : 'kpi-card__value'}>{formatCount(value, currentLocale(i18n))}</p>
    </li>
  );
}

function CountersSection({ live }: { live: LiveOperations }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <section aria-labelledby="ioc-counters-title" className="section">
      <h2 id="ioc-counters-title">{t('operations.live.counters')}</h2>
      <p className="note" role="status">
        {t(`operations.live.connection.${live.connection}`)}
        {live.counters.status === 'ready' && ` · ${t('operations.live.asOf', { time: formatDateTime(live.counters.data.asOf, locale) })}`}
      </p>
      <ResourceView resource={live.counters} reload={live.reload}>
        {(counters) => <Counters counters={counters} />}
      </ResourceView>
    </section>
  );
}

function Counters({ counters }: { counters: OperationsCounters }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { reports, dossiers, intakeToday } = counters;
  const channels = (counts: Record<string, number>) =>
    Object.entries(counts).map(([channel, count]) => (
      <li key={channel}>
        {t(`operations.live.channels.${channel}`, { defaultValue: channel })}: <strong>{formatCount(count, locale)}</strong>
      </li>
    ));
  return (
    <>
      <ul className="kpi-grid" aria-label={t('operations.live.counters')}>
        <Card title={t('operations.live.reportsOpen')} value={reports.open} />
        <Card title={t('operations.live.reportsOverdue')} value={reports.overdue} isAlert />
        <Card title={t('operations.live.urgentOpen')} value={reports.urgentOpen} isAlert />
        <Card title={t('operations.live.awaitingTriage')} value={reports.awaitingTriage} />
        <Card title={t('operations.live.escalatedToLead')} value={reports.escalatedToLead} isAlert />
        <Card title={t('operations.live.escalatedToIoc')} value={reports.escalatedToIoc} isAlert />
        {dossiers && (
          <>
            <Card title={t('operations.live.dossiersInProgress')} value={dossiers.inProgressNotDue + dossiers.inProgressNearlyDue + dossiers.inProgressOverdue} />
            <Card title={t('operations.live.dossiersNearlyDue')} value={dossiers.inProgressNearlyDue} />
            <Card title={t('operations.live.dossiersOverdue')} value={dossiers.inProgressOverdue} isAlert />
          </>
        )}
      </ul>
      {!dossiers && <p className="note">{t('operations.live.dossiersNotShown')}</p>}
      <h3>{t('operations.live.intakeTitle')}</h3>
      <div className="kpi-grid kpi-grid--compact">
        <div className="kpi-card">
          <h4 className="kpi-card__title">{t('operations.live.intakeReports')}</h4>
          <p className="kpi-card__value">{formatCount(reports.receivedToday, locale)}</p>
          <ul className="kpi-card__detail">{channels(intakeToday.reports)}</ul>
          <p className="kpi-card__detail">
            {t('operations.live.resolvedToday')}: {formatCount(reports.resolvedToday, locale)}
          </p>
        </div>
        {dossiers && (
          <div className="kpi-card">
            <h4 className="kpi-card__title">{t('operations.live.intakeDossiers')}</h4>
            <p className="kpi-card__value">{formatCount(dossiers.receivedToday, locale)}</p>
            <ul className="kpi-card__detail">{channels(intakeToday.dossiers)}</ul>
            <p className="kpi-card__detail">
              {t('operations.live.finishedToday')}: {formatCount(dossiers.finishedToday, locale)}
            </p>
          </div>
        )}
      </div>
    </>
  );
}

function LiveMapSection({ filter, version }: { filter: OperationsFilter; version: number }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [isOverdueOnly, setOverdueOnly] = useState(false);
  const [isUrgentOnly, setUrgentOnly] = useState(false);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const { map } = useWardsMap(container);
  const loaded = useRefreshing(() => listOperationsReports({ ...filter, overdue: isOverdueOnly || undefined, urgent: isUrgentOnly || undefined }), [filter, isOverdueOnly, isUrgentOnly, version]);
  const reports: OperationsReport[] | undefined = loaded.data?.items;
  const markerTexts = useMemo(
    () => ({
      categoryOf: (report: PublicReport) => nameIn(locale, report.category),
      statusOf: (report: PublicReport) => t(`reports.status.${report.status}`),
      groupLabel: (count: number) => t('reports.map.group', { count }),
    }),
    [locale, t],
  );
  useReportMarkers(map, reports ?? [], markerTexts);
  return (
    <section aria-labelledby="ioc-map-title" className="section">
      <h2 id="ioc-map-title">{t('operations.live.mapTitle')}</h2>
      <form className="filters" aria-label={t('operations.live.mapTitle')} onSubmit={(event) => event.preventDefault()}>
        <div className="checkbox">
          <input id="ioc-overdue-only" type="checkbox" checked={isOverdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} />
          <label htmlFor="ioc-overdue-only">{t('operations.live.onlyOverdue')}</label>
        </div>
        <div className="checkbox">
          <input id="ioc-urgent-only" type="checkbox" checked={isUrgentOnly} onChange={(event) => setUrgentOnly(event.target.checked)} />
          <label htmlFor="ioc-urgent-only">{t('operations.live.onlyUrgent')}</label>
        </div>
      </form>
      <MapCanvas label={t('operations.live.mapLabel')} onContainer={setContainer} className="map--reports" />
      {loaded.error !== undefined && <ErrorAlert error={loaded.error} />}
      {reports && <p role="status">{t('operations.live.mapCount', { count: reports.length })}</p>}
    </section>
  );
}

function OverdueSection({ filter, version }: { filter: OperationsFilter; version: number }) {
  const { t } = useTranslation();
  const overdue = useRefreshing(() => api.get<OverdueList>(overduePath(filter)), [filter, version]);
  return (
    <section aria-labelledby="ioc-overdue-title" className="section">
      <h2 id="ioc-overdue-title">{t('operations.live.overdueTitle')}</h2>
      {overdue.error !== undefined && <ErrorAlert error={overdue.error} />}
      {overdue.data === undefined ? overdue.error === undefined && <LoadingState /> : <OverdueTables data={overdue.data} />}
    </section>
  );
}

function OverdueTables({ data }: { data: OverdueList }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <>
      <h3>{t('operations.live.overdueReports')}</h3>
      {data.reports.length === 0 ? (
        <p>{t('operations.live.noOverdue')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('operations.live.overdueReports')} tabIndex={0}>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('operations.live.columns.code')}</th>
                <th scope="col">{t('operations.live.columns.category')}</th>
                <th scope="col">{t('operations.live.columns.unit')}</th>
                <th scope="col">{t('operations.live.columns.dueAt')}</th>
                <th scope="col">{t('operations.live.columns.escalation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reports.map((report) => (
                <tr key={report.code}>
                  <th scope="row">
                    <Link to={`/reports/${encodeURIComponent(report.code)}`}>{report.code}</Link>
                    {report.isUrgent && <span className="tag tag--urgent">{t('reports.detail.urgent')}</span>}
                  </th>
                  <td>{nameIn(locale, report.category)}</td>
                  <td>{report.unit ? nameIn(locale, report.unit) : '—'}</td>
                  <td>{formatDateTime(report.dueAt, locale)}</td>
                  <td>{t(`operations.live.escalation.${ESCALATION[Math.min(2, Math.max(0, report.escalationLevel))] ?? 'none'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.dossiers !== null && (
        <>
          <h3>{t('operations.live.overdueDossiers')}</h3>
          {data.dossiers.length === 0 ? (
            <p>{t('operations.live.noOverdue')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={t('operations.live.overdueDossiers')} tabIndex={0}>
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('operations.live.columns.code')}</th>
                    <th scope="col">{t('operations.live.columns.procedure')}</th>
                    <th scope="col">{t('operations.live.columns.agency')}</th>
                    <th scope="col">{t('operations.live.columns.overdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.dossiers.map((dossier) => (
                    <tr key={dossier.code}>
                      <th scope="row">
                        <Link to={`/console/dossiers/${encodeURIComponent(dossier.code)}`}>{dossier.code}</Link>
                      </th>
                      <td>{dossier.procedureNameVi}</td>
                      <td>{nameIn(locale, dossier.agency)}</td>
                      <td>
                        {t('operations.live.hoursOverdue', { hours: formatCount(dossier.hoursOverdue, locale) })}
                        {dossier.apologyCount > 0 && ` · ${t('operations.live.apologies', { count: dossier.apologyCount })}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

function ChangesSection({ live }: { live: LiveOperations }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <section aria-labelledby="ioc-changes-title" className="section">
      <h2 id="ioc-changes-title">{t('operations.live.changesTitle')}</h2>
      {live.changes.length === 0 ? (
        <p>{t('operations.live.noChanges')}</p>
      ) : (
        <ol className="timeline" aria-live="polite">
          {live.changes.map((change) => (
            <li key={`${change.source}-${change.eventId}`} className="timeline__item">
              <span className="timeline__time">{formatDateTime(change.at, locale)}</span> {t(`operations.live.changeSource.${change.source}`)} <strong>{change.code}</strong> ·{' '}
              {change.source === 'report' ? t(`reports.events.${change.type}`, { defaultValue: change.type }) : change.type}
              {change.agencyCode && ` · ${change.agencyCode}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
