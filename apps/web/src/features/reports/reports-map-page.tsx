import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MapReport, ReportCategory } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { compareNames } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { boundsOfAreas } from '../../components/map/areas.ts';
import { MapCanvas, useWardsMap } from '../../components/map/wards-map.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { VIEWPORT_DEBOUNCE_MS, bboxOfBounds, debounce, formatBbox } from './map-viewport.ts';
import { nameIn } from './report-bits.tsx';
import { ReportList } from './report-list.tsx';
import { useReportMarkers } from './report-markers.ts';
import { REPORT_STATUSES, STATUS_COLOURS, STATUS_FILTERS, isStatusFilter } from './report-status.ts';
import { listMapReports, type MapReportList } from './reports.api.ts';

/** The most reports one viewport asks for (the API's ceiling); beyond it the page says to zoom in. */
const VIEWPORT_LIMIT = 1000;
const LEGEND_STATUSES = REPORT_STATUSES.filter((status) => status !== 'rejected' && status !== 'merged');

type ListState = { status: 'waiting' } | { status: 'loading'; previous?: MapReportList } | { status: 'error'; error: unknown } | { status: 'ready'; data: MapReportList };

/** /reports: the public reports in the map's viewport, with filters (category, status, ward) and the same reports as a list. */
export function ReportsMapPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const navigate = useNavigate();
  const { session } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const category = searchParams.get('category') ?? '';
  const statusParam = searchParams.get('status');
  const statusFilter = isStatusFilter(statusParam) ? statusParam : '';
  const area = searchParams.get('area') ?? '';
  const [categories] = useApiResource<{ items: ReportCategory[] }>('/reports/categories');
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const { map, areas } = useWardsMap(container);
  const [bbox, setBbox] = useState<string | undefined>(undefined);
  const [list, setList] = useState<ListState>({ status: 'waiting' });
  const [attempt, setAttempt] = useState(0);

  // The viewport is read when the map is ready and again each time it has stopped moving for a moment.
  useEffect(() => {
    if (map === undefined) return;
    const readViewport = () => {
      const bounds = map.getBounds();
      setBbox(formatBbox(bboxOfBounds({ south: bounds.getSouth(), west: bounds.getWest(), north: bounds.getNorth(), east: bounds.getEast() })));
    };
    const debounced = debounce(readViewport, VIEWPORT_DEBOUNCE_MS);
    readViewport();
    map.on('moveend', debounced);
    return () => {
      debounced.cancel();
      map.off('moveend', debounced);
    };
  }, [map]);

  // Links in marker popups navigate inside the app instead of reloading it.
  useEffect(() => {
    if (container === null) return;
    const handleClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[data-report-link]');
      if (!link) return;
      event.preventDefault();
      void navigate(`/reports/${encodeURIComponent(link.getAttribute('data-report-link') ?? '')}`);
    };
    container.addEventListener('click', handleClick);
    return () => container.removeEventListener('click', handleClick);
  }, [container, navigate]);

  // Choosing a ward shows it whole.
  useEffect(() => {
    if (map === undefined || areas === undefined || area === '') return;
    const bounds = boundsOfAreas(areas.features.filter((feature) => feature.properties.code === area));
    if (bounds) map.fitBounds(bounds, { padding: [8, 8] });
  }, [map, areas, area]);

  useEffect(() => {
    if (bbox === undefined) return;
    let isCurrent = true;
    setList((current) => ({ status: 'loading', previous: current.status === 'ready' ? current.data : current.status === 'loading' ? current.previous : undefined }));
    listMapReports({
      bbox,
      categories: category ? [category] : undefined,
      statuses: statusFilter ? STATUS_FILTERS[statusFilter] : undefined,
      area: area || undefined,
      limit: VIEWPORT_LIMIT,
    })
      .then((data) => isCurrent && setList({ status: 'ready', data }))
      .catch((error: unknown) => isCurrent && setList({ status: 'error', error }));
    return () => {
      isCurrent = false;
    };
  }, [bbox, category, statusFilter, area, attempt]);

  const shownList = list.status === 'ready' ? list.data : list.status === 'loading' ? list.previous : undefined;
  const reports = useMemo(() => shownList?.items ?? [], [shownList]);
  const markerTexts = useMemo(
    () => ({
      categoryOf: (report: MapReport) => nameIn(locale, report.category),
      statusOf: (report: MapReport) => t(`reports.status.${report.status}`),
      groupLabel: (count: number) => t('reports.map.group', { count }),
    }),
    [locale, t],
  );
  useReportMarkers(map, reports, markerTexts);

  const setFilter = (name: 'category' | 'status' | 'area', value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const compare = compareNames(locale);
  const categoryOptions = categories.status === 'ready' ? categories.data.items.map((item) => ({ value: item.code, label: nameIn(locale, item) })) : [];
  const areaOptions = (areas?.features ?? [])
    .map((feature) => ({ value: feature.properties.code, label: nameIn(locale, feature.properties) }))
    .sort((left, right) => compare(left.label, right.label));

  return (
    <div className="page page--wide">
      <PageTitle>{t('reports.map.title')}</PageTitle>
      <p className="lead">{t('reports.map.intro')}</p>
      <div className="form-actions">
        <Link to="/reports/new" className="button button--primary">
          {t('reports.form.title')}
        </Link>
        {session.status === 'authenticated' && (
          <Link to="/reports/mine" className="button button--secondary">
            {t('reports.mine.title')}
          </Link>
        )}
      </div>
      <form className="filters" aria-label={t('reports.map.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('reports.fields.category')} placeholder={t('reports.map.allCategories')} options={categoryOptions} value={category} onChange={(event) => setFilter('category', event.target.value)} />
        <SelectField
          label={t('reports.fields.status')}
          placeholder={t('reports.map.allStatuses')}
          options={[
            { value: 'open', label: t('reports.map.statusOpen') },
            { value: 'done', label: t('reports.map.statusDone') },
          ]}
          value={statusFilter}
          onChange={(event) => setFilter('status', event.target.value)}
        />
        <SelectField label={t('reports.fields.area')} placeholder={t('reports.map.allAreas')} options={areaOptions} value={area} onChange={(event) => setFilter('area', event.target.value)} />
      </form>
      <MapCanvas label={t('reports.map.mapLabel')} onContainer={setContainer} className="map--reports" />
      <ul className="legend" aria-label={t('reports.map.legend')}>
        {LEGEND_STATUSES.map((status) => (
          <li key={status}>
            <span className="legend__swatch" style={{ backgroundColor: STATUS_COLOURS[status] }} aria-hidden="true" />
            {t(`reports.status.${status}`)}
          </li>
        ))}
      </ul>
      <section aria-labelledby="report-list-title" className="section">
        <h2 id="report-list-title">{t('reports.map.listTitle')}</h2>
        <div role="status">
          {shownList && (
            <p>
              {shownList.isTruncated
                ? t(shownList.isTotalCapped ? 'reports.map.truncatedMany' : 'reports.map.truncated', { shown: shownList.items.length, total: shownList.total })
                : t('reports.map.count', { count: shownList.total })}
            </p>
          )}
        </div>
        {list.status === 'error' && (
          <ErrorAlert error={list.error}>
            <button type="button" className="button button--secondary" onClick={() => setAttempt((count) => count + 1)}>
              {t('common.retry')}
            </button>
          </ErrorAlert>
        )}
        {(list.status === 'waiting' || (list.status === 'loading' && !list.previous)) && <LoadingState />}
        {shownList && <ReportList reports={shownList.items} emptyText={t('reports.map.empty')} />}
      </section>
    </div>
  );
}
