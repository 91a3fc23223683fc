import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agency } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { compareNames } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { AREAS_PATH, type AreaCollection, type AreaProperties } from './ioc.api.ts';
import { KPI_CARDS, type KpiKey } from './kpi-cards.ts';
import { COUNTED_STATUSES, useReportCounters, type Counter, type ReportCounters } from './report-counters.ts';

const KNOWN_AREA_KINDS = ['ward', 'commune', 'town'] as const;
type KnownAreaKind = (typeof KNOWN_AREA_KINDS)[number];
const isKnownAreaKind = (kind: string): kind is KnownAreaKind => (KNOWN_AREA_KINDS as readonly string[]).includes(kind);

/** /ioc: the operations centre: city name, indicator cards (real where the data exists), reports by status and the wards. */
export function IocPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const cityName = useCityName();
  const [areas, reloadAreas] = useApiResource<AreaCollection>(AREAS_PATH);
  const counters = useReportCounters();
  const { byStatus } = counters;
  const nameOf = (area: AreaProperties) => (locale === 'vi' ? area.nameVi : area.nameEn);
  const compare = compareNames(locale);
  const numbers = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

  return (
    <div className="page page--wide ioc">
      <header className="ioc__header">
        {cityName && <p className="ioc__city">{cityName}</p>}
        <PageTitle>{t('ioc.title')}</PageTitle>
      </header>

      <section aria-labelledby="kpis-title" className="section">
        <h2 id="kpis-title">{t('ioc.kpisTitle')}</h2>
        <ul className="kpi-grid">
          {KPI_CARDS.map((key) => (
            <li key={key} className="kpi-card">
              <h3 className="kpi-card__title">{t(`ioc.kpis.${key}`)}</h3>
              <KpiValue kpi={key} counters={counters} format={(value) => numbers.format(value)} />
            </li>
          ))}
        </ul>
        <p className="note">{t('ioc.reportFiguresNote')}</p>
        <p className="note">{t('ioc.noDataExplanation')}</p>
      </section>

      <section aria-labelledby="report-status-title" className="section">
        <h2 id="report-status-title">{t('ioc.reportsByStatus')}</h2>
        {byStatus.status === 'ready' ? (
          <ul className="kpi-grid kpi-grid--compact">
            {COUNTED_STATUSES.map((status) => (
              <li key={status} className="kpi-card">
                <h3 className="kpi-card__title">{t(`reports.status.${status}`)}</h3>
                <p className="kpi-card__value">{numbers.format(byStatus.value[status] ?? 0)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="note">{byStatus.status === 'loading' ? t('app.loading') : t('ioc.noData')}</p>
        )}
        <p>
          <Link to="/reports">{t('ioc.openReportMap')}</Link>
        </p>
      </section>

      <section aria-labelledby="areas-title" className="section">
        <h2 id="areas-title">{t('ioc.areasTitle')}</h2>
        <ResourceView resource={areas} reload={reloadAreas}>
          {({ features }) => {
            const sorted = features.map((feature) => feature.properties).sort((left, right) => compare(nameOf(left), nameOf(right)));
            return (
              <>
                <p>{t('ioc.areasCount', { count: sorted.length })}</p>
                <ul className="area-list">
                  {sorted.map((area) => (
                    <li key={area.code}>
                      <span className="area-list__name">{nameOf(area)}</span>
                      <span className="area-list__meta">
                        {isKnownAreaKind(area.kind) ? t(`ioc.areaKinds.${area.kind}`) : area.kind} · <code>{area.code}</code>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            );
          }}
        </ResourceView>
      </section>
    </div>
  );
}

/** One card's figure: a real number where the reports module provides it, "no data" elsewhere or when it cannot be read. */
function KpiValue({ kpi, counters, format }: { kpi: KpiKey; counters: ReportCounters; format: (value: number) => string }) {
  const { t } = useTranslation();
  const empty = (text: string) => <p className="kpi-card__value kpi-card__value--empty">{text}</p>;
  const pending = (counter: Counter<unknown>) => empty(counter.status === 'loading' ? t('app.loading') : t('ioc.noData'));
  switch (kpi) {
    case 'reportsOpen': {
      const { open } = counters;
      return open.status === 'ready' ? <p className="kpi-card__value">{format(open.value)}</p> : pending(open);
    }
    case 'reportsOverdue': {
      const { overdue } = counters;
      if (overdue.status !== 'ready') return pending(overdue);
      const { count } = overdue.value;
      return <p className={count > 0 ? 'kpi-card__value kpi-card__value--alert' : 'kpi-card__value'}>{format(count)}</p>;
    }
    case 'satisfaction': {
      const { satisfaction } = counters;
      if (satisfaction.status !== 'ready') return pending(satisfaction);
      if (satisfaction.value === null) return empty(t('ioc.noRatings'));
      return (
        <>
          <p className="kpi-card__value">{t('ioc.ratingValue', { average: format(satisfaction.value.average) })}</p>
          <p className="kpi-card__detail">{t('ioc.ratingBasis', { count: satisfaction.value.ratings })}</p>
        </>
      );
    }
    default:
      return empty(t('ioc.noData'));
  }
}

/**
 * The city's name in the current language, from the root of the agency tree. Undefined while loading or
 * when the viewer may not list agencies; the page then shows only its own title.
 */
function useCityName(): string | undefined {
  const { i18n } = useTranslation();
  const [agencies] = useApiResource<{ items: Agency[] }>('/agencies');
  if (agencies.status !== 'ready') return undefined;
  const city = agencies.data.items.find((agency) => agency.kind === 'city' && agency.parentId === null);
  if (city === undefined) return undefined;
  return currentLocale(i18n) === 'vi' ? city.nameVi : city.nameEn;
}
