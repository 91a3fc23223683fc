/**
 * What integrations (the Open311 API) may read of reports, plus the one write they need: an external comment
 * on a report's internal timeline. "Public" is the rule of the public pages: a public report in a public
 * category, never rejected; only public timeline events; never the reporter, the officers or their ids.
 */
import type { PublicReport, ReportCategory } from '@onecity/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { presentCategory, presentPublicReport } from './reports.presenter.ts';
import * as repository from './reports.repository.ts';
import { getActiveCategory } from './reports.service.ts';

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
