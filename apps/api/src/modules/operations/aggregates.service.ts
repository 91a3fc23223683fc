/**
 * Daily aggregates (agency × local day × metric) kept up to date from the reports' and dossiers' timelines by the job
 * `operations.aggregate` (every minute), and rebuilt from scratch by `npm run operations:rebuild`.
 *
 * Each run reads the events after the timeline's cursor, re-reads the current facts of the items they touch, and
 * applies for each item the difference between what it adds now and what it added before (workflow/daily-aggregates.ts),
 * in one transaction that also moves the cursor. Applying an item twice changes nothing, so re-reading is always safe.
 *
 * Cursor and concurrency: event ids come from a sequence, so a transaction can commit after a later one and its event
 * appear below the cursor. The cursor therefore only moves over ids that are all present; a missing id (a transaction
 * still open, or one rolled back) holds it until the event after the gap is GAP_GRACE_MS old, then the gap is taken
 * as a rollback. Events past a held gap are applied anyway and simply applied again later. The cursor row is locked
 * for the run, so instances running the job together serialise, and a run that finds the cursor moved by another
 * instance writes nothing.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';
import { listAllAgencies } from './operations.scope.ts';
import { advanceCursor, contributionDelta, dossierContributions, reportContributions, sumContributions, type Contribution } from './workflow/daily-aggregates.ts';
import { dossierDayTallies, reportDayTallies, type DayTally } from './workflow/decision-766.ts';
import { dossierHeadlineTallies, reportHeadlineTallies } from './workflow/headline-figures.ts';

export const AGGREGATE_OPERATIONS = 'operations.aggregate';
const BATCH = 500;
const PAGE = 1000;
const INSERT_CHUNK = 500;
/** Daily rows a rebuild sums in memory before it writes them. */
const REBUILD_FLUSH_ROWS = 200_000;
/** How long a missing event id may hold the cursor before it is taken as a rolled-back transaction. */
const GAP_GRACE_MS = 60_000;

type Source = 'report' | 'dossier';
interface SourceEvent {
  id: number;
  at: Date;
  code: string;
}

/** The city's local day (YYYY-MM-DD) of an instant. */
export function dayFormatter(ctx: AppContext): (instant: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.config.officeHours.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (instant) => format.format(instant);
}

async function rootAgencyId(ctx: AppContext): Promise<string> {
  const root = (await listAllAgencies(ctx)).find((row) => row.parent_id === null);
  if (!root) throw new Error('operations: the agency tree has no root');
  return root.id;
}

async function readEvents(ctx: AppContext, source: Source, afterId: number): Promise<SourceEvent[]> {
  if (source === 'report') return (await reportQueries.listReportEventsAfter(ctx, afterId, BATCH)).map((event) => ({ id: event.id, at: event.at, code: event.reportCode }));
  return (await dossierQueries.listDossierEventsAfter(ctx, afterId, BATCH)).map((event) => ({ id: event.id, at: event.at, code: event.dossierCode }));
}

const ofAgency = (agency: string, tallies: DayTally[]): Contribution[] => tallies.map(([day, metric, value]) => [agency, day, metric, value]);

/** What each of the items adds now, by code (an item no longer found adds nothing): counters, Decision 766 and headline tallies. */
async function readContributions(ctx: AppContext, source: Source, filter: { codes?: string[]; afterCode?: string; limit?: number }, rootId: string): Promise<{ code: string; contributions: Contribution[] }[]> {
  const dayOf = dayFormatter(ctx);
  if (source === 'report') {
    const facts = await reportQueries.listReportFacts(ctx, { ...filter, withTransfers: true });
    return facts.map((row) => ({ code: row.code, contributions: [...reportContributions(row, rootId, dayOf), ...ofAgency(row.unitId ?? rootId, [...reportDayTallies(row, dayOf), ...reportHeadlineTallies(row, dayOf)])] }));
  }
  const facts = await dossierQueries.listDossierFacts(ctx, filter);
  return facts.map((row) => ({ code: row.code, contributions: [...dossierContributions(row, dayOf), ...ofAgency(row.agencyId, [...dossierDayTallies(row, dayOf), ...dossierHeadlineTallies(row, dayOf)])] }));
}

async function addToDaily(trx: Transaction<DB>, deltas: Contribution[]): Promise<void> {
  const merged = [...sumContributions(deltas).values()];
  for (let index = 0; index < merged.length; index += INSERT_CHUNK) {
    const chunk = merged.slice(index, index + INSERT_CHUNK);
    await trx
      .insertInto('operations_daily')
      .values(chunk.map(([agency_id, day, metric, value]) => ({ agency_id, day, metric, value })))
      .onConflict((conflict) => conflict.columns(['agency_id', 'day', 'metric']).doUpdateSet({ value: sql<number>`operations_daily.value + excluded.value` }))
      .execute();
  }
  const days = [...new Set(merged.map(([, day]) => day))];
  if (days.length > 0) await trx.deleteFrom('operations_daily').where('value', '=', 0).where('day', 'in', days).execute();
  // The city's rows: the same differences summed over the agencies.
  const city = new Map<string, [string, string, number]>();
  for (const [, day, metric, value] of merged) {
    const key = `${day}|${metric}`;
    const existing = city.get(key);
    if (existing) existing[2] += value;
    else city.set(key, [day, metric, value]);
  }
  const cityRows = [...city.values()].filter(([, , value]) => value !== 0);
  for (let index = 0; index < cityRows.length; index += INSERT_CHUNK) {
    await trx
      .insertInto('operations_daily_city')
      .values(cityRows.slice(index, index + INSERT_CHUNK).map(([day, metric, value]) => ({ day, metric, value })))
      .onConflict((conflict) => conflict.columns(['day', 'metric']).doUpdateSet({ value: sql<number>`operations_daily_city.value + excluded.value` }))
      .execute();
  }
  if (days.length > 0) await trx.deleteFrom('operations_daily_city').where('value', '=', 0).where('day', 'in', days).execute();
}

async function storeContributions(trx: Transaction<DB>, source: Source, items: { code: string; contributions: Contribution[] }[]): Promise<void> {
  for (let index = 0; index < items.length; index += INSERT_CHUNK) {
    const chunk = items.slice(index, index + INSERT_CHUNK);
    await trx
      .insertInto('operations_item_contributions')
      .values(chunk.map((item) => ({ source, code: item.code, contributions: JSON.stringify(item.contributions), updated_at: new Date() })))
      .onConflict((conflict) => conflict.columns(['source', 'code']).doUpdateSet({ contributions: sql`excluded.contributions`, updated_at: sql`excluded.updated_at` }))
      .execute();
  }
}

/** Applies one batch of one timeline; returns how many events it read (0: caught up, or another instance moved first). */
async function applyBatch(ctx: AppContext, source: Source, rootId: string, now: Date): Promise<number> {
  const cursorRow = await ctx.db.selectFrom('operations_cursors').select(['last_event_id', 'rebuild_after_code']).where('source', '=', source).executeTakeFirstOrThrow();
  // A rebuild is recomputing everything: it brings the aggregates up to its cursors, the job resumes after it.
  if (cursorRow.rebuild_after_code !== null) return 0;
  const cursor = Number(cursorRow.last_event_id);
  const events = await readEvents(ctx, source, cursor);
  if (events.length === 0) return 0;
  const codes = [...new Set(events.map((event) => event.code))];
  const current = new Map((await readContributions(ctx, source, { codes }, rootId)).map((item) => [item.code, item.contributions]));
  const next = advanceCursor(cursor, events, now, GAP_GRACE_MS);
  let isApplied = false;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('operations_cursors').select(['last_event_id', 'rebuild_after_code']).where('source', '=', source).forUpdate().executeTakeFirstOrThrow();
    if (Number(locked.last_event_id) !== cursor || locked.rebuild_after_code !== null) return;
    const previous = new Map(
      (await trx.selectFrom('operations_item_contributions').select(['code', 'contributions']).where('source', '=', source).where('code', 'in', codes).execute()).map((row) => [row.code, row.contributions]),
    );
    const deltas: Contribution[] = [];
    const items = codes.map((code) => ({ code, contributions: current.get(code) ?? [] }));
    for (const item of items) deltas.push(...contributionDelta(previous.get(item.code) ?? [], item.contributions));
    await addToDaily(trx, deltas);
    await storeContributions(trx, source, items);
    await trx.updateTable('operations_cursors').set({ last_event_id: next, updated_at: now }).where('source', '=', source).execute();
    isApplied = true;
  });
  // A batch that could not move the cursor (a fresh gap at its start) stops the run; the next run retries.
  return isApplied && next > cursor ? events.length : 0;
}

/** Brings the daily aggregates up to date with both timelines (at most `maxBatches` batches of each); returns how many events were read. */
export async function applyNewEvents(ctx: AppContext, now = new Date(), maxBatches = Number.POSITIVE_INFINITY): Promise<{ reports: number; dossiers: number }> {
  const rootId = await rootAgencyId(ctx);
  const totals = { reports: 0, dossiers: 0 };
  for (const source of ['report', 'dossier'] as const) {
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const read = await applyBatch(ctx, source, rootId, now);
      totals[source === 'report' ? 'reports' : 'dossiers'] += read;
      if (read < BATCH) break;
    }
  }
  return totals;
}

/** How a rebuild pages: items per page (each page its own transaction) and daily rows held in memory before they are written. */
export interface RebuildOptions {
  pageSize?: number;
  flushRows?: number;
  /** Called after each page is committed, with the timeline and how many of its items are done. */
  onPage?: (source: Source, done: number) => void | Promise<void>;
}

/** The rebuild's marker on both timelines, checked under the cursor rows' lock: null when the rebuild was taken over or ended. */
async function lockRebuild(trx: Transaction<DB>): Promise<Map<string, string | null>> {
  const rows = await trx.selectFrom('operations_cursors').select(['source', 'rebuild_after_code']).forUpdate().execute();
  return new Map(rows.map((row) => [row.source, row.rebuild_after_code]));
}

/**
 * Recomputes every aggregate from every report and dossier, page by page (items in code order), each page in its own
 * transaction, so a city of any size is rebuilt without one transaction over all of it:
 * - start: the cursors move to the last events older than the grace period, the aggregates are emptied and both
 *   cursor rows are marked as rebuilding; the minute job (and a figure request's catch-up) applies nothing meanwhile;
 * - each page stores its items' contributions and records its last code on the marker; the daily sums are kept in
 *   memory and written when they reach `flushRows` rows (pages follow codes, which follow days, so a day's rows are
 *   complete soon after it is passed);
 * - end: the remaining sums are written and the marker cleared; the job then applies the events after the cursors, which
 *   changes nothing for the items already recomputed from their newer facts.
 * A rebuild that stops half-way leaves the marker set (the figures stay partial and the job idle) until the next rebuild
 * starts again from the beginning. Two rebuilds at once: the later one's start takes over, the earlier one stops with
 * an error at its next page.
 */
export async function rebuildAggregates(ctx: AppContext, now = new Date(), options: RebuildOptions = {}): Promise<{ reports: number; dossiers: number; rows: number }> {
  const pageSize = options.pageSize ?? PAGE;
  const flushRows = options.flushRows ?? REBUILD_FLUSH_ROWS;
  const rootId = await rootAgencyId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    // Inside the transaction everything is read through it: the embedded database has a single connection.
    const inTransaction: AppContext = { ...ctx, db: trx };
    await lockRebuild(trx);
    const before = new Date(now.getTime() - GAP_GRACE_MS);
    const cursors = { report: await reportQueries.findLatestReportEventId(inTransaction, before), dossier: await dossierQueries.findLatestDossierEventId(inTransaction, before) };
    await trx.deleteFrom('operations_daily').execute();
    await trx.deleteFrom('operations_daily_city').execute();
    await trx.deleteFrom('operations_item_contributions').execute();
    for (const source of ['report', 'dossier'] as const) {
      await trx.updateTable('operations_cursors').set({ last_event_id: cursors[source], rebuild_after_code: '', updated_at: now }).where('source', '=', source).execute();
    }
  });
  const counts = { reports: 0, dossiers: 0 };
  const totals = new Map<string, Contribution>();
  const flush = async (trx: Transaction<DB>) => {
    await addToDaily(trx, [...totals.values()].filter((row) => row[3] !== 0));
    totals.clear();
  };
  // The last code this rebuild recorded on each timeline: any other value under the lock means another rebuild took over.
  const recorded = { report: '', dossier: '' };
  for (const source of ['report', 'dossier'] as const) {
    for (;;) {
      const afterCode = recorded[source];
      const page = await readContributions(ctx, source, { afterCode, limit: pageSize }, rootId);
      if (page.length === 0) break;
      for (const item of page) for (const contribution of item.contributions) {
        const key = `${contribution[0]}|${contribution[1]}|${contribution[2]}`;
        const existing = totals.get(key);
        if (existing) existing[3] += contribution[3];
        else totals.set(key, [...contribution]);
      }
      const lastCode = page.at(-1)?.code ?? afterCode;
      await ctx.db.transaction().execute(async (trx) => {
        if ((await lockRebuild(trx)).get(source) !== afterCode) throw new Error('operations: another rebuild of the aggregates started meanwhile');
        await storeContributions(trx, source, page);
        if (totals.size >= flushRows) await flush(trx);
        await trx.updateTable('operations_cursors').set({ rebuild_after_code: lastCode }).where('source', '=', source).execute();
      });
      counts[source === 'report' ? 'reports' : 'dossiers'] += page.length;
      await options.onPage?.(source, counts[source === 'report' ? 'reports' : 'dossiers']);
      recorded[source] = lastCode;
      if (page.length < pageSize) break;
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const markers = await lockRebuild(trx);
    if (markers.get('report') !== recorded.report || markers.get('dossier') !== recorded.dossier) throw new Error('operations: another rebuild of the aggregates started meanwhile');
    await flush(trx);
    await trx.updateTable('operations_cursors').set({ rebuild_after_code: null, updated_at: now }).execute();
  });
  // Fresh statistics for the planner: the tables were just emptied and refilled.
  await sql`analyze operations_daily, operations_daily_city, operations_item_contributions`.execute(ctx.db);
  const daily = await ctx.db.selectFrom('operations_daily').select((eb) => eb.fn.countAll<number>().as('rows')).executeTakeFirstOrThrow();
  return { ...counts, rows: Number(daily.rows) };
}

/** A LIKE pattern for the values starting with `prefix`. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/** Sums of the daily aggregates per agency and metric over [fromDay, toDay] for the given agencies (all when omitted). */
export async function sumDaily(ctx: AppContext, filter: { agencyIds?: string[]; fromDay: string; toDay: string; metrics?: readonly string[]; prefixes?: readonly string[] }): Promise<Map<string, Map<string, number>>> {
  if (filter.agencyIds?.length === 0) return new Map();
  let query = ctx.db
    .selectFrom('operations_daily')
    .select(['agency_id', 'metric', sql<number>`sum(value)::bigint`.as('total')])
    .where('day', '>=', filter.fromDay)
    .where('day', '<=', filter.toDay)
    .groupBy(['agency_id', 'metric']);
  if (filter.agencyIds) query = query.where('agency_id', 'in', filter.agencyIds);
  if (filter.metrics) query = query.where('metric', 'in', [...filter.metrics]);
  if (filter.prefixes) query = query.where((eb) => eb.or((filter.prefixes ?? []).map((prefix) => eb('metric', 'like', likePrefix(prefix)))));
  const sums = new Map<string, Map<string, number>>();
  for (const row of await query.execute()) {
    const metrics = sums.get(row.agency_id) ?? new Map<string, number>();
    metrics.set(row.metric, Number(row.total));
    sums.set(row.agency_id, metrics);
  }
  return sums;
}

/** Sums of the daily aggregates over [fromDay, toDay] for the agencies (all when omitted: the city's rows), by metric, for metrics starting with `prefix`. */
export async function sumDailyByMetric(ctx: AppContext, filter: { agencyIds?: string[]; fromDay: string; toDay: string; prefix: string }): Promise<Map<string, number>> {
  if (filter.agencyIds?.length === 0) return new Map();
  if (!filter.agencyIds) {
    // Every agency: the city's own rows, one per day and metric.
    const rows = await ctx.db
      .selectFrom('operations_daily_city')
      .select(['metric', sql<number>`sum(value)::bigint`.as('total')])
      .where('day', '>=', filter.fromDay)
      .where('day', '<=', filter.toDay)
      .where('metric', 'like', likePrefix(filter.prefix))
      .groupBy('metric')
      .execute();
    return new Map(rows.map((row) => [row.metric, Number(row.total)]));
  }
  let query = ctx.db
    .selectFrom('operations_daily')
    .select(['metric', sql<number>`sum(value)::bigint`.as('total')])
    .where('day', '>=', filter.fromDay)
    .where('day', '<=', filter.toDay)
    .where('metric', 'like', likePrefix(filter.prefix))
    .groupBy('metric');
  if (filter.agencyIds) query = query.where('agency_id', 'in', filter.agencyIds);
  return new Map((await query.execute()).map((row) => [row.metric, Number(row.total)]));
}

/** Adds up per-agency sums over the agencies (all when null), by metric. */
export function mergeAgencySums(sums: ReadonlyMap<string, ReadonlyMap<string, number>>, agencyIds: ReadonlySet<string> | null): Map<string, number> {
  const merged = new Map<string, number>();
  for (const [agency, metrics] of sums) {
    if (agencyIds && !agencyIds.has(agency)) continue;
    for (const [metric, value] of metrics) merged.set(metric, (merged.get(metric) ?? 0) + value);
  }
  return merged;
}
