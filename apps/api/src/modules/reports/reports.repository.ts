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

/**
 * The public map's query, newest first, with the number of matches: the matches' ids and times come from the
 * reports_public_map_idx index alone (`hits`, read once), the newest `limit` of them are sorted there, and only those
 * rows are read from the table. The benchmark's raw ceiling compiles this same builder (bench/lib/queries.ts).
 */
export function publicReportsQuery(db: Kysely<DB>, filter: PublicFilter) {
  return db
    .with('hits', (qb) => {
      let query = qb.selectFrom('reports').select(['id', 'created_at']).where('is_public', '=', true).where('status', 'in', filter.statuses?.length ? filter.statuses : PUBLIC_STATUSES);
      if (filter.bbox) {
        const { minLng, minLat, maxLng, maxLat } = filter.bbox;
        query = query.where(sql<boolean>`location <@ box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`);
      }
      if (filter.categoryIds?.length) query = query.where('category_id', 'in', filter.categoryIds);
      if (filter.areaCode) query = query.where('area_code', '=', filter.areaCode);
      if (filter.since) query = query.where('created_at', '>=', filter.since);
      return query;
    })
    .with('shown', (qb) => qb.selectFrom('hits').select(['id', 'created_at']).orderBy('created_at', 'desc').limit(filter.limit))
    .selectFrom('shown')
    .innerJoin('reports', 'reports.id', 'shown.id')
    .selectAll('reports')
    .select(sql<number>`(select count(*)::int from hits)`.as('total'))
    .orderBy('shown.created_at', 'desc');
}

/** Public reports in a viewport, newest first, and how many match in all. */
export async function listPublicReports(db: Kysely<DB>, filter: PublicFilter): Promise<{ rows: ReportRow[]; total: number }> {
  const found = await publicReportsQuery(db, filter).execute();
  return { rows: found.map(({ total: _total, ...row }) => row), total: found[0]?.total ?? 0 };
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
