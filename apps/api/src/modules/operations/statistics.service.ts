/**
 * The public statistics (no login, no personal data): the headline figures city-wide and for each agency directly
 * under the city (departments, wards and communes, city-level service units), each with its numerator, denominator and
 * definition, as JSON or CSV. Computed live from the modules' facts, then kept for a minute per instance so a busy
 * public page does not recompute them on every view.
 */
import type { HeadlineFigure, PublicStatistics } from '@onecity/contracts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { listIssuedDocumentFacts } from '../documents/index.ts';
import { dossierQueries } from '../procedures/index.ts';
import { addDays } from '../calendar/index.ts';
import { readDossiers, readReports } from './operations.sources.ts';
import { listAllAgencies, localToday, periodOf, refOf, scopeOf } from './operations.scope.ts';
import { computeHeadlineFigures, FIGURE_DEFINITIONS } from './workflow/headline-figures.ts';

const CACHE_MS = 60_000;
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
  const agencies = await listAllAgencies(ctx);
  const root = agencies.find((row) => row.parent_id === null);
  if (!root) throw new AppError('operations.agency_not_found', { params: { code: '-' } });
  const city = scopeOf(agencies, root);
  const [dossiers, procedures, reports, documents] = await Promise.all([
    readDossiers(ctx, city, period),
    dossierQueries.listProcedureFacts(ctx, null, true),
    readReports(ctx, city, period),
    listIssuedDocumentFacts(ctx, { start: period.start, end: period.end }),
  ]);

  // Each row belongs to the agency directly under the city on its path.
  const tops = agencies.filter((row) => row.parent_id === root.id);
  const topOf = new Map<string, string>();
  for (const top of tops) for (const id of scopeOf(agencies, top).agencyIds) topOf.set(id, top.id);
  const wardTops = new Set(tops.filter((row) => row.kind === 'ward' || row.kind === 'commune').map((row) => row.id));
  const by = <T>(rows: T[], agencyOf: (row: T) => string | null) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const id = agencyOf(row);
      const top = id ? topOf.get(id) : undefined;
      if (!top) continue;
      const list = groups.get(top) ?? [];
      list.push(row);
      groups.set(top, list);
    }
    return groups;
  };
  const dossiersByTop = by(dossiers, (row) => row.agencyId);
  const reportsByTop = by(reports, (row) => row.unitId);
  const documentsByTop = by(documents, (row) => row.agencyId);
  const departmentProcedures = by(procedures.filter((row) => row.level === 'department'), (row) => row.agencyId);
  const wardProcedures = procedures.filter((row) => row.level === 'ward');

  return {
    from,
    to,
    computedAt: new Date().toISOString(),
    definitions: [...FIGURE_DEFINITIONS],
    city: { agency: refOf(root), figures: computeHeadlineFigures({ period, procedures, dossiers, reports, documents }) },
    agencies: tops
      .sort((left, right) => kindOrder(left.kind) - kindOrder(right.kind) || left.name_vi.localeCompare(right.name_vi, 'vi'))
      .map((top) => ({
        agency: refOf(top),
        figures: computeHeadlineFigures({
          period,
          procedures: [...(departmentProcedures.get(top.id) ?? []), ...(wardTops.has(top.id) ? wardProcedures : [])],
          dossiers: dossiersByTop.get(top.id) ?? [],
          reports: reportsByTop.get(top.id) ?? [],
          documents: documentsByTop.get(top.id) ?? [],
        }),
      })),
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
