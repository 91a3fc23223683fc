import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ScorecardMeasure } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { SCORECARD_ROLES } from '../console/console-sections.ts';
import { currentMonthRange } from '../console/dossiers/dossier-rules.ts';
import { nameIn } from '../reports/report-bits.tsx';
import { formatPoints } from './decision-766-view.tsx';
import {
  getOfficialScorecardItems,
  getUnitScorecardItems,
  officialScorecardPath,
  unitOfficialsPath,
  unitScorecardPath,
  type OfficialScorecard,
  type UnitOfficials,
  type UnitScorecardDetail,
} from './operations.api.ts';
import { FigureItems, FiguresTable, ScorecardComments, ScorecardFormula, type ItemsRequest } from './scorecards-view.tsx';
import './ioc.css';

const isMonth = (value: string | null): value is string => value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** "11/2026" for "2026-11". */
const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/**
 * /console/scorecards: an official's own monthly results (each number opens the items behind it, the formula beside
 * them), the scorecards of the units they work in with the units' comments (their leads write them), and for unit
 * leads the list of their officials, whose results open here too (`?official=<id>`). The API decides who sees what.
 */
export function ScorecardsSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const defaultMonth = useMemo(() => currentMonthRange(new Date()).from.slice(0, 7), []);
  const month = isMonth(searchParams.get('month')) ? (searchParams.get('month') as string) : defaultMonth;
  const official = searchParams.get('official');
  if (user === undefined) return null;
  const grants = user.roles.filter((grant) => SCORECARD_ROLES.includes(grant.role) && grant.agencyCode !== null);
  const units = [...new Set(grants.map((grant) => grant.agencyCode as string))];
  const leadOf = new Set(grants.filter((grant) => grant.role === 'unit_lead').map((grant) => grant.agencyCode as string));
  const setMonth = (value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (isMonth(value)) next.set('month', value);
        return next;
      },
      { replace: true },
    );
  const isOther = official !== null && official !== user.id;
  return (
    <section className="page">
      <PageTitle>{t('console.scorecards')}</PageTitle>
      <p className="lead">{t('operations.myScorecards.intro')}</p>
      <form className="filters" aria-label={t('operations.filters.label')} onSubmit={(event) => event.preventDefault()}>
        <TextField label={t('operations.filters.month')} type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
      </form>
      {isOther && (
        <p>
          <Link to={`?month=${month}`}>{t('operations.myScorecards.back')}</Link>
        </p>
      )}
      <OfficialScorecardPanel key={`${official ?? user.id}-${month}`} userId={isOther ? official : user.id} month={month} isOwn={!isOther} />
      {units.map((code) => (
        <UnitScorecardPanel key={`${code}-${month}`} code={code} month={month} isLead={leadOf.has(code)} />
      ))}
    </section>
  );
}

/** One official's results of the month, each figure opening the steps and reports behind it. */
function OfficialScorecardPanel({ userId, month, isOwn }: { userId: string; month: string; isOwn: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [scorecard, reload] = useApiResource<OfficialScorecard>(officialScorecardPath(userId, month));
  const [open, setOpen] = useState<ItemsRequest | undefined>(undefined);
  return (
    <section className="section" aria-labelledby="scorecard-official-title">
      <ResourceView resource={scorecard} reload={reload}>
        {(data) => {
          const name = data.official.fullName;
          const show = (measure: ScorecardMeasure) =>
            setOpen({
              key: measure,
              title: t('operations.myScorecards.itemsTitle', { measure: t(`operations.scorecards.measures.${measure}`), name }),
              load: () => getOfficialScorecardItems(userId, month, measure),
            });
          return (
            <>
              <h2 id="scorecard-official-title">{isOwn ? t('operations.myScorecards.mine') : t('operations.myScorecards.officialTitle', { name })}</h2>
              {data.official.agencies.length > 0 && <p>{t('operations.myScorecards.agencies', { agencies: data.official.agencies.map((agency) => nameIn(locale, agency)).join('; ') })}</p>}
              <FiguresTable caption={`${name} — ${t('operations.myScorecards.figuresCaption', { month: monthLabel(month) })}`} figures={data.figures} onOpen={show} />
              <ScorecardFormula definitions={data.definitions} />
              {open && <FigureItems request={open} />}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}

/** A unit's scorecard of the month: rank, score, figures with their items, the unit's comments and, for its leads, its officials. */
function UnitScorecardPanel({ code, month, isLead }: { code: string; month: string; isLead: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [scorecard, reload] = useApiResource<UnitScorecardDetail>(unitScorecardPath(code, month));
  const [open, setOpen] = useState<ItemsRequest | undefined>(undefined);
  const titleId = `scorecard-unit-${code}`;
  return (
    <section className="section" aria-labelledby={titleId}>
      <ResourceView resource={scorecard} reload={reload}>
        {(unit) => {
          const unitName = nameIn(locale, unit.agency);
          const show = (measure: ScorecardMeasure) =>
            setOpen({
              key: measure,
              title: t('operations.scorecards.itemsTitle', { measure: t(`operations.scorecards.measures.${measure}`), unit: unitName }),
              load: () => getUnitScorecardItems(code, month, measure),
            });
          return (
            <>
              <h2 id={titleId}>{t('operations.myScorecards.unitTitle', { unit: unitName })}</h2>
              <p>
                {unit.rank === null ? t('operations.myScorecards.unranked') : t('operations.myScorecards.rank', { rank: unit.rank, peers: unit.peers })}
                {unit.score !== null && ` · ${t('operations.myScorecards.score', { score: formatPoints(unit.score, locale) })}`}
              </p>
              <FiguresTable caption={`${unitName} — ${t('operations.myScorecards.figuresCaption', { month: monthLabel(month) })}`} figures={unit.figures} onOpen={show} />
              <ScorecardFormula definitions={unit.definitions} />
              {open && <FigureItems request={open} />}
              <ScorecardComments unit={unit} month={month} onSaved={reload} />
              {isLead && <UnitOfficialsList code={code} month={month} />}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}

/** The unit's officials, each a link to their results of the month. */
function UnitOfficialsList({ code, month }: { code: string; month: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [officials, reload] = useApiResource<UnitOfficials>(unitOfficialsPath(code));
  return (
    <ResourceView resource={officials} reload={reload}>
      {(data) => (
        <nav className="section" aria-label={`${t('operations.myScorecards.officials')} — ${nameIn(locale, data.agency)}`}>
          <h3>{t('operations.myScorecards.officials')}</h3>
          {data.items.length === 0 ? (
            <p>{t('operations.myScorecards.noOfficials')}</p>
          ) : (
            <>
              <p className="note">{t('operations.myScorecards.officialsNote')}</p>
              {data.items.length < data.total && <p className="note">{t('operations.myScorecards.officialsTruncated', { shown: data.items.length, total: data.total })}</p>}
              <ul>
                {data.items.map((official) => (
                  <li key={official.id}>
                    <Link to={`?${new URLSearchParams({ month, official: official.id }).toString()}`}>{official.fullName}</Link>
                    {official.agencies.length > 0 && ` — ${official.agencies.map((agency) => nameIn(locale, agency)).join('; ')}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
      )}
    </ResourceView>
  );
}
