/**
 * Queries on the reports module's tables: report_categories, report_routing_rules, report_code_counters,
 * reports, report_events, report_followers.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, ReportCategoriesTable, ReportsTable } from '../../core/db/schema.ts';
import { OPEN_REPORT_STATUSES } from './workflow/report-workflow.ts';

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

/** The public reports matching the filter in one slice of time: code and creation time, from the map's indexes alone. */
function publicHits(db: Kysely<DB>, filter: PublicFilter, slice: MapSlice) {
  const box = filter.bbox ?? { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 };
  let query = db
    .selectFrom('reports')
    .select(['code', 'created_at'])
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

/**
 * A slice's newest `limit` matches, found in the map's index, joined to their rows (only those are read from the
 * table) by code: codes follow filing time, so the newest reports' entries in the code's index sit together (their
 * random UUIDs would not).
 */
function shownInSlice(db: Kysely<DB>, filter: PublicFilter, slice: MapSlice, limit: number) {
  return db
    .with('shown', () => publicHits(db, filter, slice).orderBy('created_at', 'desc').limit(limit))
    .selectFrom('shown')
    .innerJoin('reports', 'reports.code', 'shown.code')
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
    .where('status', 'in', OPEN_REPORT_STATUSES)
    .where(sql<boolean>`location <@ box(point(${box.minLng}, ${box.minLat}), point(${box.maxLng}, ${box.maxLat}))`)
    .limit(50)
    .execute();
}

/** A staff queue's filter (reports.handling.service listQueue); `unitIds` is a unit's subtree, absent for the whole city. */
export interface QueueFilter {
  unitIds?: string[];
  statuses: readonly string[];
  categoryCode?: string;
  areaCode?: string;
  officerId?: string;
  /** Only reports still open whose deadline is before this instant. */
  overdueBefore?: Date;
}

/** The most reports a queue counts: beyond it the answer says "more than" (a busy unit's history is far larger). */
export const QUEUE_COUNT_CAP = 1_000;

/** Above this many (unit, status) pairs the queue reads each status in deadline order, filtered by unit, instead. */
const QUEUE_LANES_MAX = 64;

/** The queue's statuses: the filter's, and with `overdueBefore` only the open ones among them. */
function queueStatuses(filter: QueueFilter) {
  return filter.overdueBefore ? filter.statuses.filter((status) => OPEN_REPORT_STATUSES.includes(status)) : [...filter.statuses];
}

/** The queue's reports, every condition but unit and status (those the caller sets). */
function queueReports(db: Kysely<DB>, filter: QueueFilter) {
  let query = db.selectFrom('reports as r');
  if (filter.categoryCode) {
    const code = filter.categoryCode;
    query = query.where('r.category_id', 'in', (eb) => eb.selectFrom('report_categories').select('id').where('code', '=', code));
  }
  if (filter.areaCode) query = query.where('r.area_code', '=', filter.areaCode);
  if (filter.officerId) query = query.where('r.officer_id', '=', filter.officerId);
  if (filter.overdueBefore) query = query.where('r.due_at', '<', filter.overdueBefore);
  return query;
}

/** `column in (values)`, false for no values (SQL has no empty list). */
function inList(column: 'r.unit_id' | 'r.status', values: readonly string[]) {
  return values.length > 0 ? sql<boolean>`${sql.ref(column)} in (${sql.join(values)})` : sql<boolean>`false`;
}

const QUEUE_COLUMNS = [
  'r.id', 'r.code', 'r.status', 'r.description', 'r.is_urgent', 'r.area_code', 'r.unit_id', 'r.officer_id', 'r.due_at', 'r.created_at',
  'r.escalation_level', 'r.pending_extension', 'r.answers', 'r.reporter_revealed_at', 'r.reporter_id', 'r.category_id',
] as const;

/**
 * One page of a staff queue, soonest deadline first. The queue is split into lanes, one per (unit, status) of the
 * subtree (or per status when there are many units, or for the whole city), each of which the index on (unit_id,
 * status, due_at) or (status, due_at) already holds in deadline order. Each lane gives its first `offset + limit`
 * rows and PostgreSQL merges them (Merge Append), stopping once the page is full: a page costs about as many rows as
 * it shows, however long the unit's history. (Without the lanes' own limits, PostgreSQL 15 sorts the whole queue: the
 * lanes' equalities are not known to it as constants of a union's members, so it cannot use their index order.)
 */
export function queuePageQuery(db: Kysely<DB>, filter: QueueFilter, page: { limit: number; offset: number }) {
  const statuses = queueStatuses(filter);
  const units = filter.unitIds;
  const perUnit = units !== undefined && units.length * statuses.length <= QUEUE_LANES_MAX;
  const end = page.offset + page.limit;
  const lanes = statuses.flatMap((status) =>
    (perUnit ? units : [null]).map((unitId) => {
      let lane = queueReports(db, filter).select([...QUEUE_COLUMNS]).where('r.status', '=', status);
      if (unitId !== null) lane = lane.where('r.unit_id', '=', unitId);
      else if (units !== undefined) lane = lane.where(inList('r.unit_id', units));
      // Each lane's first rows in deadline order, read from the index (a lane is its own subquery, so its order and
      // limit stay its own); PostgreSQL merges the lanes' ordered rows.
      return db.selectFrom(lane.orderBy('r.due_at').limit(end).as('lane')).selectAll('lane');
    }),
  );
  // No lane (no unit in the subtree, or no status left): a query that matches nothing, with the same columns.
  const [first, ...rest] = lanes.length > 0 ? lanes : [db.selectFrom(queueReports(db, filter).select([...QUEUE_COLUMNS]).where(sql<boolean>`false`).as('lane')).selectAll('lane')];
  const merged = rest.reduce((union, lane) => union.unionAll(lane), first as NonNullable<typeof first>);
  const ordered = db.selectFrom(merged.as('u')).selectAll('u').orderBy('u.due_at').limit(page.limit).offset(page.offset);
  return db
    .selectFrom(ordered.as('q'))
    .innerJoin('report_categories as c', 'c.id', 'q.category_id')
    .selectAll('q')
    .select([
      'c.code as category_code', 'c.name_vi as category_name_vi', 'c.name_en as category_name_en',
      // Photos waiting for staff review (the partial index on pending photos serves it).
      sql<number>`(select count(*)::int from report_photos p where p.report_id = q.id and p.review_status = 'pending')`.as('pending_photos'),
    ])
    .orderBy('q.due_at');
}

/** How many reports the queue holds, counted up to `cap` + 1. */
export function countQueueQuery(db: Kysely<DB>, filter: QueueFilter, cap: number) {
  const statuses = queueStatuses(filter);
  let query = queueReports(db, filter).select(sql<number>`1`.as('one')).where(inList('r.status', statuses));
  if (filter.unitIds) query = query.where(inList('r.unit_id', filter.unitIds));
  return db.selectFrom(query.limit(cap + 1).as('capped')).select((eb) => eb.fn.countAll<number>().as('count'));
}

/**
 * A page of rows with the number of matches: exact from the page itself when the page is not full, else counted up to
 * QUEUE_COUNT_CAP (or the page's end, if further) by `count` (`isTotalCapped` beyond it). The benchmark's raw ceiling
 * runs its statements through this same function.
 */
export async function pageWithTotal<T>(rows: T[], page: { limit: number; offset: number }, count: (cap: number) => Promise<number>) {
  if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) return { rows, total: page.offset + rows.length, isTotalCapped: false };
  const cap = Math.max(QUEUE_COUNT_CAP, page.offset + page.limit);
  const counted = await count(cap);
  return { rows, total: Math.min(counted, cap), isTotalCapped: counted > cap };
}

/** A staff queue's page, soonest deadline first, and how many reports the queue holds. */
export async function listQueue(db: Kysely<DB>, filter: QueueFilter, page: { limit: number; offset: number }) {
  const rows = await queuePageQuery(db, filter, page).execute();
  return pageWithTotal(rows, page, async (cap) => Number((await countQueueQuery(db, filter, cap).executeTakeFirstOrThrow()).count));
}
