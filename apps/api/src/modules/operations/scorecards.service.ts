/**
 * Monthly scorecards. Units: figures from the daily aggregates over the unit's subtree, a composite score, the rank
 * among comparable units, the items behind each figure (the same contributions the aggregates are made of) and the
 * unit's comments. Officials: figures from the steps they finished and the reports they answered, visible only to
 * the official, their leads and those who oversee them.
 */
import type { IndicatorItem, OfficialScorecard, ScorecardComment, ScorecardFigure, ScorecardItems, ScorecardMeasure, UnitOfficials, UnitScorecard, UnitScorecardList } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { AgencyRow } from '../agencies/index.ts';
import { findUserContacts, listUserGrants, listUsersWithRoleUnder } from '../identity/index.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';
import { sumDaily } from './aggregates.service.ts';
import { canCommentOnScorecard, canListUnitOfficials, canSeeOfficialScorecard } from './operations.policy.ts';
import { FIGURE_READERS, listAllAgencies, periodOf, refOf, scopeOf } from './operations.scope.ts';
import { dossierContributions, reportContributions } from './workflow/daily-aggregates.ts';
import { compositeScore, officialFigures, officialItems, peerGroupOf, rankByScore, SCORECARD_DEFINITIONS, unitFigures } from './workflow/scorecards.ts';

/** The first and last local dates of a YYYY-MM month. */
function monthDates(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function subtreeOf(agencies: AgencyRow[], agency: AgencyRow): AgencyRow[] {
  return agencies.filter((row) => row.path === agency.path || row.path.startsWith(`${agency.path}.`));
}

async function commentsOf(ctx: AppContext, agencyIds: string[], month: string): Promise<Map<string, ScorecardComment[]>> {
  const byAgency = new Map<string, ScorecardComment[]>();
  if (agencyIds.length === 0) return byAgency;
  const rows = await ctx.db
    .selectFrom('operations_scorecard_comments')
    .select(['id', 'agency_id', 'month', 'author_id', 'text', 'created_at'])
    .where('agency_id', 'in', agencyIds)
    .where('month', '=', month)
    .orderBy('created_at')
    .execute();
  const names = await findUserContacts(ctx, rows.map((row) => row.author_id));
  for (const row of rows) {
    const list = byAgency.get(row.agency_id) ?? [];
    list.push({ id: row.id, month: row.month, authorName: names.get(row.author_id)?.fullName ?? '', text: row.text, createdAt: row.created_at.toISOString() });
    byAgency.set(row.agency_id, list);
  }
  return byAgency;
}

/** Every unit of a peer group with its figures, score and rank for the month. */
async function scorePeers(ctx: AppContext, agencies: AgencyRow[], group: string, month: string) {
  const { from, to } = monthDates(month);
  const sums = await sumDaily(ctx, { fromDay: from, toDay: to });
  const peers = agencies.filter((row) => row.parent_id !== null && peerGroupOf(row.kind) === group);
  const scored = peers.map((agency) => {
    const total = new Map<string, number>();
    for (const member of subtreeOf(agencies, agency)) for (const [metric, value] of sums.get(member.id) ?? []) total.set(metric, (total.get(metric) ?? 0) + value);
    const figures = unitFigures(total);
    return { agency, figures, score: compositeScore(figures) };
  });
  return rankByScore(scored);
}

function toUnitScorecard(entry: { agency: AgencyRow; figures: ScorecardFigure[]; score: number | null; rank: number | null }, month: string, peers: number, comments: ScorecardComment[]): UnitScorecard {
  return { agency: refOf(entry.agency), month, figures: entry.figures, score: entry.score, rank: entry.rank, peers, comments };
}

/** The scorecards of the units of one kind the caller may read, ranked among all units of that kind. */
export async function listUnitScorecards(ctx: AppContext, actor: Actor | null, query: { month: string; kind: string }): Promise<UnitScorecardList> {
  const caller = requireActor(actor);
  const agencies = await listAllAgencies(ctx);
  const group = peerGroupOf(query.kind);
  const ranked = await scorePeers(ctx, agencies, group, query.month);
  const visible = ranked.filter((entry) => hasRole(caller, FIGURE_READERS, entry.agency.path));
  if (visible.length === 0 && ranked.length > 0) throw new AppError('auth.forbidden');
  const comments = await commentsOf(ctx, visible.map((entry) => entry.agency.id), query.month);
  const items = visible
    .sort((left, right) => (left.rank ?? Infinity) - (right.rank ?? Infinity) || left.agency.name_vi.localeCompare(right.agency.name_vi, 'vi'))
    .map((entry) => toUnitScorecard(entry, query.month, ranked.length, comments.get(entry.agency.id) ?? []));
  return { month: query.month, kind: group, definitions: SCORECARD_DEFINITIONS, items };
}

async function readableUnit(ctx: AppContext, actor: Actor | null, code: string) {
  const caller = requireActor(actor);
  const agencies = await listAllAgencies(ctx);
  const agency = agencies.find((row) => row.code === code);
  if (!agency) throw new AppError('operations.agency_not_found', { params: { code } });
  if (!hasRole(caller, FIGURE_READERS, agency.path)) throw new AppError('auth.forbidden');
  return { caller, agencies, agency };
}

/** One unit's scorecard with its rank and comments. */
export async function getUnitScorecard(ctx: AppContext, actor: Actor | null, code: string, month: string): Promise<UnitScorecard & { definitions: typeof SCORECARD_DEFINITIONS }> {
  const { agencies, agency } = await readableUnit(ctx, actor, code);
  const ranked = agency.parent_id === null ? [] : await scorePeers(ctx, agencies, peerGroupOf(agency.kind), month);
  let entry = ranked.find((candidate) => candidate.agency.id === agency.id);
  if (!entry) {
    // The city itself has no peers: its figures, unranked.
    const { from, to } = monthDates(month);
    const sums = await sumDaily(ctx, { fromDay: from, toDay: to });
    const total = new Map<string, number>();
    for (const metrics of sums.values()) for (const [metric, value] of metrics) total.set(metric, (total.get(metric) ?? 0) + value);
    const figures = unitFigures(total);
    entry = { agency, figures, score: compositeScore(figures), rank: null };
  }
  const comments = await commentsOf(ctx, [agency.id], month);
  return { ...toUnitScorecard(entry, month, ranked.length, comments.get(agency.id) ?? []), definitions: SCORECARD_DEFINITIONS };
}

/** Which contributions make each unit measure, and which of them make an item count in the numerator. */
const UNIT_MEASURE_ITEMS: Record<ScorecardMeasure, { base: string[]; met?: string[]; onlyUnmet?: boolean; fields: string[] }> = {
  handled: { base: ['dossiers.finished', 'reports.answered'], fields: ['dossiers.handling_seconds', 'reports.answer_seconds'] },
  onTime: { base: ['dossiers.finished', 'reports.answered'], met: ['dossiers.finished_on_time', 'reports.answered_on_time'], fields: [] },
  handlingTime: { base: ['dossiers.finished'], fields: ['dossiers.handling_seconds', 'dossiers.legal_seconds'] },
  overdue: { base: ['dossiers.finished', 'reports.answered'], met: ['dossiers.finished_on_time', 'reports.answered_on_time'], onlyUnmet: true, fields: [] },
  supplements: { base: ['dossiers.received'], met: ['dossiers.supplement_requests'], fields: ['dossiers.supplement_requests'] },
  transfers: { base: ['dossiers.received', 'reports.received'], met: ['dossiers.transfers', 'reports.transfers'], fields: ['dossiers.transfers', 'reports.transfers'] },
  ratings: { base: ['reports.rated', 'dossiers.surveys'], fields: ['reports.rating_sum', 'dossiers.survey_overall_sum'] },
};

/** The dossiers and reports behind one of a unit's figures: exactly the contributions the aggregates summed. */
export async function listUnitScorecardItems(ctx: AppContext, actor: Actor | null, code: string, query: { month: string; measure: ScorecardMeasure; limit: number; offset: number }): Promise<ScorecardItems> {
  const { agencies, agency } = await readableUnit(ctx, actor, code);
  const scope = scopeOf(agencies, agency);
  const { from, to } = monthDates(query.month);
  const period = periodOf(ctx, from, to);
  const root = agencies.find((row) => row.parent_id === null) as AgencyRow;
  const unitIds = scope.isCity ? undefined : scope.agencyIds;
  const [created, resolved, dossiers] = await Promise.all([
    reportQueries.listReportFacts(ctx, { unitIds, createdFrom: period.start, createdTo: period.end, withTransfers: true }),
    reportQueries.listReportFacts(ctx, { unitIds, resolvedFrom: period.start, resolvedTo: period.end, withTransfers: true }),
    dossierQueries.listDossierFacts(ctx, { agencyIds: unitIds, activeDuring: { toDate: to, start: period.start } }),
  ]);
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.config.officeHours.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (instant: Date) => format.format(instant);
  const inScope = new Set(scope.agencyIds);
  const metricsOf = (contributions: [string, string, string, number][]) => {
    const metrics = new Map<string, number>();
    for (const [agencyId, day, metric, value] of contributions) {
      if (inScope.has(agencyId) && day >= from && day <= to) metrics.set(metric, (metrics.get(metric) ?? 0) + value);
    }
    return metrics;
  };
  const reports = new Map([...created, ...resolved].map((row) => [row.code, row]));
  const candidates = [
    ...[...reports.values()].map((row) => ({ kind: 'report' as const, code: row.code, metrics: metricsOf(reportContributions(row, root.id, dayOf)) })),
    ...dossiers.map((row) => ({ kind: 'dossier' as const, code: row.code, metrics: metricsOf(dossierContributions(row, dayOf)) })),
  ];
  const rule = UNIT_MEASURE_ITEMS[query.measure];
  const items: IndicatorItem[] = [];
  for (const candidate of candidates) {
    const base = rule.base.filter((metric) => (candidate.metrics.get(metric) ?? 0) > 0);
    if (base.length === 0) continue;
    const isMet = rule.met ? rule.met.some((metric) => (candidate.metrics.get(metric) ?? 0) > 0) : true;
    if (rule.onlyUnmet && isMet) continue;
    const fields: Record<string, number> = {};
    for (const metric of [...base, ...rule.fields]) if (candidate.metrics.has(metric)) fields[metric] = candidate.metrics.get(metric) as number;
    items.push({ kind: candidate.kind, code: candidate.code, isMet: rule.onlyUnmet ? false : isMet, outcome: base.join('+'), fields });
  }
  items.sort((left, right) => left.kind.localeCompare(right.kind) || left.code.localeCompare(right.code));
  return { measure: query.measure, items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}

/** A unit lead writes the unit's comment on its scorecard of a month (audited). */
export async function commentOnScorecard(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, input: { month: string; text: string }): Promise<ScorecardComment> {
  const caller = requireActor(actor);
  const agency = (await listAllAgencies(ctx)).find((row) => row.code === code);
  if (!agency) throw new AppError('operations.agency_not_found', { params: { code } });
  if (agency.parent_id === null) throw new AppError('operations.not_a_unit', { params: { code } });
  if (!canCommentOnScorecard(caller, agency.path)) throw new AppError('auth.forbidden');
  const text = input.text.normalize('NFC').trim();
  if (!text) throw new AppError('http.validation_failed', { fields: [{ field: 'text', message: 'must not be blank' }] });
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('operations_scorecard_comments').values({ agency_id: agency.id, month: input.month, author_id: caller.userId, text }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, audit, { action: 'scorecard.comment', targetType: 'agency', targetId: agency.id, after: { month: input.month, text } });
    return inserted;
  });
  const names = await findUserContacts(ctx, [caller.userId]);
  return { id: row.id, month: row.month, authorName: names.get(caller.userId)?.fullName ?? '', text: row.text, createdAt: row.created_at.toISOString() };
}

/** Officials listed at most per unit: a unit's page names its people; the city's own list would be thousands long. */
const UNIT_OFFICIALS_SHOWN = 200;

/** The officials granted on a unit or under it, whose scorecards the caller (a lead over the unit, or an overseer) may open. */
export async function listUnitOfficials(ctx: AppContext, actor: Actor | null, code: string): Promise<UnitOfficials> {
  const { caller, agencies, agency } = await readableUnit(ctx, actor, code);
  if (!canListUnitOfficials(caller, agency.path)) throw new AppError('auth.forbidden');
  const ids = await listUsersWithRoleUnder(ctx, ['officer', 'unit_lead', 'desk_officer'], agency.path);
  const contacts = await findUserContacts(ctx, ids);
  const shown = ids
    .map((id) => ({ id, fullName: contacts.get(id)?.fullName ?? '' }))
    .sort((left, right) => left.fullName.localeCompare(right.fullName, 'vi'))
    .slice(0, UNIT_OFFICIALS_SHOWN);
  const grants = await Promise.all(shown.map((official) => listUserGrants(ctx, official.id)));
  const items = shown.map((official, index) => {
    const agencyIds = new Set((grants[index] ?? []).filter((grant) => grant.role !== 'citizen').map((grant) => grant.agencyId));
    return { ...official, agencies: agencies.filter((row) => agencyIds.has(row.id)).map(refOf) };
  });
  return { agency: refOf(agency), items, total: ids.length };
}

async function officialData(ctx: AppContext, actor: Actor | null, userId: string, month: string) {
  const caller = requireActor(actor);
  const grants = (await listUserGrants(ctx, userId)).filter((grant) => grant.role !== 'citizen' && grant.agencyId !== null);
  if (grants.length === 0) throw new AppError('operations.official_not_found');
  if (!canSeeOfficialScorecard(caller, userId, grants)) throw new AppError('auth.forbidden');
  const { from, to } = monthDates(month);
  const period = periodOf(ctx, from, to);
  const [steps, resolved, open, actions, contacts, agencies] = await Promise.all([
    dossierQueries.listDossierStepFacts(ctx, { userId, start: period.start, end: period.end }),
    reportQueries.listReportFacts(ctx, { officerId: userId, resolvedFrom: period.start, resolvedTo: period.end }),
    reportQueries.listReportFacts(ctx, { officerId: userId, isOpen: true }),
    dossierQueries.listDossierActionsBy(ctx, { actions: ['request_supplement', 'transfer'], userId, start: period.start, end: period.end }),
    findUserContacts(ctx, [userId]),
    listAllAgencies(ctx),
  ]);
  const items = officialItems({
    userId,
    start: period.start,
    end: period.end,
    asOf: period.asOf,
    steps,
    reports: [...resolved, ...open],
    supplementRequests: actions.filter((action) => action.action === 'request_supplement').map((action) => ({ dossierCode: action.dossierCode, at: action.at })),
    transfers: actions.filter((action) => action.action === 'transfer').map((action) => ({ dossierCode: action.dossierCode, at: action.at })),
  });
  const grantAgencies = agencies.filter((row) => grants.some((grant) => grant.agencyId === row.id));
  return { items, fullName: contacts.get(userId)?.fullName ?? '', agencies: grantAgencies.map(refOf) };
}

/** An official's scorecard of a month. */
export async function getOfficialScorecard(ctx: AppContext, actor: Actor | null, userId: string, month: string): Promise<OfficialScorecard> {
  const data = await officialData(ctx, actor, userId, month);
  return { official: { id: userId, fullName: data.fullName, agencies: data.agencies }, month, figures: officialFigures(data.items), definitions: SCORECARD_DEFINITIONS };
}

/** The steps and reports behind one of an official's figures. */
export async function listOfficialScorecardItems(ctx: AppContext, actor: Actor | null, userId: string, query: { month: string; measure: ScorecardMeasure; limit: number; offset: number }): Promise<ScorecardItems> {
  const data = await officialData(ctx, actor, userId, query.month);
  const items = data.items[query.measure];
  return { measure: query.measure, items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}
