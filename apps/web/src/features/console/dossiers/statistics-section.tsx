import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Agency, DossierStatistics } from '@onecity/contracts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { compareNames, formatDate } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { ResourceView } from '../../../components/resource-view.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useApiResource } from '../../../components/use-api-resource.ts';
import { nameIn } from '../../reports/report-bits.tsx';
import { DossierSubnav } from './dossier-bits.tsx';
import { agenciesInScope, currentMonthRange, formatCount, formatShare, isIsoDate } from './dossier-rules.ts';
import { statisticsCsvUrl, statisticsPath, type StatisticsQuery } from './dossiers.api.ts';
import type { dossierConsoleVi } from './messages.ts';

type RowKey = keyof typeof dossierConsoleVi.stats.rows;
type Figure = { key: RowKey; value: number | null; isShare?: boolean };
type Group = { key: 'processing' | 'channels' | 'payments' | 'results'; figures: Figure[] };

/** The figures of the national reporting form, grouped as the form groups them. */
export function statisticsGroups(stats: DossierStatistics): Group[] {
  return [
    {
      key: 'processing',
      figures: [
        { key: 'received', value: stats.received },
        { key: 'carriedOver', value: stats.carriedOver },
        { key: 'toProcess', value: stats.toProcess },
        { key: 'doneOnTime', value: stats.doneOnTime },
        { key: 'doneLate', value: stats.doneLate },
        { key: 'inProgressNotDue', value: stats.inProgressNotDue },
        { key: 'inProgressNearlyDue', value: stats.inProgressNearlyDue },
        { key: 'inProgressOverdue', value: stats.inProgressOverdue },
        { key: 'withdrawnOrStopped', value: stats.withdrawnOrStopped },
        { key: 'onTimeRate', value: stats.onTimeRate, isShare: true },
      ],
    },
    {
      key: 'channels',
      figures: [
        { key: 'online', value: stats.byChannel.online },
        { key: 'inPerson', value: stats.byChannel.in_person },
        { key: 'post', value: stats.byChannel.post },
        { key: 'onlineShare', value: stats.onlineShare, isShare: true },
      ],
    },
    {
      key: 'payments',
      figures: [
        { key: 'feeBearing', value: stats.feeBearing },
        { key: 'feePaidOnline', value: stats.feePaidOnline },
        { key: 'feePaidOnlineShare', value: stats.feePaidOnlineShare, isShare: true },
      ],
    },
    {
      key: 'results',
      figures: [
        { key: 'done', value: stats.done },
        { key: 'electronicResults', value: stats.electronicResults },
        { key: 'electronicResultShare', value: stats.electronicResultShare, isShare: true },
      ],
    },
  ];
}

/**
 * /console/dossiers/statistics: how an agency in the viewer's scope handled dossiers in a period (this month
 * unless chosen), as the national reporting form counts them, with the same figures as a CSV download.
 */
export function DossierStatisticsSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const [agencies, reloadAgencies] = useApiResource<{ items: Agency[] }>('/agencies');
  const [searchParams, setSearchParams] = useSearchParams();
  const month = useMemo(() => currentMonthRange(new Date()), []);
  const [from, setFrom] = useState(() => validDate(searchParams.get('from')) ?? month.from);
  const [to, setTo] = useState(() => validDate(searchParams.get('to')) ?? month.to);
  const scope = useMemo(() => {
    if (user === undefined || agencies.status !== 'ready') return [];
    const compare = compareNames(locale);
    return agenciesInScope(user, agencies.data.items, (left, right) => compare(nameIn(locale, left), nameIn(locale, right)));
  }, [user, agencies, locale]);
  if (user === undefined) return null;
  const agencyParam = searchParams.get('agency') ?? '';
  const agency = scope.find((candidate) => candidate.code === agencyParam) ?? scope[0];
  const setParam = (name: string, value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const isRangeValid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const rangeError = isIsoDate(from) && isIsoDate(to) && from > to ? t('dossierConsole.validation.range') : undefined;

  return (
    <section className="page">
      <PageTitle>{t('dossierConsole.stats.title')}</PageTitle>
      <DossierSubnav />
      <ResourceView resource={agencies} reload={reloadAgencies}>
        {() =>
          agency === undefined ? (
            <p>{t('dossierConsole.stats.noAgency')}</p>
          ) : (
            <>
              <form className="filters" aria-label={t('dossierConsole.stats.filters')} onSubmit={(event) => event.preventDefault()}>
                <SelectField
                  label={t('dossierConsole.stats.agency')}
                  options={scope.map((candidate) => ({ value: candidate.code, label: `${nameIn(locale, candidate)} (${candidate.code})` }))}
                  value={agency.code}
                  onChange={(event) => setParam('agency', event.target.value)}
                />
                <TextField
                  label={t('dossierConsole.stats.from')}
                  type="date"
                  value={from}
                  onChange={(event) => {
                    setFrom(event.target.value);
                    if (isIsoDate(event.target.value)) setParam('from', event.target.value);
                  }}
                />
                <TextField
                  label={t('dossierConsole.stats.to')}
                  type="date"
                  value={to}
                  error={rangeError}
                  onChange={(event) => {
                    setTo(event.target.value);
                    if (isIsoDate(event.target.value)) setParam('to', event.target.value);
                  }}
                />
              </form>
              {isRangeValid && <StatisticsTable query={{ agencyCode: agency.code, from, to }} agencyName={nameIn(locale, agency)} />}
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

function StatisticsTable({ query, agencyName }: { query: StatisticsQuery; agencyName: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [stats, reload] = useApiResource<DossierStatistics>(statisticsPath(query));
  const show = (figure: Figure) =>
    figure.value === null ? t('dossierConsole.stats.notApplicable') : figure.isShare ? formatShare(figure.value, locale) : formatCount(figure.value, locale);
  return (
    <>
      <p>
        <a className="button button--secondary" href={statisticsCsvUrl(query)} download>
          {t('dossierConsole.stats.csv')}
        </a>
      </p>
      <ResourceView resource={stats} reload={reload}>
        {(data) => (
          <div className="table-scroll" role="region" aria-labelledby="dossier-stats-caption" tabIndex={0}>
            <table className="table dossier-stats">
              <caption id="dossier-stats-caption">
                {t('dossierConsole.stats.caption', { agency: agencyName, from: formatDate(data.from, locale), to: formatDate(data.to, locale) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dossierConsole.stats.figure')}</th>
                  <th scope="col">{t('dossierConsole.stats.value')}</th>
                </tr>
              </thead>
              {statisticsGroups(data).map((group) => (
                <tbody key={group.key}>
                  <tr>
                    <th scope="rowgroup" colSpan={2}>
                      {t(`dossierConsole.stats.groups.${group.key}`)}
                    </th>
                  </tr>
                  {group.figures.map((figure) => (
                    <tr key={figure.key}>
                      <th scope="row">{t(`dossierConsole.stats.rows.${figure.key}`)}</th>
                      <td>{show(figure)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        )}
      </ResourceView>
    </>
  );
}

function validDate(value: string | null): string | undefined {
  return value !== null && isIsoDate(value) ? value : undefined;
}
