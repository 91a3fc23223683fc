/**
 * The SQL each read workload makes the API run, built with the same Kysely calls as the services and repositories
 * (cited per query) and compiled by the same Kysely version and dialect, so the raw ceiling server executes exactly
 * the statements the API executes, with the same parameters. `npm run bench` also checks this against PostgreSQL's
 * own statement log (see run.ts, "SQL check").
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery } from 'kysely';
import type { DB } from '../../apps/api/src/core/db/schema.ts';
import { DECISION_766_METRIC_PREFIX } from '../../apps/api/src/modules/operations/workflow/decision-766.ts';
import { dossierStatisticsSql, dossiersInProgressSql } from '../../apps/api/src/modules/procedures/dossiers.statistics.ts';
import { openReportClassesQuery } from '../../apps/api/src/modules/reports/reports.queries.ts';
import { countPublicReportsQuery, countQueueQuery, publicMapSliceQuery, queuePageQuery, type MapSlice, type PublicFilter, type QueueFilter } from '../../apps/api/src/modules/reports/reports.repository.ts';

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

/**
 * W1: reports.service listPublicMapReports → repository.listCategories, then repository.listPublicMapReports: one
 * statement per slice of time until enough reports are found (repository.newestPublic), and the capped count when
 * there are more.
 */
export const publicMapQueries = {
  categories: (): Statement => statement(compiler.selectFrom('report_categories').selectAll().orderBy('group_vi').orderBy('name_vi').compile()),
  slice: (filter: PublicFilter, slice: MapSlice, limit: number): Statement => statement(publicMapSliceQuery(compiler, filter, slice, limit).compile()),
  count: (filter: PublicFilter): Statement => statement(countPublicReportsQuery(compiler, filter).compile()),
};

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

/** W5: reports.handling.service listQueue → repository.listQueue: the page, then the capped count when the page is full. */
export const queueQueries = {
  page: (filter: QueueFilter, page: { limit: number; offset: number }): Statement => statement(queuePageQuery(compiler, filter, page).compile()),
  count: (filter: QueueFilter, cap: number): Statement => statement(countQueueQuery(compiler, filter, cap).compile()),
};

/** W6b: dossiers.statistics getDossierStatistics, one SQL pass over an agency subtree's dossiers (the module's own builder). */
export function statisticsQueries(input: { agencyIds: string[]; from: string; to: string; start: Date; end: Date; asOf: Date; nearly: Date }): Statement[] {
  return [statement(dossierStatisticsSql(input).compile(compiler))];
}

// ---------------------------------------------------------------- W6a, W6c, W6d: the operations centre

/** Every agency, as operations reads the tree on each request: operations.scope listAllAgencies → agencies.repository listAgencies. */
export function agenciesQuery(): Statement {
  return statement(compiler.selectFrom('agencies').selectAll().orderBy('path').compile());
}

/** The filters of reports.queries listReportFacts that the operations centre's figures use (in its order). */
export interface ReportFactsFilter {
  unitIds?: string[];
  createdFrom?: Date;
  createdTo?: Date;
  resolvedFrom?: Date;
}

/** reports.queries listReportFacts (without transfers); null when it runs nothing (an empty list of units). */
export function reportFactsQuery(filter: ReportFactsFilter): Statement | null {
  if (filter.unitIds?.length === 0) return null;
  let query = compiler
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.code', 'r.unit_id', 'r.area_code', 'c.code as category_code', 'r.status', 'r.is_urgent', 'r.channel', 'r.created_at', 'r.received_on', 'r.due_at', 'r.resolved_at',
      'r.closed_at', 'r.rating', 'r.reopen_count', 'r.escalation_level', 'r.officer_id',
      sql<number>`null`.as('transfers'),
    ]);
  if (filter.unitIds) query = query.where('r.unit_id', 'in', filter.unitIds);
  if (filter.createdFrom) query = query.where('r.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('r.created_at', '<', filter.createdTo);
  if (filter.resolvedFrom) query = query.where('r.resolved_at', '>=', filter.resolvedFrom);
  return statement(query.orderBy('r.code').compile());
}

/** reports.queries countOpenReports (unit filter only, as the bench's counters ask); null when it runs nothing. */
export function openReportCountsQuery(filter: { unitIds?: string[]; now: Date }): Statement | null {
  if (filter.unitIds?.length === 0) return null;
  let query = compiler
    .selectFrom('reports as r')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) filter (where r.due_at < ${filter.now})::int`.as('overdue'),
      sql<number>`count(*) filter (where r.is_urgent)::int`.as('urgent'),
      sql<number>`count(*) filter (where r.escalation_level = 1)::int`.as('escalated_to_lead'),
      sql<number>`count(*) filter (where r.escalation_level >= 2)::int`.as('escalated_to_ioc'),
      sql<number>`count(*) filter (where r.status = 'submitted')::int`.as('awaiting_triage'),
    ])
    .where('r.status', 'in', ['submitted', 'assigned', 'in_progress']);
  if (filter.unitIds) query = query.where('r.unit_id', 'in', filter.unitIds);
  return statement(query.compile());
}

/** The filters of dossiers.queries listDossierFacts that the operations centre's figures use (in its order). */
export interface DossierFactsFilter {
  agencyIds?: string[];
  openAt?: { toDate: string; asOf: Date };
  submittedFrom?: Date;
  finishedFrom?: Date;
}

/** dossiers.queries listDossierFacts; null when it runs nothing (an empty list of agencies). */
export function dossierFactsQuery(filter: DossierFactsFilter): Statement | null {
  if (filter.agencyIds?.length === 0) return null;
  let query = compiler
    .selectFrom('dossiers as d')
    .leftJoin('dossier_surveys as s', 's.dossier_id', 'd.id')
    .select([
      'd.id', 'd.code', 'd.agency_id', 'd.channel',
      sql<string>`d.procedure_snapshot->>'code'`.as('procedure_code'),
      sql<string>`d.procedure_snapshot->>'nameVi'`.as('procedure_name_vi'),
      sql<'full' | 'partial'>`d.procedure_snapshot->>'onlineLevel'`.as('online_level'),
      sql<'paper' | 'electronic' | 'both'>`d.procedure_snapshot->>'resultType'`.as('result_type'), 'd.status', 'd.received_on', 'd.submitted_at', 'd.accepted_at', 'd.finished_at', 'd.closed_at',
      'd.delivered_at', 'd.legal_due_at', 'd.supplement_count', 'd.fee_total', 'd.fee_paid_at', 'd.fee_paid_via', 'd.has_electronic_result', 'd.apology_count',
      's.answers as survey', 's.submitted_at as survey_at',
      sql<Date | null>`(select max(x.requested_at) from dossier_supplements x where x.dossier_id = d.id)`.as('last_supplement_at'),
      sql<number>`(select count(*)::int from dossier_files f where f.dossier_id = d.id and f.kind = 'component' and not f.is_superseded)`.as('component_files'),
      sql<boolean>`exists (select 1 from dossier_files f where f.dossier_id = d.id and f.kind = 'result')`.as('has_result_file'),
      sql<number>`(select count(*)::int from dossier_events e where e.dossier_id = d.id and e.action = 'transfer')`.as('transfers'),
    ]);
  if (filter.agencyIds) query = query.where('d.agency_id', 'in', filter.agencyIds);
  if (filter.openAt) {
    query = query
      .where(sql<boolean>`d.status not in (1, 3)`)
      .where(sql<boolean>`tstzrange(d.submitted_at, case when d.finished_at is not null then greatest(d.submitted_at, d.finished_at) when d.status in (7, 8) and d.closed_at is not null then greatest(d.submitted_at, d.closed_at) end, '[]') @> ${filter.openAt.asOf}::timestamptz`)
      .where('d.received_on', '<=', filter.openAt.toDate);
  }
  if (filter.submittedFrom) query = query.where('d.submitted_at', '>=', filter.submittedFrom);
  if (filter.finishedFrom) query = query.where('d.finished_at', '>=', filter.finishedFrom);
  return statement(query.orderBy('d.code').compile());
}

/** dossiers.queries listProcedureFacts: the catalogue the agencies implement (null agencyIds: all of it). */
export function procedureFactsQuery(agencyIds: string[] | null, includeWardLevel: boolean): Statement {
  const none = ['00000000-0000-0000-0000-000000000000'];
  let query = compiler.selectFrom('procedures').select(['code', 'name_vi', 'level', 'agency_id', 'online_level', 'result_type', 'fees']).where('is_active', '=', true);
  if (agencyIds !== null) {
    query = query.where((eb) => eb.or([eb.and([eb('level', '=', 'department'), eb('agency_id', 'in', agencyIds.length ? agencyIds : none)]), ...(includeWardLevel ? [eb('level', '=', 'ward')] : [])]));
  }
  return statement(query.orderBy('code').compile());
}

/** documents.queries countIssuedDocuments; null when it runs nothing. */
export function issuedDocumentsCountQuery(filter: { agencyIds?: string[]; start: Date; end: Date }): Statement | null {
  if (filter.agencyIds?.length === 0) return null;
  let query = compiler
    .selectFrom('documents')
    .select([sql<number>`count(*)::int`.as('issued'), sql<number>`count(*) filter (where signature_count > 0)::int`.as('signed')])
    .where('issued_at', '>=', filter.start)
    .where('issued_at', '<', filter.end);
  if (filter.agencyIds) query = query.where('agency_id', 'in', filter.agencyIds);
  return statement(query.compile());
}

/** operations aggregates.service sumDailyByMetric (every agency: the city's rows); null when it runs nothing. */
export function dailySumsByMetricQuery(filter: { agencyIds?: string[]; fromDay: string; toDay: string; prefix: string }): Statement | null {
  if (filter.agencyIds?.length === 0) return null;
  if (!filter.agencyIds) {
    return statement(
      compiler
        .selectFrom('operations_daily_city')
        .select(['metric', sql<number>`sum(value)::bigint`.as('total')])
        .where('day', '>=', filter.fromDay)
        .where('day', '<=', filter.toDay)
        .where('metric', 'like', `${filter.prefix.replace(/[\\%_]/g, '\\$&')}%`)
        .groupBy('metric')
        .compile(),
    );
  }
  let query = compiler
    .selectFrom('operations_daily')
    .select(['metric', sql<number>`sum(value)::bigint`.as('total')])
    .where('day', '>=', filter.fromDay)
    .where('day', '<=', filter.toDay)
    .where('metric', 'like', `${filter.prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .groupBy('metric');
  if (filter.agencyIds) query = query.where('agency_id', 'in', filter.agencyIds);
  return statement(query.compile());
}

/**
 * The catch-up a Decision 766 request makes first (decision-766.service → aggregates.service applyNewEvents): per
 * timeline, the cursor (applyBatch) and the events after it (reports.queries listReportEventsAfter, dossiers.queries
 * listDossierEventsAfter; 500 a batch). With nothing new, that is all it runs.
 */
export const catchUpQueries = {
  cursor: (source: 'report' | 'dossier'): Statement => statement(compiler.selectFrom('operations_cursors').select(['last_event_id', 'rebuild_after_code']).where('source', '=', source).compile()),
  eventsAfter: (source: 'report' | 'dossier', afterId: number): Statement =>
    source === 'report'
      ? statement(
          compiler
            .selectFrom('report_events as e')
            .innerJoin('reports as r', 'r.id', 'e.report_id')
            .innerJoin('report_categories as c', 'c.id', 'r.category_id')
            .select(['e.id', 'e.at', 'r.code', 'e.type', 'e.to_status', 'r.unit_id', 'r.area_code', 'c.code as category_code', 'r.channel'])
            .where('e.id', '>', afterId)
            .orderBy('e.id')
            .limit(500)
            .compile(),
        )
      : statement(
          compiler
            .selectFrom('dossier_events as e')
            .innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
            .select(['e.id', 'e.at', 'd.code', 'd.agency_id', 'e.action', 'e.status', 'd.channel'])
            .where('e.id', '>', afterId)
            .orderBy('e.id')
            .limit(500)
            .compile(),
        ),
};

/** An agency's subtree as operations.scope scopeOf makes it: its ids in path order, whether it is the city, whether it holds a ward. */
export interface OperationsScope {
  agencyIds: string[];
  isCity: boolean;
  includesWard: boolean;
}

/**
 * W6a: live.service getOperationsCounters for an agency's subtree (no ward or category filter), after
 * resolveLiveScope's agencies: the open reports, today's received and answered ones, the one-stop statistics from
 * today to a month ahead (dossiers.statistics getDossierStatistics, over its directory's subtree), then the dossiers
 * filed and finished today. Null entries run nothing.
 */
export function countersQueries(input: { scope: OperationsScope; dayStart: Date; now: Date; statistics: { agencyIds: string[]; from: string; to: string; start: Date; end: Date; asOf: Date; nearly: Date } }) {
  const unitIds = input.scope.isCity ? undefined : input.scope.agencyIds;
  return {
    agencies: agenciesQuery(),
    reports: [
      openReportCountsQuery({ unitIds, now: input.now }),
      reportFactsQuery({ unitIds, createdFrom: input.dayStart }),
      reportFactsQuery({ unitIds, resolvedFrom: input.dayStart }),
    ],
    // live.service → procedures getDossiersInProgress: the statistics' in-progress figures, from the dossiers in progress.
    statistics: statement(dossiersInProgressSql(input.statistics).compile(compiler)),
    dossiers: [dossierFactsQuery({ agencyIds: unitIds, submittedFrom: input.dayStart }), dossierFactsQuery({ agencyIds: unitIds, finishedFrom: input.dayStart })],
  };
}

/**
 * W6c, W6d: decision-766.service getDecision766Score → operations.sources readDecision766Aggregates, after the
 * agencies (resolveScope, then applyNewEvents's root) and the catch-up (catchUpQueries): the period's daily sums, the
 * dossiers and reports still open at its end, the catalogue and the documents' count (in parallel).
 */
export function decision766Queries(input: { scope: OperationsScope; period: { from: string; to: string; start: Date; end: Date; asOf: Date } }) {
  const { scope, period } = input;
  const agencyIds = scope.isCity ? undefined : scope.agencyIds;
  const days = { agencyIds, fromDay: period.from, toDay: period.to, prefix: DECISION_766_METRIC_PREFIX };
  return {
    agencies: agenciesQuery(),
    reads: {
      sums: dailySumsByMetricQuery(days),
      openDossiers: dossierFactsQuery({ agencyIds, openAt: { toDate: period.to, asOf: period.asOf } }),
      openReports: agencyIds?.length === 0 ? null : statement(openReportClassesQuery(compiler, { unitIds: agencyIds, createdFrom: period.start, createdTo: period.end, openAt: period.asOf }).compile()),
      procedures: procedureFactsQuery(scope.isCity ? null : scope.agencyIds, scope.includesWard),
      documents: issuedDocumentsCountQuery({ agencyIds, start: period.start, end: period.end }),
    },
  };
}

/** Normalises whitespace so statements from the log and from the compiler compare equal. */
export function normaliseSql(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
