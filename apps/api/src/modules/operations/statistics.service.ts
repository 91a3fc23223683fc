/**
 * The public statistics (no login, no personal data): the headline figures city-wide and for each agency directly
 * under the city (departments, wards and communes, city-level service units), each with its numerator, denominator and
 * definition, as JSON or CSV. Computed from the daily aggregates (the reports and dossiers still open at the period's
 * end judged then, as for Decision 766), so the cost follows agencies × days and the open stock, not the history;
 * then kept for a minute per instance so a busy public page does not recompute them on every view.
 */
import type { HeadlineFigure, PublicStatistics } from '@onecity/contracts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { countIssuedDocumentsByAgency } from '../documents/index.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';
import { addDays } from '../calendar/index.ts';
import { applyNewEvents, dayFormatter, mergeAgencySums, sumDaily } from './aggregates.service.ts';
import { listAllAgencies, localToday, periodOf, refOf, scopeOf } from './operations.scope.ts';
import { DECISION_766_METRIC_PREFIX, scoreFromAggregates } from './workflow/decision-766.ts';
import { FIGURE_DEFINITIONS, HEADLINE_METRIC_PREFIX, headlineFromAggregates } from './workflow/headline-figures.ts';

const CACHE_MS = 60_000;
/** Events a request applies itself before reading, as for Decision 766. */
const CATCH_UP_BATCHES = 2;
const KIND_ORDER = ['department', 'ward', 'commune', 'service_unit', 'unit'];
/** Departments first, then wards and communes, then service units. */
function kindOrder(kind: string): number {
  const rank = KIND_ORDER.indexOf(kind);
  return rank === -1 ? KIND_ORDER.length : rank;
}
const DEFAULT_DAYS = 30;
const cache = new WeakMap<AppContext, Map<string, { at: number; value: Promise<PublicStatistics> }>>();

/** The headline figures for [from, to] (default: the last 30 days up to today). */
export async function getPublicStatistics(ctx: AppContext, query: { from?: string; to?: string }): Promise<PublicStatistics> {
  const to = query.to ?? localToday(ctx);
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const key = `${from}/${to}`;
  let entries = cache.get(ctx);
  if (!entries) {
    entries = new Map();
    cache.set(ctx, entries);
  }
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = computePublicStatistics(ctx, from, to);
  entries.set(key, { at: Date.now(), value });
  value.catch(() => entries.delete(key));
  for (const [other, entry] of entries) if (Date.now() - entry.at >= CACHE_MS) entries.delete(other);
  return value;
}

async function computePublicStatistics(ctx: AppContext, from: string, to: string): Promise<PublicStatistics> {
  const period = periodOf(ctx, from, to);
  await applyNewEvents(ctx, new Date(), CATCH_UP_BATCHES);
  const agencies = await listAllAgencies(ctx);
  const root = agencies.find((row) => row.parent_id === null);
  if (!root) throw new AppError('operations.agency_not_found', { params: { code: '-' } });
  const days = { fromDay: period.from, toDay: period.to, prefixes: [DECISION_766_METRIC_PREFIX, HEADLINE_METRIC_PREFIX] };
  const [sums, openDossiers, openReports, procedures, documents] = await Promise.all([
    sumDaily(ctx, days),
    dossierQueries.listDossierFacts(ctx, { openAt: { toDate: period.to, asOf: period.asOf } }),
    reportQueries.listReportFacts(ctx, { createdFrom: period.start, createdTo: period.end, openAt: period.asOf }),
    dossierQueries.listProcedureFacts(ctx, null, true),
    countIssuedDocumentsByAgency(ctx, { start: period.start, end: period.end }),
  ]);
  const dayOf = dayFormatter(ctx);

  /** The figures of a set of agencies (null: the whole city, reports awaiting triage included). */
  const figuresOf = (agencyIds: ReadonlySet<string> | null, scopeProcedures: typeof procedures) => {
    const inScope = (agencyId: string | null) => agencyIds === null || (agencyId !== null && agencyIds.has(agencyId));
    let issued = 0;
    let signed = 0;
    for (const [agencyId, count] of documents) if (inScope(agencyId)) [issued, signed] = [issued + count.issued, signed + count.signed];
    const parts = {
      period,
      sums: mergeAgencySums(sums, agencyIds),
      dayOf,
      openDossiers: openDossiers.filter((dossier) => inScope(dossier.agencyId)),
      openReports: openReports.filter((report) => inScope(report.unitId)),
      procedures: scopeProcedures,
    };
    const progress = scoreFromAggregates({ ...parts, documents: { all: issued, met: signed, late: 0, disliked: 0, centidays: 0 } }).indicators.find((result) => result.definition.code === '2.1');
    return headlineFromAggregates({ ...parts, documents: { all: issued, met: signed }, progress: { all: progress?.denominator ?? 0, met: progress?.numerator ?? 0 } });
  };

  const tops = agencies.filter((row) => row.parent_id === root.id);
  const wardProcedures = procedures.filter((row) => row.level === 'ward');
  return {
    from,
    to,
    computedAt: new Date().toISOString(),
    definitions: [...FIGURE_DEFINITIONS],
    city: { agency: refOf(root), figures: figuresOf(null, procedures) },
    agencies: tops
      .sort((left, right) => kindOrder(left.kind) - kindOrder(right.kind) || left.name_vi.localeCompare(right.name_vi, 'vi'))
      .map((top) => {
        const subtree = new Set(scopeOf(agencies, top).agencyIds);
        const isWard = top.kind === 'ward' || top.kind === 'commune';
        const own = procedures.filter((row) => row.level === 'department' && row.agencyId !== null && subtree.has(row.agencyId));
        return { agency: refOf(top), figures: figuresOf(subtree, [...own, ...(isWard ? wardProcedures : [])]) };
      }),
  };
}

const csvText = (value: string) => `"${value.replace(/"/g, '""')}"`;
const csvNumber = (value: number | null) => (value === null ? '' : Number.isInteger(value) ? String(value) : value.toFixed(4));

/** The statistics as CSV: one line per agency and figure, with the definition (UTF-8 with BOM, CRLF). */
export function publicStatisticsCsv(statistics: PublicStatistics): string {
  const definitions = new Map(statistics.definitions.map((definition) => [definition.key, definition]));
  const lines = ['from,to,agency_code,agency_name,figure,figure_name,numerator,denominator,value,definition'];
  const rows = (agency: { code: string; nameVi: string }, figures: HeadlineFigure[]) => {
    for (const figure of figures) {
      const definition = definitions.get(figure.key);
      lines.push([statistics.from, statistics.to, agency.code, csvText(agency.nameVi), figure.key, csvText(definition?.nameVi ?? ''), figure.numerator, figure.denominator, csvNumber(figure.value), csvText(definition?.definitionVi ?? '')].join(','));
    }
  };
  rows(statistics.city.agency, statistics.city.figures);
  for (const entry of statistics.agencies) rows(entry.agency, entry.figures);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
