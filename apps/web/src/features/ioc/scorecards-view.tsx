import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SCORECARD_MEASURES, type Locale, type ScorecardDefinitions, type ScorecardFigure, type ScorecardItems, type ScorecardMeasure, type UnitScorecard } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { formatCount, formatShare } from '../console/dossiers/dossier-rules.ts';
import { nameIn } from '../reports/report-bits.tsx';
import { formatPoints, ItemsTable } from './decision-766-view.tsx';
import { ExportLinks } from './export-links.tsx';
import { commentOnScorecard, getUnitScorecardItems, scorecardsFileUrl, scorecardsPath, type UnitScorecardList } from './operations.api.ts';

/** Counts stand on their own; every other measure is a ratio, with nothing to say over an empty denominator. */
const isRatio = (figure: ScorecardFigure) => figure.measure !== 'handled' && figure.measure !== 'overdue';

/** A scorecard figure as the table shows it: counts as counts, shares as percentages, ratings out of 5; "—" for 0/0. */
export function figureText(figure: ScorecardFigure | undefined, locale: Locale): string {
  if (!figure || figure.value === null || (isRatio(figure) && figure.denominator === 0)) return '—';
  switch (figure.measure) {
    case 'handled':
    case 'overdue':
      return formatCount(figure.value, locale);
    case 'ratings':
      return `${formatPoints(figure.value, locale)}/5`;
    default:
      return formatShare(figure.value, locale);
  }
}

/** What a figure is made of, in words a reader can check: late of handled, hours taken of hours allowed, ratings given. */
export function figureRatio(figure: ScorecardFigure | undefined, locale: Locale, t: TFunction): string {
  if (!figure || figure.measure === 'handled' || figure.denominator === 0) return '—';
  if (figure.measure === 'handlingTime') {
    return t('operations.scorecards.hoursOf', { taken: formatPoints(figure.numerator / 3600, locale), allowed: formatPoints(figure.denominator / 3600, locale) });
  }
  if (figure.measure === 'ratings') return t('operations.scorecards.ratingsGiven', { count: formatCount(figure.denominator, locale) });
  return `${formatCount(figure.numerator, locale)}/${formatCount(figure.denominator, locale)}`;
}

/** Which figure's items to show: a title, and how to load them (keyed, so a new figure reloads). */
export type ItemsRequest = { key: string; title: string; load: () => Promise<ScorecardItems> };
type ItemsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: ScorecardItems };

/** The dossiers and reports behind the figure the reader opened. */
export function FigureItems({ request }: { request: ItemsRequest }) {
  const [items, setItems] = useState<ItemsState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    setItems({ status: 'loading' });
    request.load().then(
      (data) => isCurrent && setItems({ status: 'ready', data }),
      (error: unknown) => isCurrent && setItems({ status: 'error', error }),
    );
    return () => {
      isCurrent = false;
    };
    // The key names the figure; `load` is rebuilt on each render of the parent.
  }, [request.key]);
  return (
    <div className="section">
      <h3>{request.title}</h3>
      {items.status === 'loading' && <LoadingState />}
      {items.status === 'error' && <ErrorAlert error={items.error} />}
      {items.status === 'ready' && <ItemsTable code={items.data.measure} data={items.data} />}
    </div>
  );
}

/** How the score is made and what each measure counts, folded until asked for. */
export function ScorecardFormula({ definitions }: { definitions: ScorecardDefinitions }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <details className="disclosure">
      <summary>{t('operations.scorecards.formula')}</summary>
      <p>{locale === 'vi' ? definitions.formulaVi : definitions.formulaEn}</p>
      <dl>
        {definitions.measures.map((measure) => (
          <div key={measure.measure}>
            <dt>{nameIn(locale, measure)}</dt>
            <dd>{locale === 'vi' ? measure.definitionVi : measure.definitionEn}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * One scorecard's figures, a row per measure: the value (a button that opens the items behind it) and the numerator
 * and denominator it is made of.
 */
export function FiguresTable({ caption, figures, onOpen }: { caption: string; figures: ScorecardFigure[]; onOpen: (measure: ScorecardMeasure) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operations.scorecards.columns.measure')}</th>
            <th scope="col">{t('operations.scorecards.columns.value')}</th>
            <th scope="col">{t('operations.scorecards.columns.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {SCORECARD_MEASURES.map((measure) => {
            const figure = figures.find((candidate) => candidate.measure === measure);
            const name = t(`operations.scorecards.measures.${measure}`);
            return (
              <tr key={measure}>
                <th scope="row">{name}</th>
                <td>
                  <button type="button" className="button button--link" onClick={() => onOpen(measure)} aria-label={t('operations.scorecards.openItems', { measure: name, value: figureText(figure, locale) })}>
                    {figureText(figure, locale)}
                  </button>
                </td>
                <td>{figureRatio(figure, locale, t)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Monthly scorecards of comparable units, ranked, with the formula, the items behind each figure and the units' comments. */
export function ScorecardsView({ month, kind }: { month: string; kind: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [list, reload] = useApiResource<UnitScorecardList>(scorecardsPath(month, kind));
  const [open, setOpen] = useState<ItemsRequest | undefined>(undefined);
  const show = (unit: UnitScorecard, measure: ScorecardMeasure) =>
    setOpen({
      key: `${unit.agency.code}-${month}-${measure}`,
      title: t('operations.scorecards.itemsTitle', { measure: t(`operations.scorecards.measures.${measure}`), unit: nameIn(locale, unit.agency) }),
      load: () => getUnitScorecardItems(unit.agency.code, month, measure),
    });
  return (
    <section aria-labelledby="ioc-scorecards-title" className="section">
      <h2 id="ioc-scorecards-title">{t('operations.scorecards.title')}</h2>
      <ResourceView resource={list} reload={reload}>
        {(data) => (
          <>
            <ExportLinks csvUrl={scorecardsFileUrl(month, kind, 'csv')} pdfUrl={scorecardsFileUrl(month, kind, 'pdf')} label={t('operations.exports.label', { what: t('operations.scorecards.title') })} />
            <ScorecardFormula definitions={data.definitions} />
            {data.items.length === 0 ? (
              <p>{t('operations.scorecards.empty')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="ioc-scorecards-caption" tabIndex={0}>
                <table className="table table--compact">
                  <caption id="ioc-scorecards-caption">{t('operations.scorecards.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('operations.scorecards.columns.rank')}</th>
                      <th scope="col">{t('operations.scorecards.columns.unit')}</th>
                      <th scope="col">{t('operations.scorecards.columns.score')}</th>
                      {SCORECARD_MEASURES.map((measure) => (
                        <th key={measure} scope="col">
                          {t(`operations.scorecards.measures.${measure}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((unit) => (
                      <tr key={unit.agency.code}>
                        <td>{unit.rank === null ? t('operations.scorecards.unranked') : t('operations.scorecards.rankOf', { rank: unit.rank, peers: unit.peers })}</td>
                        <th scope="row">{nameIn(locale, unit.agency)}</th>
                        <td>{unit.score === null ? '—' : formatPoints(unit.score, locale)}</td>
                        {SCORECARD_MEASURES.map((measure) => (
                          <td key={measure}>
                            <button type="button" className="button button--link" onClick={() => show(unit, measure)} aria-label={`${t(`operations.scorecards.measures.${measure}`)} — ${nameIn(locale, unit.agency)}`}>
                              {figureText(unit.figures.find((figure) => figure.measure === measure), locale)}
                            </button>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {open && <FigureItems request={open} />}
            {data.items.map((unit) => (
              <ScorecardComments key={unit.agency.code} unit={unit} month={month} onSaved={reload} />
            ))}
          </>
        )}
      </ResourceView>
    </section>
  );
}

/** A unit's comments on its month, and the form its leads write them in. */
export function ScorecardComments({ unit, month, onSaved }: { unit: UnitScorecard; month: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setSaving] = useState(false);
  const isLead = user?.roles.some((grant) => grant.role === 'unit_lead' && grant.agencyCode === unit.agency.code) ?? false;
  if (!isLead && unit.comments.length === 0) return null;
  return (
    <section className="section" aria-label={`${t('operations.scorecards.comments')} — ${nameIn(locale, unit.agency)}`}>
      <h3>
        {t('operations.scorecards.comments')} — {nameIn(locale, unit.agency)}
      </h3>
      {unit.comments.length === 0 ? (
        <p>{t('operations.scorecards.noComments')}</p>
      ) : (
        <ul>
          {unit.comments.map((comment) => (
            <li key={comment.id}>
              <strong>{comment.authorName}</strong>: {comment.text}
            </li>
          ))}
        </ul>
      )}
      {isLead && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaving(true);
            setError(undefined);
            commentOnScorecard(unit.agency.code, month, text)
              .then(() => {
                setText('');
                onSaved();
              })
              .catch((caught: unknown) => setError(caught))
              .finally(() => setSaving(false));
          }}
        >
          <TextareaField label={t('operations.scorecards.commentLabel')} value={text} onChange={(event) => setText(event.target.value)} required maxLength={4000} />
          {error !== undefined && <ErrorAlert error={error} />}
          <button type="submit" className="button button--primary" disabled={isSaving || text.trim() === ''}>
            {t('operations.scorecards.commentSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}
