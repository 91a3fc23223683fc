/**
 * The SQL each read workload makes the API run, built with the same Kysely calls as the services and repositories
 * (cited per query) and compiled by the same Kysely version and dialect, so the raw ceiling server executes exactly
 * the statements the API executes, with the same parameters. `npm run bench` also checks this against PostgreSQL's
 * own statement log (see run.ts, "SQL check").
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery } from 'kysely';
import type { DB } from '../../apps/api/src/core/db/schema.ts';

const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

const statement = (query: CompiledQuery): Statement => ({ sql: query.sql, parameters: query.parameters });

const PUBLIC_STATUSES = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed'];

/** W1 (and the IOC page's counters): reports.service listPublicReports → repository.listCategories + repository.listPublicReports. */
export function publicReportsQueries(filter: { bbox?: [number, number, number, number]; statuses?: string[]; categoryIds?: string[]; limit: number }): Statement[] {
  const categories = compiler.selectFrom('report_categories').selectAll().orderBy('group_vi').orderBy('name_vi').compile();
  let query = compiler.selectFrom('reports').where('is_public', '=', true).where('status', 'in', filter.statuses?.length ? filter.statuses : PUBLIC_STATUSES);
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox;
    query = query.where(sql<boolean>`location <@ box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`);
  }
  if (filter.categoryIds?.length) query = query.where('category_id', 'in', filter.categoryIds);
  return [
    statement(categories),
    statement(query.selectAll().orderBy('created_at', 'desc').limit(filter.limit).compile()),
    statement(query.select(sql<number>`count(*)::int`.as('count')).compile()),
  ];
}

/** W3: dossiers.service lookupDossier. */
export function dossierLookupQueries(code: string): Statement[] {
  return [statement(compiler.selectFrom('dossiers').selectAll().where('code', '=', code).compile())];
}

/** W4: reports.service getPublicReport (the last three run in parallel, with the report's id from the first). */
export function reportPageQueries(code: string): { first: Statement; then: (report: { id: string; category_id: string }) => Statement[] } {
  return {
    first: statement(compiler.selectFrom('reports').selectAll().where('code', '=', code).compile()),
    then: (report) => [
      statement(compiler.selectFrom('report_categories').selectAll().where('id', '=', report.category_id).compile()),
      statement(compiler.selectFrom('report_events').selectAll().where('report_id', '=', report.id).where('is_public', '=', true).orderBy('at').orderBy('id').compile()),
      statement(compiler.selectFrom('report_photos').select(['id', 'kind', 'width', 'height', 'created_at']).where('report_id', '=', report.id).orderBy('created_at').compile()),
    ],
  };
}

/** W5 (and the IOC overdue counter): reports.handling.service listQueue, count then page. */
export function queueQueries(filter: { unitIds?: string[]; overdueOnly?: boolean; now: Date; limit: number; offset: number }): Statement[] {
  let query = compiler.selectFrom('reports as r').innerJoin('report_categories as c', 'c.id', 'r.category_id');
  if (filter.unitIds) query = query.where('r.unit_id', 'in', filter.unitIds);
  query = query.where('r.status', 'in', ['submitted', 'assigned', 'in_progress', 'resolved']);
  if (filter.overdueOnly) query = query.where('r.due_at', '<', filter.now).where('r.status', 'in', ['submitted', 'assigned', 'in_progress']);
  return [
    statement(query.select((eb) => eb.fn.countAll<number>().as('count')).compile()),
    statement(
      query
        .select([
          'r.code', 'r.status', 'r.description', 'r.is_urgent', 'r.area_code', 'r.unit_id', 'r.officer_id', 'r.due_at', 'r.created_at', 'r.escalation_level',
          'r.pending_extension', 'r.answers', 'r.reporter_revealed_at', 'r.reporter_id', 'c.code as category_code', 'c.name_vi as category_name_vi', 'c.name_en as category_name_en',
        ])
        .orderBy('r.due_at')
        .limit(filter.limit)
        .offset(filter.offset)
        .compile(),
    ),
  ];
}

/** W6b: dossiers.statistics getDossierStatistics, one SQL pass over an agency subtree's dossiers. */
export function statisticsQueries(input: { agencyIds: string[]; from: string; to: string; start: Date; end: Date; asOf: Date; nearly: Date }): Statement[] {
  const { from, to, start, end, asOf, nearly } = input;
  const inPeriod = sql`d.received_on between ${from}::date and ${to}::date`;
  const counted = sql`d.status not in (1, 3)`;
  const carried = sql`d.received_on < ${from}::date and (d.finished_at is null or d.finished_at >= ${start}) and (d.closed_at is null or d.closed_at >= ${start})`;
  const toProcess = sql`${counted} and ((${inPeriod}) or (${carried}))`;
  const open = sql`${toProcess} and (d.finished_at is null or d.finished_at > ${asOf}) and (d.closed_at is null or d.closed_at > ${asOf}) and d.received_on <= ${to}::date`;
  const doneInPeriod = sql`d.finished_at >= ${start} and d.finished_at < ${end}`;
  const query = sql<Record<string, number>>`
    select
      count(*) filter (where ${counted} and ${inPeriod})::int as received,
      count(*) filter (where ${counted} and ${carried})::int as carried_over,
      count(*) filter (where ${doneInPeriod} and not coalesce(d.is_late, false))::int as done_on_time,
      count(*) filter (where ${doneInPeriod} and coalesce(d.is_late, false))::int as done_late,
      count(*) filter (where ${doneInPeriod} and d.has_electronic_result)::int as electronic_results,
      count(*) filter (where ${open} and d.legal_due_at < ${asOf})::int as overdue,
      count(*) filter (where ${open} and d.legal_due_at >= ${asOf} and d.legal_due_at < ${nearly})::int as nearly_due,
      count(*) filter (where ${open} and d.legal_due_at >= ${nearly})::int as not_due,
      count(*) filter (where d.closed_at >= ${start} and d.closed_at < ${end} and d.status in (7, 8))::int as withdrawn_or_stopped,
      count(*) filter (where ${counted} and ${inPeriod} and d.channel = 'online')::int as channel_online,
      count(*) filter (where ${counted} and ${inPeriod} and d.channel = 'in_person')::int as channel_in_person,
      count(*) filter (where ${counted} and ${inPeriod} and d.channel = 'post')::int as channel_post,
      count(*) filter (where ${counted} and ${inPeriod} and d.fee_total > 0)::int as fee_bearing,
      count(*) filter (where ${counted} and ${inPeriod} and d.fee_total > 0 and d.fee_paid_via = 'online')::int as fee_paid_online
    from dossiers d
    where d.agency_id in (${sql.join(input.agencyIds)})
  `;
  return [statement(query.compile(compiler))];
}

/** Normalises whitespace so statements from the log and from the compiler compare equal. */
export function normaliseSql(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
