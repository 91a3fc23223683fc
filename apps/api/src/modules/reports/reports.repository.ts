/**
 * Queries on the reports module's tables: report_categories, report_routing_rules, report_code_counters,
 * reports, report_events, report_followers.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, ReportCategoriesTable, ReportsTable } from '../../core/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type CategoryRow = Selectable<ReportCategoriesTable>;
export type ReportRow = Selectable<ReportsTable>;

/** Lists categories by group and name. */
export function listCategories(db: Executor, options: { includeInactive: boolean }): Promise<CategoryRow[]> {
  let query = db.selectFrom('report_categories').selectAll();
  if (!options.includeInactive) query = query.where('is_active', '=', true);
  return query.orderBy('group_vi').orderBy('name_vi').execute();
}

/** Finds a category by code. */
export function findCategoryByCode(db: Executor, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('report_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The most specific routing rule for a category in an area: (category, area), then (category, any area). */
export function findRoutingRule(db: Executor, categoryId: string, areaCode: string) {
  return db
    .selectFrom('report_routing_rules')
    .select(['rule_no', 'unit_id', 'area_code', 'category_id'])
    .where('category_id', '=', categoryId)
    .where((eb) => eb.or([eb('area_code', '=', areaCode), eb('area_code', 'is', null)]))
    .orderBy(sql`area_code is null`)
    .limit(1)
    .executeTakeFirst();
}

/** Takes the next number of the day's report sequence (the row lock makes it unique under concurrency). */
export async function nextReportSequence(trx: Transaction<DB>, localDate: string): Promise<number> {
  const row = await trx
    .insertInto('report_code_counters')
    .values({ day: localDate, last_value: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last_value: sql`report_code_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export interface PublicFilter {
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  categoryIds?: string[];
  statuses?: string[];
  areaCode?: string;
  since?: Date;
  limit: number;
}

const PUBLIC_STATUSES = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed'];

/** The most matches the map counts: beyond it the answer says "more than" (counting every match would cost as much as the history). */
export const MAP_COUNT_CAP = 1_000;

/**
 * The map's slices of time, newest first, in days before now: the last 2 days, then 2–8, 8–32, 32–128, 128–512 and
 * everything older. A viewport stops at the first slices that hold enough reports, so a busy city's request reads the
 * last days and a quiet one's reads further back; each slice costs about as many index entries as it holds reports.
 */
export const MAP_SLICE_DAYS = [2, 8, 32, 128, 512];

/** A slice of creation times: `since` ≤ created_at < `until`; null is unbounded. */
export interface MapSlice {
  since: Date | null;
  until: Date | null;
}

/** The slices for a request at `now`, clipped to the filter's own `since` (slices wholly before it are dropped). */
export function mapSlices(now: Date, since?: Date): MapSlice[] {
  const bounds = MAP_SLICE_DAYS.map((days) => new Date(now.getTime() - days * 86_400_000));
  const slices: MapSlice[] = [...bounds, null].map((start, index) => ({ since: start, until: index === 0 ? null : (bounds[index - 1] ?? null) }));
  if (!since) return slices;
  return slices
    .filter((slice) => slice.until === null || slice.until.getTime() > since.getTime())
    .map((slice) => ({ ...slice, since: slice.since === null || slice.since.getTime() < since.getTime() ? since : slice.since }));
}

/**
 * Asks the slices in turn for their newest rows until `wanted` are found. The slices are disjoint and newest first,
 * so the rows come out newest first and are exactly the newest `wanted` of all the slices together.
 */
export async function newestBySlices<T>(slices: MapSlice[], wanted: number, fetch: (slice: MapSlice, limit: number) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (const slice of slices) {
    if (found.length >= wanted) break;
    found.push(...(await fetch(slice, wanted - found.length)));
  }
  return found;
}

/** The public reports matching the filter in one slice of time: id and creation time, from the map's indexes alone. */
function publicHits(db: Kysely<DB>, filter: PublicFilter, slice: MapSlice) {
  const box = filter.bbox ?? { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 };
  let query = db
    .selectFrom('reports')
    .select(['id', 'created_at'])
    .where('is_public', '=', true)
    .where('status', 'in', filter.statuses?.length ? filter.statuses : PUBLIC_STATUSES)
    .where(
      sql<boolean>`report_map_key(location, created_at) <@ report_map_box(${box.minLng}::float8, ${box.minLat}::float8, ${box.maxLng}::float8, ${box.maxLat}::float8, ${slice.since}::timestamptz, ${slice.until}::timestamptz)`,
    );
  // The box's time bounds are inclusive and in days as floats; these exact bounds put a report on a boundary in one slice.
  if (slice.since) query = query.where('created_at', '>=', slice.since);
  if (slice.until) query = query.where('created_at', '<', slice.until);
  if (filter.categoryIds?.length) query = query.where('category_id', 'in', filter.categoryIds);
  if (filter.areaCode) query = query.where('area_code', '=', filter.areaCode);
  return query;
}

/** A slice's newest `limit` matches, found in the map's index, joined to their rows (only those are read from the table). */
function shownInSlice(db: Kysely<DB>, filter: PublicFilter, slice: MapSlice, limit: number) {
  return db
    .with('shown', () => publicHits(db, filter, slice).orderBy('created_at', 'desc').limit(limit))
    .selectFrom('shown')
    .innerJoin('reports', 'reports.id', 'shown.id')
    .orderBy('shown.created_at', 'desc');
}

/** One slice of the list's query (`GET /api/v1/reports`): whole rows. */
export function publicReportsSliceQuery(db: Kysely<DB>, filter: PublicFilter, slice: MapSlice, limit: number) {
  return shownInSlice(db, filter, slice, limit).selectAll('reports');
}

/** The longest description the map's answer carries (the full text is on the report's page). */
export const MAP_EXCERPT_LENGTH = 140;

/**
 * One slice of the map's query (`GET /api/v1/reports/map`): the same matches, with only what a marker and a card
 * show. The benchmark's raw ceiling compiles this same builder.
 */
export function publicMapSliceQuery(db: Kysely<DB>, filter: PublicFilter, slice: MapSlice, limit: number) {
  return shownInSlice(db, filter, slice, limit).select([
      'reports.code',
      'reports.category_id',
      'reports.status',
      'reports.due_at',
      'reports.location',
      'reports.area_code',
      'reports.created_at',
      sql<string>`left(reports.description, ${MAP_EXCERPT_LENGTH + 1})`.as('description'),
    ]);
}

/** How many public reports match the filter, counted up to MAP_COUNT_CAP + 1 (from the index alone). */
export function countPublicReportsQuery(db: Kysely<DB>, filter: PublicFilter) {
  const capped = publicHits(db, filter, { since: filter.since ?? null, until: null })
    .clearSelect()
    .select(sql<number>`1`.as('one'))
    .limit(MAP_COUNT_CAP + 1);
  return db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('count'));
}

export type MapRow = Awaited<ReturnType<ReturnType<typeof publicMapSliceQuery>['execute']>>[number];

/**
 * The newest `limit` public reports of the filter, the slices asked in turn (`fetch` runs one slice's statement), with
 * the number of matches: exact when the rows are all of them, else counted up to MAP_COUNT_CAP by `count`
 * (`isTotalCapped` beyond it). The benchmark's raw ceiling runs its statements through this same function.
 */
export async function newestPublic<T>(filter: PublicFilter, now: Date, fetch: (slice: MapSlice, limit: number) => Promise<T[]>, count: () => Promise<number>) {
  const found = await newestBySlices(mapSlices(now, filter.since), filter.limit + 1, fetch);
  if (found.length <= filter.limit) return { rows: found, total: found.length, isTotalCapped: false };
  // More than the limit match: when the limit reaches the cap, so does the count, and it is not run.
  if (filter.limit >= MAP_COUNT_CAP) return { rows: found.slice(0, filter.limit), total: MAP_COUNT_CAP, isTotalCapped: true };
  const counted = await count();
  return { rows: found.slice(0, filter.limit), total: Math.min(counted, MAP_COUNT_CAP), isTotalCapped: counted > MAP_COUNT_CAP };
}

const countPublicReports = async (db: Kysely<DB>, filter: PublicFilter) => Number((await countPublicReportsQuery(db, filter).executeTakeFirstOrThrow()).count);

/** Public reports (whole rows) in a viewport, newest first, and how many match. */
export function listPublicReports(db: Kysely<DB>, filter: PublicFilter, now: Date): Promise<{ rows: ReportRow[]; total: number; isTotalCapped: boolean }> {
  return newestPublic(filter, now, (slice, limit) => publicReportsSliceQuery(db, filter, slice, limit).execute(), () => countPublicReports(db, filter));
}

/** Public reports (what the map shows of each) in a viewport, newest first, and how many match. */
export function listPublicMapReports(db: Kysely<DB>, filter: PublicFilter, now: Date): Promise<{ rows: MapRow[]; total: number; isTotalCapped: boolean }> {
  return newestPublic(filter, now, (slice, limit) => publicMapSliceQuery(db, filter, slice, limit).execute(), () => countPublicReports(db, filter));
}

/** Open reports of a category inside a box (the caller filters by exact distance). */
export function listOpenReportsInBox(db: Executor, categoryId: string, box: { minLng: number; minLat: number; maxLng: number; maxLat: number }) {
  return db
    .selectFrom('reports')
    .select(['code', 'description', 'status', 'location', 'created_at', 'is_public'])
    .where('category_id', '=', categoryId)
    .where('status', 'in', ['submitted', 'assigned', 'in_progress'])
    .where(sql<boolean>`location <@ box(point(${box.minLng}, ${box.minLat}), point(${box.maxLng}, ${box.maxLat}))`)
    .limit(50)
    .execute();
}
