import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORECARD_MEASURES, type Locale, type ScorecardFigure, type ScorecardItems, type ScorecardMeasure, type UnitScorecard } from '@onecity/contracts';
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
import { commentOnScorecard, getUnitScorecardItems, scorecardsPath, type UnitScorecardList } from './operations.api.ts';

/** A scorecard figure as the table shows it: counts as counts, shares as percentages, ratings out of 5. */
export function figureText(figure: ScorecardFigure | undefined, locale: Locale): string {
  if (!figure || figure.value === null) return '—';
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

type Open = { unit: UnitScorecard; measure: ScorecardMeasure };
type ItemsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: ScorecardItems };

/** Monthly scorecards of comparable units, ranked, with the formula, the items behind each figure and the units' comments. */
export function ScorecardsView({ month, kind }: { month: string; kind: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [list, reload] = useApiResource<UnitScorecardList>(scorecardsPath(month, kind));
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const [items, setItems] = useState<ItemsState>({ status: 'loading' });
  const show = (unit: UnitScorecard, measure: ScorecardMeasure) => {
    setOpen({ unit, measure });
    setItems({ status: 'loading' });
    getUnitScorecardItems(unit.agency.code, month, measure).then(
      (data) => setItems({ status: 'ready', data }),
      (error: unknown) => setItems({ status: 'error', error }),
    );
  };
  return (
    <section aria-labelledby="ioc-scorecards-title" className="section">
      <h2 id="ioc-scorecards-title">{t('operations.scorecards.title')}</h2>
      <ResourceView resource={list} reload={reload}>
        {(data) => (
          <>
            <details className="disclosure">
              <summary>{t('operations.scorecards.formula')}</summary>
              <p>{locale === 'vi' ? data.definitions.formulaVi : data.definitions.formulaEn}</p>
              <dl>
                {data.definitions.measures.map((measure) => (
                  <div key={measure.measure}>
                    <dt>{nameIn(locale, measure)}</dt>
                    <dd>{locale === 'vi' ? measure.definitionVi : measure.definitionEn}</dd>
                  </div>
                ))}
              </dl>
            </details>
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
            {open && (
              <div className="section">
                <h3>{t('operations.scorecards.itemsTitle', { measure: t(`operations.scorecards.measures.${open.measure}`), unit: nameIn(locale, open.unit.agency) })}</h3>
                {items.status === 'loading' && <LoadingState />}
                {items.status === 'error' && <ErrorAlert error={items.error} />}
                {items.status === 'ready' && <ItemsTable code={open.measure} data={items.data} />}
              </div>
            )}
            {data.items.map((unit) => (
              <Comments key={unit.agency.code} unit={unit} month={month} onSaved={reload} />
            ))}
          </>
        )}
      </ResourceView>
    </section>
  );
}

/** A unit's comments on its month, and the form its leads write them in. */
function Comments({ unit, month, onSaved }: { unit: UnitScorecard; month: string; onSaved: () => void }) {
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
