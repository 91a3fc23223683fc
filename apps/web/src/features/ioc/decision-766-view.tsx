import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CONSOLE_ROLES, DOSSIER_STATUSES, INDICATOR_GROUPS, type Decision766Items, type DossierStatus, type Indicator766, type IndicatorItem, type Locale } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { hasAnyRole, useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { formatCount, formatShare } from '../console/dossiers/dossier-rules.ts';
import { ExportLinks } from './export-links.tsx';
import { decision766FileUrl, decision766Path, getDecision766Items, type Decision766Score, type PeriodQuery } from './operations.api.ts';

const ITEMS_SHOWN = 200;

/** A number of points with one or two decimals ("12,5"). */
export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(points);
}

/** What an indicator's value cell says: the share or the days, or why there is none. */
export function indicatorValueText(indicator: Indicator766, locale: Locale, t: TFunction): string {
  if (!indicator.measurable) return t('operations.decision766.notMeasurable');
  if (indicator.value === null) return t('operations.decision766.noItems');
  if (indicator.unit === 'days') return t('operations.decision766.days', { days: formatPoints(indicator.value, locale) });
  return formatShare(indicator.value, locale);
}

/** The search parameters that open the items of one indicator that did (items=met) or did not (items=unmet) count. */
export const DRILL_PARAMS = { indicator: 'indicator', items: 'items' } as const;

/** Whether an indicator has items that did not count in its numerator, to list (a share with a shortfall). */
export function hasUnmetItems(indicator: Indicator766): boolean {
  return indicator.measurable && indicator.unit === 'share' && indicator.numerator !== null && indicator.denominator !== null && indicator.numerator < indicator.denominator;
}

/**
 * Decision 766: the total and its band, the six groups, and every indicator with its formula, figure and items; the
 * table as CSV or PDF. An indicator that falls short links to the items that did not count (`?indicator=2.1&items=unmet`,
 * e.g. the agency's late dossiers), so the list can be shared as a link.
 */
export function Decision766View({ query }: { query: PeriodQuery }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [searchParams] = useSearchParams();
  const [score, reload] = useApiResource<Decision766Score>(decision766Path(query));
  const drillCode = searchParams.get(DRILL_PARAMS.indicator);
  const drillMet = searchParams.get(DRILL_PARAMS.items) === 'met';
  return (
    <section aria-labelledby="ioc-766-title" className="section">
      <h2 id="ioc-766-title">{t('operations.decision766.title')}</h2>
      <ResourceView resource={score} reload={reload}>
        {(data) => (
          <>
            <p className="lead">
              {nameOf(data.agency, locale)} · {formatDate(data.from, locale)} – {formatDate(data.to, locale)}
            </p>
            <ExportLinks csvUrl={decision766FileUrl(query, 'csv')} pdfUrl={decision766FileUrl(query, 'pdf')} label={t('operations.exports.label', { what: t('operations.decision766.title') })} />
            <ul className="kpi-grid" aria-label={t('operations.decision766.total')}>
              <li className="kpi-card">
                <h3 className="kpi-card__title">{t('operations.decision766.total')}</h3>
                <p className="kpi-card__value">{t('operations.decision766.totalValue', { points: formatPoints(data.total, locale), max: data.maxPoints })}</p>
                <p className="kpi-card__detail">{t(`operations.decision766.bands.${data.band}`)}</p>
              </li>
              {data.groups.map((group) => (
                <li key={group.group} className="kpi-card">
                  <h3 className="kpi-card__title">{t(`operations.decision766.groups.${group.group}`)}</h3>
                  <p className="kpi-card__value">{t('operations.decision766.groupPoints', { points: formatPoints(group.points, locale), max: group.maxPoints })}</p>
                </li>
              ))}
            </ul>
            <p className="note">{t('operations.decision766.measuredBasis', { measured: data.measuredMaxPoints, max: data.maxPoints })}</p>
            <p className="note">{t('operations.decision766.bandNote')}</p>
            {drillCode !== null && (
              <DrillDown key={`${drillCode}-${String(drillMet)}`} query={query} indicator={data.indicators.find((indicator) => indicator.code === drillCode)} code={drillCode} met={drillMet} />
            )}
            {INDICATOR_GROUPS.map((group) => (
              <div key={group} className="table-scroll" role="region" aria-labelledby={`ioc-766-${group}`} tabIndex={0}>
                <table className="table table--compact">
                  <caption id={`ioc-766-${group}`}>{t(`operations.decision766.groups.${group}`)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('operations.decision766.columns.code')}</th>
                      <th scope="col">{t('operations.decision766.columns.name')}</th>
                      <th scope="col">{t('operations.decision766.columns.value')}</th>
                      <th scope="col">{t('operations.decision766.columns.ratio')}</th>
                      <th scope="col">{t('operations.decision766.columns.points')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.indicators
                      .filter((indicator) => indicator.group === group)
                      .map((indicator) => (
                        <IndicatorRow key={indicator.code} indicator={indicator} query={query} />
                      ))}
                  </tbody>
                </table>
              </div>
            ))}
          </>
        )}
      </ResourceView>
    </section>
  );
}

const nameOf = (named: { nameVi: string; nameEn: string }, locale: Locale) => (locale === 'vi' ? named.nameVi : named.nameEn);

type ItemsState = { status: 'closed' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: Decision766Items };

function IndicatorRow({ indicator, query }: { indicator: Indicator766; query: PeriodQuery }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [searchParams] = useSearchParams();
  const [items, setItems] = useState<ItemsState>({ status: 'closed' });
  const note = locale === 'vi' ? indicator.noteVi : indicator.noteEn;
  const canList = indicator.measurable && (indicator.denominator ?? 0) > 0;
  const toggle = () => {
    if (items.status !== 'closed') {
      setItems({ status: 'closed' });
      return;
    }
    setItems({ status: 'loading' });
    getDecision766Items({ ...query, indicator: indicator.code, limit: ITEMS_SHOWN }).then(
      (data) => setItems({ status: 'ready', data }),
      (error: unknown) => setItems({ status: 'error', error }),
    );
  };
  const points = indicator.fullPointsAt === null ? t('operations.decision766.informational') : indicator.points === null ? '—' : `${formatPoints(indicator.points, locale)}/${formatPoints(indicator.maxPoints, locale)}`;
  return (
    <>
      <tr>
        <th scope="row">{indicator.code}</th>
        <td>
          <details className="disclosure">
            <summary>{nameOf(indicator, locale)}</summary>
            <p>
              <strong>{t('operations.decision766.formula')}:</strong> {locale === 'vi' ? indicator.formulaVi : indicator.formulaEn}
            </p>
            {note && <p className="note">{note}</p>}
          </details>
        </td>
        <td>{indicatorValueText(indicator, locale, t)}</td>
        <td>
          {indicator.numerator === null || indicator.denominator === null ? '—' : `${formatPoints(indicator.numerator, locale)}/${formatCount(indicator.denominator, locale)}`}
          {canList && (
            <>
              {' '}
              <button type="button" className="button button--link" aria-expanded={items.status !== 'closed'} onClick={toggle}>
                {items.status === 'closed' ? t('operations.decision766.showItems') : t('operations.decision766.hideItems')}
              </button>
            </>
          )}
          {hasUnmetItems(indicator) && (
            <>
              {' · '}
              <Link to={`?${drillSearch(searchParams, indicator.code)}`} aria-label={t('operations.decision766.unmetLabel', { code: indicator.code, name: nameOf(indicator, locale) })}>
                {t('operations.decision766.unmetLink', { count: (indicator.denominator ?? 0) - (indicator.numerator ?? 0) })}
              </Link>
            </>
          )}
        </td>
        <td>{points}</td>
      </tr>
      {items.status !== 'closed' && (
        <tr>
          <td colSpan={5}>
            {items.status === 'loading' && <LoadingState />}
            {items.status === 'error' && <ErrorAlert error={items.error} />}
            {items.status === 'ready' && <ItemsTable code={indicator.code} data={items.data} />}
          </td>
        </tr>
      )}
    </>
  );
}

/** The current search with the drill-down of one indicator's unmet items set (other filters kept). */
function drillSearch(current: URLSearchParams, code: string): string {
  const next = new URLSearchParams(current);
  next.set(DRILL_PARAMS.indicator, code);
  next.set(DRILL_PARAMS.items, 'unmet');
  return next.toString();
}

/** The current search without the drill-down. */
function withoutDrill(current: URLSearchParams): string {
  const next = new URLSearchParams(current);
  next.delete(DRILL_PARAMS.indicator);
  next.delete(DRILL_PARAMS.items);
  return next.toString();
}

/** The items of one indicator that did (or did not) count, opened from a link; focus moves to its heading. */
function DrillDown({ query, indicator, code, met }: { query: PeriodQuery; indicator: Indicator766 | undefined; code: string; met: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [searchParams] = useSearchParams();
  const heading = useRef<HTMLHeadingElement>(null);
  const [items] = useApiResource<Decision766Items>(`/operations/decision-766/items?${new URLSearchParams({ ...query, indicator: code, met: String(met), limit: String(ITEMS_SHOWN) }).toString()}`);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const title = indicator
    ? t(met ? 'operations.decision766.metTitle' : 'operations.decision766.unmetTitle', { code, name: nameOf(indicator, locale) })
    : t('operations.decision766.unknownIndicator', { code });
  return (
    <section className="section" aria-labelledby="ioc-766-drill-title">
      <h3 id="ioc-766-drill-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>
        <Link to={`?${withoutDrill(searchParams)}`}>{t('operations.decision766.closeItems')}</Link>
      </p>
      {items.status === 'loading' && <LoadingState />}
      {items.status === 'error' && <ErrorAlert error={items.error} />}
      {items.status === 'ready' && <ItemsTable code={code} data={items.data} />}
    </section>
  );
}

/**
 * Where an item opens: a report's public page; a dossier in the console for the staff who may read its contents (the
 * API shows them to its agencies' staff, auditors and admins, not to IOC operators, who see its facts here).
 */
function ItemCode({ item }: { item: IndicatorItem }) {
  const user = useCurrentUser();
  if (item.kind === 'report') return <Link to={`/reports/${encodeURIComponent(item.code)}`}>{item.code}</Link>;
  if (item.kind === 'dossier' && hasAnyRole(user, CONSOLE_ROLES)) return <Link to={`/console/dossiers/${encodeURIComponent(item.code)}`}>{item.code}</Link>;
  return <>{item.code}</>;
}

/** The city's own time zone: facts read the same wherever the screen is. */
const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "2026-12-03T10:00:00.000Z" as the city writes it: "03/12/2026 17:00" (Huế time); a plain date as "03/12/2026". */
export function formatCityDateTime(value: string): string {
  if (ISO_DATE.test(value)) return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The DVCQG status names by their numbers (1 new … 10 delivered). */
const STATUS_BY_NUMBER = new Map<number, DossierStatus>((Object.entries(DOSSIER_STATUSES) as [DossierStatus, number][]).map(([name, number]) => [number, name]));

/** The fields the Decision 766 items carry (apps/api …/decision-766.ts) that have a label; others are shown as they come. */
const KNOWN_FIELDS = [
  'procedureCode', 'status', 'channel', 'receivedOn', 'legalDueAt', 'finishedAt', 'acceptedAt', 'days', 'supplementCount', 'lastSupplementRequestedAt',
  'onlineLevel', 'resultType', 'hasFee', 'onlineDossiers', 'hasElectronicResult', 'dossiersPaidOnline', 'feeTotal', 'feePaidVia', 'feePaidAt',
  'createdAt', 'dueAt', 'resolvedAt', 'rating', 'reopenCount', 'progress', 'surveyOverall', 'componentFiles', 'hasResultFile', 'issuedAt', 'signatures',
] as const;
const isKnownField = (name: string): name is (typeof KNOWN_FIELDS)[number] => (KNOWN_FIELDS as readonly string[]).includes(name);

/** One fact of an item in the reader's words: "Hạn giải quyết: 03/12/2026 17:00", "Trạng thái: Đã xử lý xong". */
export function factText(name: string, value: string | number | boolean, kind: string, locale: Locale, t: TFunction): string {
  if (!isKnownField(name)) return `${name}: ${String(value)}`;
  return `${t(`operations.decision766.fields.${name}`)}: ${factValue(name, value, kind, locale, t)}`;
}

function factValue(name: string, value: string | number | boolean, kind: string, locale: Locale, t: TFunction): string {
  if (typeof value === 'boolean') return t(value ? 'operations.decision766.yes' : 'operations.decision766.no');
  if (name === 'status') {
    const dossierStatus = typeof value === 'number' && kind !== 'report' ? STATUS_BY_NUMBER.get(value) : undefined;
    if (dossierStatus !== undefined) return t(`procedures.status.${dossierStatus}`);
    return typeof value === 'string' ? t(`reports.status.${value}`, { defaultValue: value }) : String(value);
  }
  if (typeof value === 'number') return formatPoints(value, locale);
  if (ISO_DATE.test(value) || ISO_TIMESTAMP.test(value)) return formatCityDateTime(value);
  switch (name) {
    case 'channel':
    case 'feePaidVia':
      return t(`operations.live.channels.${value}`, { defaultValue: value });
    case 'onlineLevel':
      return t(`procedures.onlineLevel.${value}`, { defaultValue: value });
    case 'resultType':
      return t(`procedures.resultType.${value}`, { defaultValue: value });
    case 'progress':
      return t(`operations.decision766.outcomes.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

/** The heading of the items' code column: by their kind when they are all of one ("Mã hồ sơ"), else the general one. */
function codeHeading(items: readonly IndicatorItem[], t: TFunction): string {
  const kinds = new Set(items.map((item) => item.kind));
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? t(`operations.decision766.itemCode.${only}`, { defaultValue: t('operations.decision766.itemCode.any') }) : t('operations.decision766.itemCode.any');
}

/** The items behind a figure: each with whether it counted, the rule's verdict and the facts that decided it. */
export function ItemsTable({ code, data }: { code: string; data: { items: Decision766Items['items']; total: number } }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <>
      {data.items.length < data.total && <p className="note">{t('operations.decision766.truncatedItems', { shown: data.items.length, total: data.total })}</p>}
      <div className="table-scroll" role="region" aria-label={t('operations.decision766.itemsCaption', { code, total: data.total })} tabIndex={0}>
        <table className="table table--compact">
          <caption>{t('operations.decision766.itemsCaption', { code, total: data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{codeHeading(data.items, t)}</th>
              <th scope="col">{t('operations.decision766.outcome')}</th>
              <th scope="col">{t('operations.decision766.facts')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => {
              const hint = t(`operations.decision766.outcomeHints.${item.outcome}`, { defaultValue: '' });
              return (
                <tr key={`${item.kind}-${item.code}`}>
                  <th scope="row">
                    <ItemCode item={item} />
                  </th>
                  <td>
                    {item.isMet ? t('operations.decision766.met') : t('operations.decision766.notMet')} · {t(`operations.decision766.outcomes.${item.outcome}`, { defaultValue: item.outcome })}
                    {hint && <span className="note"> ({hint})</span>}
                  </td>
                  <td>
                    {Object.entries(item.fields)
                      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null)
                      .map(([name, value]) => factText(name, value, item.kind, locale, t))
                      .join('; ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
