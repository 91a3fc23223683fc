import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FigureDefinition, HeadlineFigure, Locale, PublicStatistics } from '@onecity/contracts';
import { API_PREFIX } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { formatCount, formatShare, isIsoDate } from '../console/dossiers/dossier-rules.ts';
import { nameIn } from '../reports/report-bits.tsx';

/** The API path of the statistics for an optional period (the API's default: the last 30 days). */
export function statisticsPath(from: string | undefined, to: string | undefined, format?: 'csv' | 'json'): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (format) params.set('format', format);
  const query = params.toString();
  return `/public/statistics${query ? `?${query}` : ''}`;
}

function FigureValue({ figure, locale }: { figure: HeadlineFigure | undefined; locale: Locale }) {
  const { t } = useTranslation();
  if (!figure || figure.value === null) return <span className="note">{t('operations.statistics.noData')}</span>;
  return (
    <>
      <strong>{formatShare(figure.value, locale)}</strong>{' '}
      <span className="note">({t('operations.statistics.ratio', { numerator: formatCount(figure.numerator, locale), denominator: formatCount(figure.denominator, locale) })})</span>
    </>
  );
}

/** /statistics: the city's headline figures for anyone, city-wide and per agency, each with its definition; CSV and JSON too. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [searchParams, setSearchParams] = useSearchParams();
  const from = isIsoDate(searchParams.get('from') ?? '') ? (searchParams.get('from') as string) : undefined;
  const to = isIsoDate(searchParams.get('to') ?? '') ? (searchParams.get('to') as string) : undefined;
  const [statistics, reload] = useApiResource<PublicStatistics>(statisticsPath(from, to));
  const setParam = (name: 'from' | 'to', value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (isIsoDate(value)) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const nameOf = (definition: FigureDefinition) => nameIn(locale, definition);

  return (
    <div className="page page--wide">
      <PageTitle>{t('operations.statistics.title')}</PageTitle>
      <p className="lead">{t('operations.statistics.intro')}</p>
      <ResourceView resource={statistics} reload={reload}>
        {(data) => (
          <>
            <form className="filters" aria-label={t('operations.statistics.period')} onSubmit={(event) => event.preventDefault()}>
              <TextField label={t('operations.filters.from')} type="date" defaultValue={data.from} onChange={(event) => setParam('from', event.target.value)} />
              <TextField label={t('operations.filters.to')} type="date" defaultValue={data.to} onChange={(event) => setParam('to', event.target.value)} />
            </form>
            <p className="note">{t('operations.statistics.computedAt', { time: formatDateTime(data.computedAt, locale), from: formatDate(data.from, locale), to: formatDate(data.to, locale) })}</p>
            <p>
              <a className="button button--secondary" href={`${API_PREFIX}${statisticsPath(data.from, data.to, 'csv')}`} download>
                {t('operations.statistics.csv')}
              </a>{' '}
              <a className="button button--secondary" href={`${API_PREFIX}${statisticsPath(data.from, data.to, 'json')}`} download={`thong-ke-${data.from}-${data.to}.json`}>
                {t('operations.statistics.json')}
              </a>
            </p>
            <section aria-labelledby="statistics-city" className="section">
              <h2 id="statistics-city">{t('operations.statistics.cityTitle')}</h2>
              <ul className="kpi-grid">
                {data.definitions.map((definition) => (
                  <li key={definition.key} className="kpi-card">
                    <h3 className="kpi-card__title">{nameOf(definition)}</h3>
                    <p className="kpi-card__value">
                      <FigureValue figure={data.city.figures.find((figure) => figure.key === definition.key)} locale={locale} />
                    </p>
                    <p className="kpi-card__detail">{locale === 'vi' ? definition.definitionVi : definition.definitionEn}</p>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="statistics-agencies" className="section">
              <h2 id="statistics-agencies">{t('operations.statistics.byAgency')}</h2>
              <div className="table-scroll" role="region" aria-labelledby="statistics-agencies" tabIndex={0}>
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('operations.statistics.agency')}</th>
                      {data.definitions.map((definition) => (
                        <th key={definition.key} scope="col">
                          {nameOf(definition)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.agencies.map((entry) => (
                      <tr key={entry.agency.code}>
                        <th scope="row">{nameIn(locale, entry.agency)}</th>
                        {data.definitions.map((definition) => (
                          <td key={definition.key}>
                            <FigureValue figure={entry.figures.find((figure) => figure.key === definition.key)} locale={locale} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
      </ResourceView>
    </div>
  );
}
