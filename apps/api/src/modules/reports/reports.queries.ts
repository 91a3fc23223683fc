/**
 * What integrations (the Open311 API) may read of reports, plus the one write they need: an external comment
 * on a report's internal timeline. "Public" is the rule of the public pages: a public report in a public
 * category, never rejected; only public timeline events; never the reporter, the officers or their ids.
 * The operations module (IOC, KPIs) reads the facts of every report and the timeline in the order it was written (at
 * the end of this file): still no reporter and no personal data.
 */
import type { PublicReport, ReportCategory } from '@onecity/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { presentCategory, presentPublicReport } from './reports.presenter.ts';
import * as repository from './reports.repository.ts';
import { getActiveCategory } from './reports.service.ts';
import { photoPath } from './reports.photos.service.ts';

import { OPEN_REPORT_STATUSES } from './workflow/report-workflow.ts';

export { REPORT_STATUSES, toOpen311Status, type ReportStatus } from './workflow/report-workflow.ts';

/** A public report with what an integration also needs: its internal id (to join its own rows) and its channel. */
export type PublicReportRecord = PublicReport & { id: string; channel: string };

/** A public timeline event; details are the event's own facts (no personal data is written there). */
export interface PublicReportEvent {
  id: number;
  reportId: string;
  reportCode: string;
  at: Date;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  details: Record<string, unknown>;
}

export interface PublicReportQuery {
  codes?: string[];
  categoryCodes?: string[];
  statuses?: string[];
  createdFrom?: Date;
  createdTo?: Date;
  limit: number;
  offset: number;
}

function publicReports(ctx: AppContext) {
  return ctx.db
    .selectFrom('reports')
    .innerJoin('report_categories as category', 'category.id', 'reports.category_id')
    .where('reports.is_public', '=', true)
    .where('category.is_public', '=', true)
    .where('reports.status', '<>', 'rejected');
}

/** A category with its search keywords and the time of its last change. */
export type CategoryRecord = ReportCategory & { keywords: string; updatedAt: Date };

function toCategoryRecord(row: repository.CategoryRow): CategoryRecord {
  return { ...presentCategory(row), keywords: row.keywords, updatedAt: row.updated_at };
}

/** The active categories, by group and name. */
export async function listActiveCategoryRecords(ctx: AppContext): Promise<CategoryRecord[]> {
  return (await repository.listCategories(ctx.db, { includeInactive: false })).map(toCategoryRecord);
}

/** An active category by code; throws reports.category_not_found. */
export async function getActiveCategoryRecord(ctx: AppContext, code: string): Promise<CategoryRecord> {
  return toCategoryRecord(await getActiveCategory(ctx, code));
}

/** When a category last changed (services and their definitions), or null before any exists. */
export async function findLatestCategoryChange(ctx: AppContext): Promise<Date | null> {
  const row = await ctx.db.selectFrom('report_categories').select((eb) => eb.fn.max('updated_at').as('latest')).executeTakeFirst();
  return row?.latest ? new Date(row.latest) : null;
}

/** Public reports matching the query, newest first (stable order for paging). */
export async function queryPublicReports(ctx: AppContext, query: PublicReportQuery): Promise<PublicReportRecord[]> {
  if (query.codes?.length === 0 || query.categoryCodes?.length === 0 || query.statuses?.length === 0) return [];
  let select = publicReports(ctx)
    .selectAll('reports')
    .select(['category.code as category_code', 'category.name_vi as category_name_vi', 'category.name_en as category_name_en']);
  if (query.codes) select = select.where('reports.code', 'in', query.codes);
  if (query.categoryCodes) select = select.where('category.code', 'in', query.categoryCodes);
  if (query.statuses) select = select.where('reports.status', 'in', query.statuses);
  if (query.createdFrom) select = select.where('reports.created_at', '>=', query.createdFrom);
  if (query.createdTo) select = select.where('reports.created_at', '<=', query.createdTo);
  const rows = await select.orderBy('reports.created_at', 'desc').orderBy('reports.code', 'desc').limit(query.limit).offset(query.offset).execute();
  const directory = await getAgencyDirectory(ctx);
  const now = new Date();
  return rows.map((row) => ({
    ...presentPublicReport(row, { code: row.category_code, name_vi: row.category_name_vi, name_en: row.category_name_en }, directory, now),
    id: row.id,
    channel: row.channel,
  }));
}

/** The public timelines of the given reports, oldest event first. */
export async function listPublicTimelines(ctx: AppContext, reportIds: string[]): Promise<Map<string, PublicReportEvent[]>> {
  const timelines = new Map<string, PublicReportEvent[]>();
  if (reportIds.length === 0) return timelines;
  const rows = await ctx.db
    .selectFrom('report_events')
    .innerJoin('reports', 'reports.id', 'report_events.report_id')
    .select(['report_events.id', 'report_events.report_id', 'reports.code', 'report_events.at', 'report_events.type', 'report_events.from_status', 'report_events.to_status', 'report_events.details'])
    .where('report_events.report_id', 'in', reportIds)
    .where('report_events.is_public', '=', true)
    .orderBy('report_events.at')
    .orderBy('report_events.id')
    .execute();
  for (const row of rows) {
    const list = timelines.get(row.report_id) ?? [];
    list.push(toEvent(row));
    timelines.set(row.report_id, list);
  }
  return timelines;
}

/** Public events of public reports that happened in [from, to], oldest first (stable order for paging). */
export async function listPublicReportEvents(ctx: AppContext, query: { from: Date; to: Date; limit: number; offset: number }): Promise<PublicReportEvent[]> {
  const rows = await publicReports(ctx)
    .innerJoin('report_events', 'report_events.report_id', 'reports.id')
    .select(['report_events.id', 'report_events.report_id', 'reports.code', 'report_events.at', 'report_events.type', 'report_events.from_status', 'report_events.to_status', 'report_events.details'])
    .where('report_events.is_public', '=', true)
    .where('report_events.at', '>=', query.from)
    .where('report_events.at', '<=', query.to)
    .orderBy('report_events.at')
    .orderBy('report_events.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map(toEvent);
}

function toEvent(row: { id: number; report_id: string; code: string; at: Date; type: string; from_status: string | null; to_status: string; details: Record<string, unknown> }): PublicReportEvent {
  return { id: Number(row.id), reportId: row.report_id, reportCode: row.code, at: row.at, type: row.type, fromStatus: row.from_status, toStatus: row.to_status, details: row.details };
}

/**
 * The address (path) of the first published photo of each report, citizens' photos before the officials' after-photos:
 * what an integration may show as the report's media. Pending and withheld photos are never among them.
 */
export async function findPublishedPhotoPaths(ctx: AppContext, reportIds: string[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  if (reportIds.length === 0) return paths;
  const rows = await ctx.db
    .selectFrom('report_photos as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['p.report_id', 'p.id', 'r.code'])
    .where('p.report_id', 'in', reportIds)
    .where('p.review_status', '=', 'published')
    .orderBy('p.kind', 'desc') // 'before' sorts after 'after'
    .orderBy('p.created_at')
    .execute();
  for (const row of rows) if (row.report_id && !paths.has(row.report_id)) paths.set(row.report_id, photoPath(row.code, row.id));
  return paths;
}

/** A report by code with whether the public may see it, or undefined when no report has that code. */
export async function findReportSummary(ctx: AppContext, code: string) {
  const row = await ctx.db
    .selectFrom('reports')
    .innerJoin('report_categories as category', 'category.id', 'reports.category_id')
    .select(['reports.id', 'reports.code', 'reports.status', 'reports.is_public', 'category.is_public as category_is_public', 'category.code as category_code'])
    .where('reports.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    categoryCode: row.category_code,
    isPublic: row.is_public && row.category_is_public && row.status !== 'rejected',
  };
}

/**
 * Writes a comment from an outside system on a report's internal timeline (not public, no status change) in the
 * caller's transaction, so the caller's own rows and audit commit with it; returns the event id.
 */
export async function recordExternalComment(
  trx: Transaction<DB>,
  input: { reportId: string; actorId: string; text: string; details: Record<string, unknown>; at: Date },
): Promise<number> {
  const report = await trx.selectFrom('reports').select('status').where('id', '=', input.reportId).executeTakeFirstOrThrow();
  const event = await trx
    .insertInto('report_events')
    .values({
      report_id: input.reportId,
      at: input.at,
      type: 'comment',
      from_status: report.status,
      to_status: report.status,
      actor_id: input.actorId,
      actor_kind: 'system',
      details: JSON.stringify({ ...input.details, text: input.text }),
      is_public: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(event.id);
}

// ---------------------------------------------------------------- for the operations module (IOC, KPIs)

/** The facts of one report that operations figures are computed from (no reporter, no description). */
export interface ReportFacts {
  code: string;
  unitId: string | null;
  areaCode: string;
  categoryCode: string;
  status: string;
  isUrgent: boolean;
  channel: string;
  createdAt: Date;
  receivedOn: string;
  dueAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  reopenCount: number;
  escalationLevel: number;
  officerId: string | null;
}

/** The facts with how many times each report was transferred to another unit (one timeline count per report). */
export type ReportFactsWithTransfers = ReportFacts & { transferCount: number };

export interface ReportFactsFilter {
  unitIds?: string[];
  areaCodes?: string[];
  categoryCodes?: string[];
  codes?: string[];
  officerId?: string;
  /** Reports created in [from, to). */
  createdFrom?: Date;
  createdTo?: Date;
  /** Reports answered (resolved) in [from, to). */
  resolvedFrom?: Date;
  resolvedTo?: Date;
  /** Only reports still being handled (submitted, assigned, in progress). */
  isOpen?: boolean;
  /**
   * Only reports not answered before this instant and filed by it (merged and refused ones left out): the stock
   * Decision 766 judges at a period's end, found through the index reports_open_span_idx.
   */
  openAt?: Date;
  /** Paging for full scans, by code. */
  afterCode?: string;
  limit?: number;
}


/**
 * The facts of the reports matching the filter, by code. Counting transfers reads each report's timeline, which costs
 * more than the rest of the query together on a large period, so only callers that ask for them get them.
 */
export async function listReportFacts(ctx: AppContext, filter: ReportFactsFilter & { withTransfers: true }): Promise<ReportFactsWithTransfers[]>;
export async function listReportFacts(ctx: AppContext, filter: ReportFactsFilter): Promise<ReportFacts[]>;
export async function listReportFacts(ctx: AppContext, filter: ReportFactsFilter & { withTransfers?: boolean }): Promise<ReportFacts[] | ReportFactsWithTransfers[]> {
  if (filter.unitIds?.length === 0 || filter.codes?.length === 0 || filter.areaCodes?.length === 0 || filter.categoryCodes?.length === 0) return [];
  let query = ctx.db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.code', 'r.unit_id', 'r.area_code', 'c.code as category_code', 'r.status', 'r.is_urgent', 'r.channel', 'r.created_at', 'r.received_on', 'r.due_at', 'r.resolved_at',
      'r.closed_at', 'r.rating', 'r.reopen_count', 'r.escalation_level', 'r.officer_id',
      filter.withTransfers ? sql<number>`(select count(*)::int from report_events e where e.report_id = r.id and e.type = 'transfer')`.as('transfers') : sql<number>`null`.as('transfers'),
    ]);
  if (filter.unitIds) query = query.where('r.unit_id', 'in', filter.unitIds);
  if (filter.areaCodes) query = query.where('r.area_code', 'in', filter.areaCodes);
  if (filter.categoryCodes) query = query.where('c.code', 'in', filter.categoryCodes);
  if (filter.codes) query = query.where('r.code', 'in', filter.codes);
  if (filter.officerId) query = query.where('r.officer_id', '=', filter.officerId);
  if (filter.createdFrom) query = query.where('r.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('r.created_at', '<', filter.createdTo);
  if (filter.resolvedFrom) query = query.where('r.resolved_at', '>=', filter.resolvedFrom);
  if (filter.resolvedTo) query = query.where('r.resolved_at', '<', filter.resolvedTo);
  if (filter.isOpen) query = query.where('r.status', 'in', OPEN_REPORT_STATUSES);
  if (filter.openAt) {
    // The expression and the status test are the index's own (migration 20261130110000), so the planner uses it.
    query = query
      .where(sql<boolean>`r.status not in ('merged', 'rejected')`)
      .where(sql<boolean>`tstzrange(r.created_at, case when r.resolved_at is not null then greatest(r.created_at, r.resolved_at) end, '[]') @> ${filter.openAt}::timestamptz`);
  }
  if (filter.afterCode !== undefined) query = query.where('r.code', '>', filter.afterCode);
  query = query.orderBy('r.code');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    code: row.code,
    unitId: row.unit_id,
    areaCode: row.area_code,
    categoryCode: row.category_code,
    status: row.status,
    isUrgent: row.is_urgent,
    channel: row.channel,
    createdAt: row.created_at,
    receivedOn: row.received_on,
    dueAt: row.due_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    rating: row.rating,
    reopenCount: row.reopen_count,
    escalationLevel: row.escalation_level,
    officerId: row.officer_id,
    ...(filter.withTransfers ? { transferCount: Number(row.transfers) } : {}),
  }));
}

/** Open reports of a period counted by what the Decision 766 rules read of them (operations' OpenReportClass). */
export interface OpenReportClassCount {
  status: string;
  rating: number | null;
  reopenCount: number;
  isDueBefore: boolean;
  isResolvedBefore: boolean | null;
  isResolvedOnTime: boolean | null;
  count: number;
}

/**
 * The reports created in [createdFrom, createdTo) still open at `openAt` (the stock listReportFacts gives with the same
 * filter), grouped by status, rating, reopenings and how their deadline and answer stand to `openAt` and to each other,
 * with how many each: a few dozen rows however many reports are open. The benchmark's raw ceiling compiles this builder.
 */
export function openReportClassesQuery(db: Kysely<DB>, filter: { unitIds?: string[]; createdFrom: Date; createdTo: Date; openAt: Date }) {
  let query = db
    .selectFrom('reports as r')
    .select([
      'r.status',
      'r.rating',
      'r.reopen_count',
      sql<boolean>`r.due_at < ${filter.openAt}::timestamptz`.as('is_due_before'),
      sql<boolean | null>`r.resolved_at < ${filter.openAt}::timestamptz`.as('is_resolved_before'),
      sql<boolean | null>`r.resolved_at <= r.due_at`.as('is_resolved_on_time'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('r.created_at', '>=', filter.createdFrom)
    .where('r.created_at', '<', filter.createdTo)
    // The expression and the status test are the index's own (migration 20261130110000), as in listReportFacts.
    .where(sql<boolean>`r.status not in ('merged', 'rejected')`)
    .where(sql<boolean>`tstzrange(r.created_at, case when r.resolved_at is not null then greatest(r.created_at, r.resolved_at) end, '[]') @> ${filter.openAt}::timestamptz`)
    .groupBy(sql`1, 2, 3, 4, 5, 6`)
    .orderBy(sql`1, 2, 3, 4, 5, 6`);
  if (filter.unitIds) query = query.where('r.unit_id', 'in', filter.unitIds);
  return query;
}

/** The open reports of a period at `openAt`, by class (openReportClassesQuery). */
export async function countOpenReportClasses(ctx: AppContext, filter: { unitIds?: string[]; createdFrom: Date; createdTo: Date; openAt: Date }): Promise<OpenReportClassCount[]> {
  if (filter.unitIds?.length === 0) return [];
  const rows = await openReportClassesQuery(ctx.db, filter).execute();
  return rows.map((row) => ({
    status: row.status,
    rating: row.rating,
    reopenCount: row.reopen_count,
    isDueBefore: row.is_due_before,
    isResolvedBefore: row.is_resolved_before,
    isResolvedOnTime: row.is_resolved_on_time,
    count: Number(row.count),
  }));
}

export interface OpenReportCounts {
  open: number;
  overdue: number;
  urgent: number;
  escalatedToLead: number;
  escalatedToIoc: number;
  awaitingTriage: number;
}

/**
 * The reports being handled (submitted, assigned, in progress) within the filter, counted in one pass: all of them,
 * those past their deadline at `now`, the urgent ones, those escalated to a unit lead (level 1) or to the IOC (2 and
 * more), and those still awaiting triage. Nothing but the counts leaves the database.
 */
export async function countOpenReports(ctx: AppContext, filter: Pick<ReportFactsFilter, 'unitIds' | 'areaCodes' | 'categoryCodes'>, now: Date): Promise<OpenReportCounts> {
  if (filter.unitIds?.length === 0 || filter.areaCodes?.length === 0 || filter.categoryCodes?.length === 0) return { open: 0, overdue: 0, urgent: 0, escalatedToLead: 0, escalatedToIoc: 0, awaitingTriage: 0 };
  let query = ctx.db
    .selectFrom('reports as r')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) filter (where r.due_at < ${now})::int`.as('overdue'),
      sql<number>`count(*) filter (where r.is_urgent)::int`.as('urgent'),
      sql<number>`count(*) filter (where r.escalation_level = 1)::int`.as('escalated_to_lead'),
      sql<number>`count(*) filter (where r.escalation_level >= 2)::int`.as('escalated_to_ioc'),
      sql<number>`count(*) filter (where r.status = 'submitted')::int`.as('awaiting_triage'),
    ])
    .where('r.status', 'in', OPEN_REPORT_STATUSES);
  if (filter.unitIds) query = query.where('r.unit_id', 'in', filter.unitIds);
  if (filter.areaCodes) query = query.where('r.area_code', 'in', filter.areaCodes);
  const categoryCodes = filter.categoryCodes;
  if (categoryCodes) query = query.where('r.category_id', 'in', (eb) => eb.selectFrom('report_categories').select('id').where('code', 'in', categoryCodes));
  const row = await query.executeTakeFirstOrThrow();
  return {
    open: Number(row.open),
    overdue: Number(row.overdue),
    urgent: Number(row.urgent),
    escalatedToLead: Number(row.escalated_to_lead),
    escalatedToIoc: Number(row.escalated_to_ioc),
    awaitingTriage: Number(row.awaiting_triage),
  };
}

/** Open reports (submitted, assigned, in progress) for the operations centre's map and lists, soonest deadline first. */
export async function listOpenReportsForOperations(
  ctx: AppContext,
  filter: { unitIds?: string[]; areaCode?: string; categoryCode?: string; isOverdue?: boolean; isUrgent?: boolean; limit: number },
): Promise<(PublicReport & { escalationLevel: number })[]> {
  if (filter.unitIds?.length === 0) return [];
  const now = new Date();
  let query = ctx.db
    .selectFrom('reports')
    .innerJoin('report_categories as category', 'category.id', 'reports.category_id')
    .selectAll('reports')
    .select(['category.code as category_code', 'category.name_vi as category_name_vi', 'category.name_en as category_name_en'])
    .where('reports.status', 'in', OPEN_REPORT_STATUSES);
  if (filter.unitIds) query = query.where('reports.unit_id', 'in', filter.unitIds);
  if (filter.areaCode) query = query.where('reports.area_code', '=', filter.areaCode);
  if (filter.categoryCode) query = query.where('category.code', '=', filter.categoryCode);
  if (filter.isOverdue !== undefined) query = query.where('reports.due_at', filter.isOverdue ? '<' : '>=', now);
  if (filter.isUrgent !== undefined) query = query.where('reports.is_urgent', '=', filter.isUrgent);
  const rows = await query.orderBy('reports.due_at').orderBy('reports.code').limit(filter.limit).execute();
  const directory = await getAgencyDirectory(ctx);
  return rows.map((row) => ({
    ...presentPublicReport(row, { code: row.category_code, name_vi: row.category_name_vi, name_en: row.category_name_en }, directory, now),
    escalationLevel: row.escalation_level,
  }));
}

/** A timeline event of a report with the report's facts operations filters on (internal events included, no personal data). */
export interface ReportChange {
  id: number;
  at: Date;
  reportCode: string;
  type: string;
  toStatus: string;
  unitId: string | null;
  areaCode: string;
  categoryCode: string;
  channel: string;
}

/** Timeline events written after `afterId`, in id order (at most `limit`). */
export async function listReportEventsAfter(ctx: AppContext, afterId: number, limit: number): Promise<ReportChange[]> {
  const rows = await ctx.db
    .selectFrom('report_events as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select(['e.id', 'e.at', 'r.code', 'e.type', 'e.to_status', 'r.unit_id', 'r.area_code', 'c.code as category_code', 'r.channel'])
    .where('e.id', '>', afterId)
    .orderBy('e.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), at: row.at, reportCode: row.code, type: row.type, toStatus: row.to_status, unitId: row.unit_id, areaCode: row.area_code, categoryCode: row.category_code, channel: row.channel }));
}

/** The id of the newest timeline event (written before `before`, when given); 0 when there is none. */
export async function findLatestReportEventId(ctx: AppContext, before?: Date): Promise<number> {
  let query = ctx.db.selectFrom('report_events').select((eb) => eb.fn.max('id').as('latest'));
  if (before) query = query.where('at', '<', before);
  const row = await query.executeTakeFirst();
  return Number(row?.latest ?? 0);
}
