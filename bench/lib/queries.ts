/**
 * The SQL each read workload makes the API run, built with the same Kysely calls as the services and repositories
 * (cited per query) and compiled by the same Kysely version and dialect, so the raw ceiling server executes exactly
 * the statements the API executes, with the same parameters. `npm run bench` also checks this against PostgreSQL's
 * own statement log (see run.ts, "SQL check").
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery } from 'kysely';
import type { DB } from '../../apps/api/src/core/db/schema.ts';
import { dossierStatisticsSql } from '../../apps/api/src/modules/procedures/dossiers.statistics.ts';
import { publicReportsQuery, type PublicFilter } from '../../apps/api/src/modules/reports/reports.repository.ts';

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

/** W1 (and the IOC page's counters): reports.service listPublicReports → repository.listCategories + repository.listPublicReports. */
export function publicReportsQueries(filter: PublicFilter): Statement[] {
  const categories = compiler.selectFrom('report_categories').selectAll().orderBy('group_vi').orderBy('name_vi').compile();
  return [statement(categories), statement(publicReportsQuery(compiler, filter).compile())];
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
      statement(compiler.selectFrom('report_photos').select(['id', 'kind', 'width', 'height', 'created_at']).where('report_id', '=', report.id).where('review_status', '=', 'published').orderBy('created_at').compile()),
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
          sql<number>`(select count(*)::int from report_photos p where p.report_id = r.id and p.review_status = 'pending')`.as('pending_photos'),
        ])
        .orderBy('r.due_at')
        .limit(filter.limit)
        .offset(filter.offset)
        .compile(),
    ),
  ];
}

/** W6b: dossiers.statistics getDossierStatistics, one SQL pass over an agency subtree's dossiers (the module's own builder). */
export function statisticsQueries(input: { agencyIds: string[]; from: string; to: string; start: Date; end: Date; asOf: Date; nearly: Date }): Statement[] {
  return [statement(dossierStatisticsSql(input).compile(compiler))];
}

/** Normalises whitespace so statements from the log and from the compiler compare equal. */
export function normaliseSql(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
