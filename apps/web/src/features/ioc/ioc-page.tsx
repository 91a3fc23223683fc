import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Agency, OperationsFilter, ReportCategory } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { compareNames } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { agenciesInScope, currentMonthRange, isIsoDate } from '../console/dossiers/dossier-rules.ts';
import { nameIn } from '../reports/report-bits.tsx';
import { Decision766View } from './decision-766-view.tsx';
import { AREAS_PATH, type AreaCollection } from './ioc.api.ts';
import { LiveView } from './live-view.tsx';
import { ScorecardsView } from './scorecards-view.tsx';
import './ioc.css';

export const IOC_VIEWS = ['live', 'decision766', 'scorecards'] as const;
export type IocView = (typeof IOC_VIEWS)[number];
const isView = (value: string | null): value is IocView => (IOC_VIEWS as readonly string[]).includes(value ?? '');
const SCORECARD_KINDS = ['ward', 'department', 'unit', 'service_unit'] as const;

/**
 * /ioc: the operations centre for IOC operators, unit leads, auditors and admins, over the agencies in their grants:
 * live figures pushed by the server, the map of open reports, the overdue list and today's intake (filtered by agency,
 * ward and category); the Decision 766 score over a period; the monthly unit scorecards. `?wall=1` is the wall-screen
 * mode: the live view alone, large, on a dark background.
 */
export function IocPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const [agencies, reloadAgencies] = useApiResource<{ items: Agency[] }>('/agencies');
  const [areas] = useApiResource<AreaCollection>(AREAS_PATH);
  const [categories] = useApiResource<{ items: ReportCategory[] }>('/reports/categories');
  const month = useMemo(() => currentMonthRange(new Date()), []);
  const [from, setFrom] = useState(() => validDate(searchParams.get('from')) ?? month.from);
  const [to, setTo] = useState(() => validDate(searchParams.get('to')) ?? month.to);

  const scope = useMemo(() => {
    if (user === undefined || agencies.status !== 'ready') return [];
    const compare = compareNames(locale);
    return agenciesInScope(user, agencies.data.items, (left, right) => compare(nameIn(locale, left), nameIn(locale, right)));
  }, [user, agencies, locale]);
  const view: IocView = isView(searchParams.get('view')) ? (searchParams.get('view') as IocView) : 'live';
  const isWall = searchParams.get('wall') === '1';
  const agency = scope.find((candidate) => candidate.code === searchParams.get('agency')) ?? scope[0];
  const area = searchParams.get('area') ?? '';
  const category = searchParams.get('category') ?? '';
  const scorecardMonth = /^\d{4}-\d{2}$/.test(searchParams.get('month') ?? '') ? (searchParams.get('month') as string) : month.from.slice(0, 7);
  const kindParam = searchParams.get('kind') ?? '';
  const kind = (SCORECARD_KINDS as readonly string[]).includes(kindParam) ? kindParam : agency?.kind === 'department' ? 'department' : 'ward';
  const filter = useMemo<OperationsFilter | null>(
    () => (agency === undefined ? null : { agencyCode: agency.code, ...(area ? { areaCode: area } : {}), ...(category ? { categoryCode: category } : {}) }),
    [agency, area, category],
  );

  const setParam = useSetSearchParam(searchParams, setSearchParams);
  const toggleWall = () => {
    setParam('wall', isWall ? '' : '1');
    // The wall screen also asks the browser for the whole screen, when it may.
    if (!isWall) document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen?.();
  };
  const compare = compareNames(locale);
  const areaOptions = areas.status === 'ready' ? areas.data.features.map((feature) => ({ value: feature.properties.code, label: nameIn(locale, feature.properties) })).sort((left, right) => compare(left.label, right.label)) : [];
  const categoryOptions = categories.status === 'ready' ? categories.data.items.map((item) => ({ value: item.code, label: nameIn(locale, item) })) : [];
  const isRangeValid = isIsoDate(from) && isIsoDate(to) && from <= to;

  return (
    <div className={isWall ? 'page page--wide ioc ioc--wall' : 'page page--wide ioc'}>
      <header className="ioc__header">
        {agency && <p className="ioc__city">{nameIn(locale, agency)}</p>}
        <PageTitle>{t('ioc.title')}</PageTitle>
        <button type="button" className="button button--secondary" onClick={toggleWall}>
          {isWall ? t('operations.wall.leave') : t('operations.wall.enter')}
        </button>
      </header>
      <ResourceView resource={agencies} reload={reloadAgencies}>
        {() =>
          agency === undefined || filter === null ? (
            <p>{t('operations.noAgency')}</p>
          ) : (
            <>
              {!isWall && (
                <div className="segmented" role="group" aria-label={t('operations.viewsLabel')}>
                  {IOC_VIEWS.map((candidate) => (
                    <button key={candidate} type="button" className="segmented__option" aria-pressed={candidate === view} onClick={() => setParam('view', candidate === 'live' ? '' : candidate)}>
                      {t(`operations.views.${candidate}`)}
                    </button>
                  ))}
                </div>
              )}
              <form className="filters" aria-label={t('operations.filters.label')} onSubmit={(event) => event.preventDefault()}>
                <SelectField
                  label={t('operations.filters.agency')}
                  options={scope.map((candidate) => ({ value: candidate.code, label: nameIn(locale, candidate) }))}
                  value={agency.code}
                  onChange={(event) => setParam('agency', event.target.value)}
                />
                {(view === 'live' || isWall) && (
                  <>
                    <SelectField label={t('operations.filters.area')} placeholder={t('operations.filters.allAreas')} options={areaOptions} value={area} onChange={(event) => setParam('area', event.target.value)} />
                    <SelectField label={t('operations.filters.category')} placeholder={t('operations.filters.allCategories')} options={categoryOptions} value={category} onChange={(event) => setParam('category', event.target.value)} />
                  </>
                )}
                {view === 'decision766' && !isWall && (
                  <>
                    <TextField label={t('operations.filters.from')} type="date" value={from} onChange={(event) => { setFrom(event.target.value); if (isIsoDate(event.target.value)) setParam('from', event.target.value); }} />
                    <TextField label={t('operations.filters.to')} type="date" value={to} error={isIsoDate(from) && isIsoDate(to) && from > to ? t('operations.filters.invalidRange') : undefined} onChange={(event) => { setTo(event.target.value); if (isIsoDate(event.target.value)) setParam('to', event.target.value); }} />
                  </>
                )}
                {view === 'scorecards' && !isWall && (
                  <>
                    <TextField label={t('operations.filters.month')} type="month" value={scorecardMonth} onChange={(event) => setParam('month', event.target.value)} />
                    <SelectField label={t('operations.filters.kind')} options={SCORECARD_KINDS.map((value) => ({ value, label: t(`operations.kinds.${value}`) }))} value={kind} onChange={(event) => setParam('kind', event.target.value)} />
                  </>
                )}
              </form>
              {(view === 'live' || isWall) && <LiveView filter={filter} />}
              {view === 'decision766' && !isWall && isRangeValid && <Decision766View query={{ agencyCode: agency.code, from, to }} />}
              {view === 'scorecards' && !isWall && <ScorecardsView month={scorecardMonth} kind={kind} />}
            </>
          )
        }
      </ResourceView>
    </div>
  );
}

/**
 * Sets one search parameter on top of every change asked for before it, even those the router has not rendered yet.
 * react-router's `setSearchParams(previous => …)` starts from the parameters of the render it was taken from, so two
 * changes in a row (the agency, then a date) would otherwise write over each other and drop the first.
 */
function useSetSearchParam(searchParams: URLSearchParams, setSearchParams: ReturnType<typeof useSearchParams>[1]): (name: string, value: string) => void {
  const current = searchParams.toString();
  // The searches asked for and not yet seen, oldest first.
  const pending = useRef<string[]>([]);
  useLayoutEffect(() => {
    const index = pending.current.indexOf(current);
    // One we asked for has arrived (with those before it); any other search came from elsewhere (a link, Back).
    pending.current = index === -1 ? [] : pending.current.slice(index + 1);
  }, [current]);
  return (name, value) => {
    const base = pending.current.at(-1) ?? current;
    const next = new URLSearchParams(base);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    if (search === base) return;
    pending.current.push(search);
    setSearchParams(next, { replace: true });
  };
}

function validDate(value: string | null): string | undefined {
  return value !== null && isIsoDate(value) ? value : undefined;
}
