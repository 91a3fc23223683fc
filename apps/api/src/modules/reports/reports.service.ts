/**
 * Field-report use cases: categories and routing (admins), submitting a report (citizens), and the public
 * views. Staff handling (triage, assignment, answers) runs through workflow/report-workflow.ts.
 */
import type { CategoryInput, SubmitReportRequest } from '@onecity/contracts';
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, requireRole, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB, ReportQuestion, ReportRouting } from '../../core/db/schema.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { findAreaAt, getAgencyDirectory, type AreaHit } from '../agencies/index.ts';
import { getDeadline, localDateTime } from '../calendar/index.ts';
import { presentCategory, presentMapReport, presentPublicReport } from './reports.presenter.ts';
import * as repository from './reports.repository.ts';
import { boxAround, distanceMetres } from './workflow/geo.ts';
import { formatReportCode } from './workflow/report-code.ts';
import { attachPhotos, checkPhotosUsable, listReportPhotos, photoPath } from './reports.photos.service.ts';
import { alertStaff, staffToAlert } from './reports.notices.ts';

/** How close an open report of the same category must be to be offered as a duplicate (metres). */
export const NEARBY_RADIUS_METRES = 50;

// ---------------------------------------------------------------- categories

/** Lists categories (inactive ones only for admins). */
export async function listCategories(ctx: AppContext, actor: Actor | null) {
  const rows = await repository.listCategories(ctx.db, { includeInactive: hasRole(actor, ['admin']) });
  return rows.map(presentCategory);
}

/** Returns an active category or throws reports.category_not_found. */
export async function getActiveCategory(ctx: AppContext, code: string) {
  const row = await repository.findCategoryByCode(ctx.db, code);
  if (!row || !row.is_active) throw new AppError('reports.category_not_found', { params: { code }, fields: [{ field: 'categoryCode', message: 'unknown' }] });
  return row;
}

function checkQuestions(questions: ReportQuestion[]): void {
  const codes = new Set<string>();
  for (const [index, question] of questions.entries()) {
    if (codes.has(question.code)) throw new AppError('http.validation_failed', { fields: [{ field: `questions.${index}.code`, message: 'duplicate' }] });
    codes.add(question.code);
    if (question.datatype === 'choice' && !question.options?.length) {
      throw new AppError('http.validation_failed', { fields: [{ field: `questions.${index}.options`, message: 'a choice needs options' }] });
    }
  }
}

function categoryValues(input: CategoryInput) {
  return {
    name_vi: input.nameVi.normalize('NFC'),
    name_en: input.nameEn,
    group_vi: input.groupVi.normalize('NFC'),
    group_en: input.groupEn,
    description_vi: (input.descriptionVi ?? '').normalize('NFC'),
    description_en: input.descriptionEn ?? '',
    keywords: input.keywords ?? '',
    sla_working_days: input.slaWorkingDays ?? 7,
    urgent_sla_hours: input.urgentSlaHours ?? 24,
    questions: JSON.stringify(input.questions ?? []),
    is_photo_required: input.isPhotoRequired ?? false,
    is_after_photo_required: input.isAfterPhotoRequired ?? true,
    is_public: input.isPublic ?? true,
    is_active: input.isActive ?? true,
  };
}

/** Creates a category or replaces the one with the same code (admins). */
export async function saveCategory(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: CategoryInput, mode: 'create' | 'replace') {
  requireRole(actor, ['admin']);
  checkQuestions(input.questions ?? []);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const before = await repository.findCategoryByCode(trx, input.code);
    if (mode === 'create' && before) throw new AppError('reports.category_exists', { params: { code: input.code } });
    if (mode === 'replace' && !before) throw new AppError('reports.category_not_found', { params: { code: input.code } });
    const values = categoryValues(input);
    const row = before
      ? await trx.updateTable('report_categories').set({ ...values, updated_at: new Date() }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('report_categories').values({ code: input.code, ...values }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, audit, {
      action: before ? 'report_category.update' : 'report_category.create',
      targetType: 'report_category',
      targetId: row.id,
      before: before ? presentCategory(before) : null,
      after: presentCategory(row),
    });
    return row;
  });
  return presentCategory(saved);
}

// ---------------------------------------------------------------- routing

/** Decides the handling unit for a category at a place, with the explanation that is stored and shown. */
export async function routeReport(
  ctx: AppContext,
  category: repository.CategoryRow,
  area: AreaHit,
): Promise<{ unitId: string | null; routing: ReportRouting }> {
  const rule = await repository.findRoutingRule(ctx.db, category.id, area.code);
  if (!rule) {
    return {
      unitId: null,
      routing: {
        ruleNo: null,
        explanationVi: `${area.nameVi} · ${category.name_vi} → chưa có quy tắc phân công: chuyển Trung tâm điều hành (IOC) phân loại`,
        explanationEn: `${area.nameEn} · ${category.name_en} → no routing rule: sent to the operations centre (IOC) for triage`,
      },
    };
  }
  const unit = (await getAgencyDirectory(ctx)).byId.get(rule.unit_id);
  const scopeVi = rule.area_code ? 'quy tắc riêng của địa bàn' : 'quy tắc chung toàn thành phố';
  const scopeEn = rule.area_code ? 'ward-specific rule' : 'city-wide rule';
  return {
    unitId: rule.unit_id,
    routing: {
      ruleNo: rule.rule_no,
      explanationVi: `${area.nameVi} · ${category.name_vi} → ${unit?.nameVi ?? rule.unit_id}, ${scopeVi} #${rule.rule_no}`,
      explanationEn: `${area.nameEn} · ${category.name_en} → ${unit?.nameEn ?? rule.unit_id}, ${scopeEn} #${rule.rule_no}`,
    },
  };
}

/** Adds a routing rule (admins): category × area → unit; no area means city-wide for the category. */
export async function createRoutingRule(
  ctx: AppContext,
  audit: AuditContext,
  actor: Actor | null,
  input: { categoryCode: string; areaCode?: string; unitCode: string; note?: string },
) {
  requireRole(actor, ['admin']);
  const category = await getActiveCategory(ctx, input.categoryCode);
  const directory = await getAgencyDirectory(ctx);
  const unit = directory.byCode.get(input.unitCode);
  if (!unit) throw new AppError('reports.unit_not_found', { params: { code: input.unitCode }, fields: [{ field: 'unitCode', message: 'unknown' }] });
  if (input.areaCode && !directory.byCode.has(input.areaCode)) {
    throw new AppError('agencies.not_found', { params: { code: input.areaCode }, fields: [{ field: 'areaCode', message: 'unknown' }] });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('report_routing_rules')
      .select('rule_no')
      .where('category_id', '=', category.id)
      .where((eb) => (input.areaCode ? eb('area_code', '=', input.areaCode) : eb('area_code', 'is', null)))
      .executeTakeFirst();
    if (existing) throw new AppError('reports.rule_exists', { params: { ruleNo: existing.rule_no } });
    const rule = await trx
      .insertInto('report_routing_rules')
      .values({ category_id: category.id, area_code: input.areaCode ?? null, unit_id: unit.id, note: input.note ?? '' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, audit, {
      action: 'report_routing_rule.create',
      targetType: 'report_routing_rule',
      targetId: rule.id,
      after: { ruleNo: rule.rule_no, category: category.code, area: input.areaCode ?? null, unit: unit.code },
    });
    return { ruleNo: rule.rule_no, categoryCode: category.code, areaCode: rule.area_code, unitCode: unit.code, note: rule.note };
  });
}

/** Lists the routing table (admins and IOC staff). */
export async function listRoutingRules(ctx: AppContext, actor: Actor | null) {
  requireRole(actor, ['admin', 'ioc_operator']);
  const [rules, categories, directory] = await Promise.all([
    ctx.db.selectFrom('report_routing_rules').selectAll().orderBy('rule_no').execute(),
    repository.listCategories(ctx.db, { includeInactive: true }),
    getAgencyDirectory(ctx),
  ]);
  const categoryCode = new Map(categories.map((c) => [c.id, c.code]));
  return rules.map((rule) => ({
    ruleNo: rule.rule_no,
    categoryCode: rule.category_id ? (categoryCode.get(rule.category_id) ?? null) : null,
    areaCode: rule.area_code,
    unitCode: directory.byId.get(rule.unit_id)?.code ?? rule.unit_id,
    note: rule.note,
  }));
}

// ---------------------------------------------------------------- submitting

function checkAnswers(questions: ReportQuestion[], answers: Record<string, string | number>): Record<string, string | number> {
  const problems: FieldProblem[] = [];
  const clean: Record<string, string | number> = {};
  const known = new Set(questions.map((q) => q.code));
  for (const code of Object.keys(answers)) if (!known.has(code)) problems.push({ field: `answers.${code}`, message: 'unknown question' });
  for (const question of questions) {
    const value = answers[question.code];
    const field = `answers.${question.code}`;
    if (value === undefined || value === '') {
      if (question.isRequired) problems.push({ field, message: 'required' });
      continue;
    }
    if (question.datatype === 'number') {
      const number = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(number)) problems.push({ field, message: 'must be a number' });
      else clean[question.code] = number;
    } else if (question.datatype === 'choice') {
      if (!question.options?.some((option) => option.key === String(value))) problems.push({ field, message: 'not one of the options' });
      else clean[question.code] = String(value);
    } else {
      clean[question.code] = String(value).normalize('NFC').trim();
    }
  }
  if (problems.length > 0) throw new AppError('reports.invalid_answer', { fields: problems });
  return clean;
}

/**
 * Files a report: checks everything first (category, answers, place), then in one transaction takes a code,
 * routes it, sets its deadline from the working-day calendar (or the urgent SLA in hours), writes its first
 * timeline events and the audit row. The reporter follows it.
 */
export async function submitReport(
  ctx: AppContext,
  audit: AuditContext,
  actor: Actor | null,
  input: SubmitReportRequest,
  options: {
    channel?: 'app' | 'open311';
    now?: Date;
    /** Work another module adds inside the report's own transaction (e.g. the Open311 token), so both commit or neither. */
    alongside?: (trx: Transaction<DB>, report: { id: string; code: string }) => Promise<void>;
  } = {},
) {
  const reporter = requireActor(actor);
  const category = await getActiveCategory(ctx, input.categoryCode);
  const answers = checkAnswers(category.questions, input.answers ?? {});
  const photoIds = input.photoIds ?? [];
  await checkPhotosUsable(ctx, reporter.userId, photoIds, 'before');
  if (category.is_photo_required && photoIds.length === 0) {
    throw new AppError('reports.photo_required', { params: { category: { vi: category.name_vi, en: category.name_en } }, fields: [{ field: 'photos', message: 'required' }] });
  }
  const area = await findAreaAt(ctx, input.location.lng, input.location.lat);
  if (!area) throw new AppError('reports.outside_city', { fields: [{ field: 'location', message: 'outside the city' }] });
  const { unitId, routing } = await routeReport(ctx, category, area);
  const now = options.now ?? new Date();
  const isUrgent = input.isUrgent ?? false;
  const deadline = await getDeadline(ctx, now, category.sla_working_days);
  const dueAt = isUrgent ? new Date(now.getTime() + category.urgent_sla_hours * 3600_000) : new Date(deadline.dueAt);
  const localDate = localDateTime(now, ctx.config.officeHours.timeZone).date;
  const urgentRecipients = isUrgent ? await staffToAlert(ctx, unitId ? ((await getAgencyDirectory(ctx)).byId.get(unitId)?.path ?? null) : null, 'urgent') : [];

  const report = await ctx.db.transaction().execute(async (trx) => {
    const code = formatReportCode(localDate, await repository.nextReportSequence(trx, localDate));
    const row = await trx
      .insertInto('reports')
      .values({
        code,
        category_id: category.id,
        description: input.description.normalize('NFC').trim(),
        location: `(${input.location.lng},${input.location.lat})`,
        address: input.address?.normalize('NFC').trim() || null,
        area_code: area.code,
        status: unitId ? 'assigned' : 'submitted',
        is_urgent: isUrgent,
        is_public: category.is_public,
        reporter_id: reporter.userId,
        channel: options.channel ?? 'app',
        answers: JSON.stringify(answers),
        unit_id: unitId,
        routing: JSON.stringify(routing),
        received_on: isUrgent ? localDate : deadline.receivedOn,
        due_at: dueAt,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Filing and routing in one statement (the ids follow the list's order, so the timeline keeps it).
    await trx
      .insertInto('report_events')
      .values([
        { report_id: row.id, at: now, type: 'submit', from_status: null, to_status: 'submitted', actor_id: reporter.userId, actor_kind: 'reporter', details: JSON.stringify({ channel: row.channel, isUrgent }) },
        ...(unitId
          ? [{ report_id: row.id, at: now, type: 'route', from_status: 'submitted', to_status: 'assigned', actor_id: null, actor_kind: 'system', details: JSON.stringify({ ...routing, dueAt: dueAt.toISOString() }) }]
          : []),
      ])
      .execute();
    await trx.insertInto('report_followers').values({ report_id: row.id, user_id: reporter.userId }).execute();
    await attachPhotos(trx, reporter.userId, row.id, photoIds, 'before');
    if (isUrgent) await alertStaff(trx, { code }, urgentRecipients, 'urgent');
    await recordAudit(trx, audit, {
      action: 'report.submit',
      targetType: 'report',
      targetId: row.id,
      after: { code, category: category.code, area: area.code, status: row.status, unitId, dueAt: dueAt.toISOString(), isUrgent, photos: photoIds.length },
    });
    if (options.alongside) await options.alongside(trx, { id: row.id, code: row.code });
    return row;
  });
  return presentPublicReport(report, category, await getAgencyDirectory(ctx), now);
}

// ---------------------------------------------------------------- public views

async function categoriesById(ctx: AppContext) {
  const rows = await repository.listCategories(ctx.db, { includeInactive: true });
  return new Map(rows.map((row) => [row.id, row]));
}

type PublicListFilter = { bbox?: [number, number, number, number]; categoryCodes?: string[]; statuses?: string[]; areaCode?: string; since?: Date; limit: number };

/** The repository's filter for a public list, or null when the filter names only unknown categories (nothing matches). */
function publicFilterOf(filter: PublicListFilter, categories: Map<string, repository.CategoryRow>): repository.PublicFilter | null {
  const categoryIds = filter.categoryCodes?.length ? [...categories.values()].filter((c) => filter.categoryCodes?.includes(c.code)).map((c) => c.id) : undefined;
  if (categoryIds && categoryIds.length === 0) return null;
  const bbox = filter.bbox ? { minLng: filter.bbox[0], minLat: filter.bbox[1], maxLng: filter.bbox[2], maxLat: filter.bbox[3] } : undefined;
  return { bbox, categoryIds, statuses: filter.statuses, areaCode: filter.areaCode, since: filter.since, limit: filter.limit };
}

/** A public list: the matching rows from `list`, each with its category presented by `present`; newest first. */
async function listPublic<Row extends { category_id: string }, Item>(
  ctx: AppContext,
  filter: PublicListFilter,
  list: (db: AppContext['db'], filter: repository.PublicFilter, now: Date) => Promise<{ rows: Row[]; total: number; isTotalCapped: boolean }>,
  present: (row: Row, category: repository.CategoryRow, directory: Awaited<ReturnType<typeof getAgencyDirectory>>, now: Date) => Item,
): Promise<{ items: Item[]; total: number; isTruncated: boolean; isTotalCapped: boolean }> {
  const categories = await categoriesById(ctx);
  const publicFilter = publicFilterOf(filter, categories);
  if (!publicFilter) return { items: [], total: 0, isTruncated: false, isTotalCapped: false };
  const now = new Date();
  const { rows, total, isTotalCapped } = await list(ctx.db, publicFilter, now);
  const directory = await getAgencyDirectory(ctx);
  return {
    items: rows.flatMap((row) => {
      const category = categories.get(row.category_id);
      return category ? [present(row, category, directory, now)] : [];
    }),
    total,
    isTruncated: total > rows.length,
    isTotalCapped,
  };
}

/** Public reports in a viewport with filters, whole; never more than `limit`, newest first. */
export const listPublicReports = (ctx: AppContext, filter: PublicListFilter) => listPublic(ctx, filter, repository.listPublicReports, presentPublicReport);

/** Public reports in a viewport with filters, as the map shows them (markers and cards); never more than `limit`, newest first. */
export const listPublicMapReports = (ctx: AppContext, filter: PublicListFilter) => listPublic(ctx, filter, repository.listPublicMapReports, presentMapReport);

/** One public report with its public timeline and its published photos. */
export async function getPublicReport(ctx: AppContext, code: string) {
  const row = await ctx.db.selectFrom('reports').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row || !row.is_public || row.status === 'rejected') throw new AppError('reports.not_found', { params: { code } });
  const [category, events, directory, photos] = await Promise.all([
    ctx.db.selectFrom('report_categories').selectAll().where('id', '=', row.category_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('report_events').selectAll().where('report_id', '=', row.id).where('is_public', '=', true).orderBy('at').orderBy('id').execute(),
    getAgencyDirectory(ctx),
    listReportPhotos(ctx, row.id, { onlyPublished: true }),
  ]);
  return {
    ...presentPublicReport(row, category, directory, new Date()),
    timeline: events.map((event) => ({
      at: event.at.toISOString(),
      type: event.type,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      details: event.details,
    })),
    photos: photos.map((photo) => ({
      id: photo.id,
      kind: photo.kind as 'before' | 'after',
      width: photo.width,
      height: photo.height,
      url: photoPath(row.code, photo.id),
      thumbnailUrl: `${photoPath(row.code, photo.id)}?size=thumb`,
    })),
  };
}

/** Open reports of the same category within NEARBY_RADIUS_METRES, nearest first, so a citizen can follow one instead. */
export async function findNearbyOpenReports(ctx: AppContext, categoryCode: string, point: { lat: number; lng: number }) {
  const category = await getActiveCategory(ctx, categoryCode);
  const rows = await repository.listOpenReportsInBox(ctx.db, category.id, boxAround(point, NEARBY_RADIUS_METRES));
  return rows
    .filter((row) => row.is_public)
    .map((row) => ({ row, distance: distanceMetres(point, { lng: row.location.x, lat: row.location.y }) }))
    .filter((entry) => entry.distance <= NEARBY_RADIUS_METRES)
    .sort((a, b) => a.distance - b.distance)
    .map(({ row, distance }) => ({
      code: row.code,
      description: row.description,
      status: row.status as 'submitted' | 'assigned' | 'in_progress',
      distanceMetres: Math.round(distance * 10) / 10,
      createdAt: row.created_at.toISOString(),
    }));
}

/** Follows a report (to be told of its changes instead of filing a duplicate). */
export async function followReport(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string): Promise<void> {
  const known = requireActor(actor);
  const report = await ctx.db.selectFrom('reports').select(['id', 'is_public']).where('code', '=', code).executeTakeFirst();
  if (!report || !report.is_public) throw new AppError('reports.not_found', { params: { code } });
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('report_followers')
      .values({ report_id: report.id, user_id: known.userId })
      .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await recordAudit(trx, audit, { action: 'report.follow', targetType: 'report', targetId: report.id });
    }
  });
}

/** The logged-in citizen's own reports, newest first. */
export async function listMyReports(ctx: AppContext, actor: Actor | null) {
  const known = requireActor(actor);
  const rows = await ctx.db.selectFrom('reports').selectAll().where('reporter_id', '=', known.userId).orderBy('created_at', 'desc').limit(200).execute();
  const [categories, directory] = await Promise.all([categoriesById(ctx), getAgencyDirectory(ctx)]);
  const now = new Date();
  return rows.flatMap((row) => {
    const category = categories.get(row.category_id);
    return category ? [presentPublicReport(row, category, directory, now)] : [];
  });
}

// ---------------------------------------------------------------- seeding

export interface SeedRoutingRule {
  categoryCode: string;
  areaCode: string | null;
  unitCode: string;
}

/** Creates the categories and routing rules that are missing (idempotent; used by the demo seed). */
export async function ensureCategoriesAndRules(ctx: AppContext, audit: AuditContext, categories: CategoryInput[], rules: SeedRoutingRule[]) {
  const created = { categories: 0, rules: 0 };
  // Agencies belong to their module: their ids come from its directory, read before the transaction.
  const units = new Map([...(await getAgencyDirectory(ctx)).byCode.values()].map((agency) => [agency.code, agency.id]));
  await ctx.db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('report_categories').select('code').execute()).map((row) => row.code));
    for (const input of categories) {
      if (existing.has(input.code)) continue;
      const row = await trx.insertInto('report_categories').values({ code: input.code, ...categoryValues(input) }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, audit, { action: 'report_category.create', targetType: 'report_category', targetId: row.id, after: presentCategory(row) });
      created.categories += 1;
    }
    const categoryIds = new Map((await trx.selectFrom('report_categories').select(['id', 'code']).execute()).map((row) => [row.code, row.id]));
    const present = new Set(
      (await trx.selectFrom('report_routing_rules').select(['category_id', 'area_code']).execute()).map((row) => `${row.category_id}|${row.area_code ?? ''}`),
    );
    for (const rule of rules) {
      const categoryId = categoryIds.get(rule.categoryCode);
      const unitId = units.get(rule.unitCode);
      if (!categoryId || !unitId) throw new Error(`seed: routing rule ${rule.categoryCode} → ${rule.unitCode} names an unknown category or unit`);
      if (present.has(`${categoryId}|${rule.areaCode ?? ''}`)) continue;
      const row = await trx
        .insertInto('report_routing_rules')
        .values({ category_id: categoryId, area_code: rule.areaCode, unit_id: unitId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: 'report_routing_rule.create',
        targetType: 'report_routing_rule',
        targetId: row.id,
        after: { ruleNo: row.rule_no, category: rule.categoryCode, area: rule.areaCode, unit: rule.unitCode },
      });
      created.rules += 1;
    }
  });
  return created;
}
