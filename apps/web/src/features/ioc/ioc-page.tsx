import { useTranslation } from 'react-i18next';
import type { Agency } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { compareNames } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { AREAS_PATH, type AreaCollection, type AreaProperties } from './ioc.api.ts';
import { KPI_CARDS } from './kpi-cards.ts';

const KNOWN_AREA_KINDS = ['ward', 'commune', 'town'] as const;
type KnownAreaKind = (typeof KNOWN_AREA_KINDS)[number];
const isKnownAreaKind = (kind: string): kind is KnownAreaKind => (KNOWN_AREA_KINDS as readonly string[]).includes(kind);

/** /ioc: the operations-centre shell: city name, indicator cards (honestly empty) and the wards. */
export function IocPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const cityName = useCityName();
  const [areas, reloadAreas] = useApiResource<AreaCollection>(AREAS_PATH);
  const nameOf = (area: AreaProperties) => (locale === 'vi' ? area.nameVi : area.nameEn);
  const compare = compareNames(locale);

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
              <p className="kpi-card__value kpi-card__value--empty">{t('ioc.noData')}</p>
            </li>
          ))}
        </ul>
        <p className="note">{t('ioc.noDataExplanation')}</p>
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
