/**
 * Decision 766 scoring of an agency (a department, a ward or commune, or the whole city) over a period, and the items
 * behind each figure. The rules are pure (workflow/decision-766.ts); this reads the facts and shapes the answer.
 */
import type { Decision766Items, Decision766Score, Indicator766 } from '@onecity/contracts';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { applyNewEvents } from './aggregates.service.ts';
import { readDecision766Aggregates, readDecision766Input } from './operations.sources.ts';
import { periodOf, requireReader, resolveScope } from './operations.scope.ts';
import { findIndicator, indicatorItems, scoreFromAggregates, scoreTally, tallyItems, type IndicatorResult } from './workflow/decision-766.ts';

/** Events a figure request applies itself before reading (the job applies the rest): recent changes show at once. */
const CATCH_UP_BATCHES = 2;

function presentIndicator(result: IndicatorResult): Indicator766 {
  const { definition } = result;
  return {
    code: definition.code,
    group: definition.group,
    nameVi: definition.nameVi,
    nameEn: definition.nameEn,
    formulaVi: definition.formulaVi,
    formulaEn: definition.formulaEn,
    maxPoints: definition.maxPoints,
    fullPointsAt: definition.fullPointsAt,
    measurable: result.measurable,
    noteVi: definition.noteVi,
    noteEn: definition.noteEn,
    unit: definition.unit,
    itemKind: definition.itemKind,
    numerator: result.numerator,
    denominator: result.denominator,
    value: result.value,
    points: result.points,
  };
}

/**
 * The score of an agency's subtree over [from, to] (staff of the agency or above it, IOC, auditors), from the daily
 * aggregates brought up to date first, with the items still open at the period's end judged at that moment.
 */
export async function getDecision766Score(ctx: AppContext, actor: Actor | null, query: { agencyCode: string; from: string; to: string }): Promise<Decision766Score> {
  const scope = await resolveScope(ctx, query.agencyCode);
  requireReader(actor, scope);
  const period = periodOf(ctx, query.from, query.to);
  await applyNewEvents(ctx, new Date(), CATCH_UP_BATCHES);
  const score = scoreFromAggregates(await readDecision766Aggregates(ctx, scope, period));
  return {
    agency: scope.agency,
    from: period.from,
    to: period.to,
    asOf: period.asOf.toISOString(),
    indicators: score.indicators.map(presentIndicator),
    groups: score.groups,
    total: score.total,
    maxPoints: score.maxPoints,
    measuredMaxPoints: score.measuredMaxPoints,
    band: score.band,
  };
}

/** The dossiers, reports, procedures or documents behind one indicator, with the facts that decided each. */
export async function listDecision766Items(
  ctx: AppContext,
  actor: Actor | null,
  query: { agencyCode: string; from: string; to: string; indicator: string; met?: boolean; limit: number; offset: number },
): Promise<Decision766Items> {
  const definition = findIndicator(query.indicator);
  if (!definition) throw new AppError('operations.indicator_not_found', { params: { code: query.indicator }, fields: [{ field: 'query.indicator', message: 'not an indicator of Decision 766' }] });
  const scope = await resolveScope(ctx, query.agencyCode);
  requireReader(actor, scope);
  const period = periodOf(ctx, query.from, query.to);
  // Only the facts this indicator's items are made of (procedure figures count the dossiers filed or paid for them).
  const input = await readDecision766Input(ctx, scope, period, { dossiers: definition.itemKind === 'dossier' || definition.itemKind === 'procedure', reports: definition.itemKind === 'report', procedures: definition.itemKind === 'procedure', documents: definition.itemKind === 'document' });
  const all = indicatorItems(definition, input);
  const items = all.filter((item) => query.met === undefined || item.isMet === query.met);
  return { indicator: presentIndicator(scoreTally(definition, definition.measure ? tallyItems(definition, all) : null)), items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}
