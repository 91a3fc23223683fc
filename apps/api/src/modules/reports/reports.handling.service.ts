/**
 * Handling reports: IOC triage, the units' work (take, transfer, extensions, answers with after-photos) and the
 * reporter's confirmation, reopening and rating. Every command goes through the pure state machine; the
 * new state, the timeline event and the audit row are written in one transaction with the report row locked.
 */
import type { ReportAction } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { isWithinPath } from '../../core/auth/actor.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { findUserContacts, listUserGrants, listUsersWithRoleUnder } from '../identity/index.ts';
import { addWorkingDays, getWorkingCalendar, localDateTime } from '../calendar/index.ts';
import { actorKindsFor, canSeeReporter, canViewQueue } from './reports.policy.ts';
import { attachPhotos, checkPhotosUsable } from './reports.photos.service.ts';
import * as repository from './reports.repository.ts';
import type { ReportRow } from './reports.repository.ts';
import { alertStaff, noticeFollowers, staffToAlert } from './reports.notices.ts';
import { OPEN_REPORT_STATUSES, transition, type ActorKind, type ReportCommand, type ReportState, type TransitionError } from './workflow/report-workflow.ts';


// Internal steps stay off the public timeline: who took it and the deadline negotiations.
const INTERNAL_EVENTS = new Set(['take', 'request_extension', 'decide_extension']);

function stateOf(row: ReportRow): ReportState {
  return {
    status: row.status as ReportState['status'],
    unitId: row.unit_id,
    officerId: row.officer_id,
    dueAt: row.due_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    pendingExtension: row.pending_extension,
    reopenCount: row.reopen_count,
    mergedInto: row.merged_into,
  };
}

const INVALID_INPUT = new Set<TransitionError>(['reason_required', 'answer_required', 'after_photo_required', 'same_unit', 'merge_into_self', 'extension_not_later']);

/** Maps a refusal of the state machine to our errors: 403 for who, 400 for what was sent, 409 for the report's state. */
function refuse(error: TransitionError): never {
  if (error === 'not_allowed') throw new AppError('auth.forbidden');
  const reason = { vi: REFUSAL_TEXT[error].vi, en: REFUSAL_TEXT[error].en };
  throw new AppError(INVALID_INPUT.has(error) ? 'reports.action_invalid' : 'reports.action_refused', { params: { reason } });
}

const REFUSAL_TEXT: Record<TransitionError, { vi: string; en: string }> = {
  invalid_transition: { vi: 'trạng thái hiện tại không cho phép thao tác này', en: 'the current status does not allow this' },
  not_allowed: { vi: 'bạn không có quyền thực hiện thao tác này với phản ánh', en: 'you may not do this to the report' },
  reason_required: { vi: 'cần nêu lý do', en: 'a reason is required' },
  answer_required: { vi: 'cần có nội dung trả lời công khai', en: 'a public answer is required' },
  after_photo_required: { vi: 'cần ít nhất một ảnh sau khi xử lý', en: 'at least one after-photo is required' },
  same_unit: { vi: 'phản ánh đã ở đơn vị này', en: 'the report is already at this unit' },
  merge_into_self: { vi: 'không thể gộp phản ánh vào chính nó', en: 'a report cannot be merged into itself' },
  extension_pending: { vi: 'đang có một đề nghị gia hạn chờ duyệt', en: 'an extension request is already pending' },
  no_pending_extension: { vi: 'không có đề nghị gia hạn nào chờ duyệt', en: 'there is no pending extension request' },
  extension_not_later: { vi: 'hạn mới phải sau hạn hiện tại', en: 'the new deadline must be later than the current one' },
  reopen_window_closed: { vi: 'đã quá 7 ngày kể từ khi có kết quả xử lý', en: 'more than 7 days have passed since the answer' },
  close_too_early: { vi: 'chưa đủ 7 ngày kể từ khi có kết quả xử lý', en: '7 days have not yet passed since the answer' },
};

/** Applies one action to a report for the acting user; returns the new status. */
export async function actOnReport(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, action: ReportAction) {
  const known = requireActor(actor);
  const directory = await getAgencyDirectory(ctx);
  const unitOf = (unitCode: string) => {
    const unit = directory.byCode.get(unitCode);
    if (!unit) throw new AppError('reports.unit_not_found', { params: { code: unitCode }, fields: [{ field: 'unitCode', message: 'unknown' }] });
    return unit;
  };
  if (action.type === 'resolve') await checkPhotosUsable(ctx, known.userId, action.photoIds ?? [], 'after');
  // Everything read through ctx.db is read before the transaction: the embedded database has one connection,
  // and a query outside an open transaction would wait for that transaction forever.
  const calendar = action.type === 'request_extension' ? await getWorkingCalendar(ctx) : null;
  const otherOfficerGrants = action.type === 'take' && action.officerId && action.officerId !== known.userId ? await listUserGrants(ctx, action.officerId) : null;
  const now = new Date();

  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reports').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('reports.not_found', { params: { code } });
    const category = await trx.selectFrom('report_categories').select(['is_after_photo_required']).where('id', '=', row.category_id).executeTakeFirstOrThrow();
    const unitPath = row.unit_id ? (directory.byId.get(row.unit_id)?.path ?? null) : null;
    const kinds = actorKindsFor(known, { reporterId: row.reporter_id, unitPath });
    if (kinds.length === 0) throw new AppError('auth.forbidden');
    const state = stateOf(row);

    let command: ReportCommand;
    switch (action.type) {
      case 'accept':
        command = { type: 'accept', unitId: unitOf(action.unitCode).id, dueAt: state.dueAt ?? now.toISOString() };
        break;
      case 'transfer':
        command = { type: 'transfer', unitId: unitOf(action.unitCode).id, reason: action.reason, dueAt: state.dueAt ?? now.toISOString() };
        break;
      case 'merge': {
        const target = await trx.selectFrom('reports').select(['id', 'status']).where('code', '=', action.intoCode).executeTakeFirst();
        if (!target) throw new AppError('reports.not_found', { params: { code: action.intoCode } });
        command = { type: 'merge', intoReportId: target.id };
        break;
      }
      case 'take':
        command = { type: 'take', officerId: action.officerId ?? known.userId };
        break;
      case 'request_extension': {
        if (!calendar) throw new Error('calendar not loaded');
        const dueDate = localDateTime(row.due_at, ctx.config.officeHours.timeZone).date;
        const proposed = addWorkingDays(calendar, dueDate, action.workingDays);
        const endOfDay = new Date(row.due_at.getTime() + (Date.parse(`${proposed}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)));
        command = { type: 'request_extension', requestedBy: known.userId, proposedDueAt: endOfDay.toISOString(), reason: action.reason };
        break;
      }
      case 'resolve':
        command = { type: 'resolve', answer: action.answer, afterPhotoCount: new Set(action.photoIds ?? []).size };
        break;
      default:
        command = action;
    }

    // Try the most specific role first; a "not allowed" for one role may be allowed for the next.
    let result = transition(state, command, { actor: kinds[0] as ActorKind, now: now.toISOString(), reportId: row.id, afterPhotoRequired: category.is_after_photo_required });
    for (const kind of kinds.slice(1)) {
      if (result.ok || result.error !== 'not_allowed') break;
      result = transition(state, command, { actor: kind, now: now.toISOString(), reportId: row.id, afterPhotoRequired: category.is_after_photo_required });
    }
    if (!result.ok) refuse(result.error);
    // An officer takes a report for himself only; a lead may hand it to an officer of the unit.
    if (command.type === 'take' && result.event.actor === 'unit_officer' && command.officerId !== known.userId) refuse('not_allowed');
    if (command.type === 'take' && command.officerId !== known.userId) {
      const grants = otherOfficerGrants ?? [];
      const inUnit = grants.some((grant) => grant.role === 'officer' && grant.agencyPath !== null && unitPath !== null && isWithinPath(grant.agencyPath, unitPath));
      if (!inUnit) throw new AppError('http.validation_failed', { fields: [{ field: 'officerId', message: 'not an officer of this unit' }] });
    }

    const next = result.state;
    const updated = await trx
      .updateTable('reports')
      .set({
        status: next.status,
        unit_id: next.unitId,
        officer_id: next.officerId,
        due_at: next.dueAt ?? row.due_at,
        pending_extension: next.pendingExtension ? JSON.stringify(next.pendingExtension) : null,
        resolved_at: next.resolvedAt,
        closed_at: next.status === 'closed' ? now : row.closed_at,
        answer: command.type === 'resolve' ? command.answer.normalize('NFC').trim() : row.answer,
        reopen_count: next.reopenCount,
        merged_into: next.mergedInto,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (action.type === 'resolve') await attachPhotos(trx, known.userId, row.id, action.photoIds ?? [], 'after');
    const details = { ...result.event.details };
    // The timeline speaks in public codes, never internal ids.
    if (action.type === 'merge') {
      delete details.intoReportId;
      details.intoCode = action.intoCode;
    }
    for (const key of ['unitId', 'fromUnitId']) {
      const id = details[key];
      if (typeof id === 'string') details[key.replace('Id', 'Code')] = directory.byId.get(id)?.code ?? id;
    }
    await trx
      .insertInto('report_events')
      .values({
        report_id: row.id,
        at: now,
        type: result.event.type,
        from_status: result.event.from,
        to_status: result.event.to,
        actor_id: known.userId,
        actor_kind: result.event.actor,
        details: JSON.stringify(details),
        is_public: !INTERNAL_EVENTS.has(result.event.type),
      })
      .execute();
    if (!INTERNAL_EVENTS.has(result.event.type)) await noticeFollowers(trx, { id: row.id, code }, result.event.type, known.userId);
    await recordAudit(trx, audit, {
      action: `report.${result.event.type}`,
      targetType: 'report',
      targetId: row.id,
      before: { status: row.status, unitId: row.unit_id, officerId: row.officer_id, dueAt: row.due_at.toISOString() },
      after: { status: updated.status, unitId: updated.unit_id, officerId: updated.officer_id, dueAt: updated.due_at.toISOString() },
      details: { code, actorKind: result.event.actor },
    });
    return { code, status: updated.status, dueAt: updated.due_at.toISOString() };
  });
}

/** The reporter rates the answer (1–5, optional comment) once the report is resolved or closed. */
export async function rateReport(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, input: { rating: number; comment?: string }) {
  const known = requireActor(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reports').select(['id', 'reporter_id', 'status', 'rating']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('reports.not_found', { params: { code } });
    if (row.reporter_id !== known.userId) throw new AppError('auth.forbidden');
    if (row.status !== 'resolved' && row.status !== 'closed') refuse('invalid_transition');
    await trx.updateTable('reports').set({ rating: input.rating, rating_comment: input.comment?.normalize('NFC').trim() || null, updated_at: new Date() }).where('id', '=', row.id).execute();
    await trx
      .insertInto('report_events')
      .values({ report_id: row.id, type: 'rate', from_status: row.status, to_status: row.status, actor_id: known.userId, actor_kind: 'reporter', details: JSON.stringify({ rating: input.rating }) })
      .execute();
    await recordAudit(trx, audit, { action: 'report.rate', targetType: 'report', targetId: row.id, before: { rating: row.rating }, after: { rating: input.rating } });
  });
}

/** An IOC operator reveals the reporter to the handling unit, with a reason (audited). */
export async function revealReporter(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, reason: string) {
  const known = requireActor(actor);
  if (!actorKindsFor(known, { reporterId: '', unitPath: null }).includes('ioc')) throw new AppError('auth.forbidden');
  if (reason.trim().length < 5) refuse('reason_required');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reports').select(['id', 'reporter_revealed_at']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('reports.not_found', { params: { code } });
    await trx.updateTable('reports').set({ reporter_revealed_at: new Date(), reporter_revealed_by: known.userId, reporter_revealed_reason: reason.trim() }).where('id', '=', row.id).execute();
    await recordAudit(trx, audit, { action: 'report.reveal_reporter', targetType: 'report', targetId: row.id, details: { reason: reason.trim() } });
  });
}

/** A staff queue: one unit's reports (or, for IOC, the triage queue or every unit), soonest deadline first. */
export async function listQueue(
  ctx: AppContext,
  actor: Actor | null,
  filter: { unitCode?: string; triage?: boolean; statuses?: string[]; categoryCode?: string; areaCode?: string; officerId?: string; overdueOnly?: boolean; limit: number; offset: number },
) {
  const known = requireActor(actor);
  const directory = await getAgencyDirectory(ctx);
  const unit = filter.unitCode ? directory.byCode.get(filter.unitCode) : undefined;
  if (filter.unitCode && !unit) throw new AppError('reports.unit_not_found', { params: { code: filter.unitCode } });
  if (filter.triage ? !canViewQueue(known, null) || !actorKindsFor(known, { reporterId: '', unitPath: null }).includes('ioc') : !canViewQueue(known, unit?.path ?? null)) {
    throw new AppError('auth.forbidden');
  }
  const statuses = filter.statuses?.length ? filter.statuses : ['submitted', 'assigned', 'in_progress', 'resolved'];
  const page = await repository.listQueue(
    ctx.db,
    {
      unitIds: filter.triage ? undefined : unit ? [...directory.byId.values()].filter((a) => a.path === unit.path || a.path.startsWith(`${unit.path}.`)).map((a) => a.id) : undefined,
      statuses: filter.triage ? statuses.filter((status) => status === 'submitted') : statuses,
      categoryCode: filter.categoryCode,
      areaCode: filter.areaCode,
      officerId: filter.officerId,
      overdueBefore: filter.overdueOnly ? new Date() : undefined,
    },
    { limit: filter.limit, offset: filter.offset },
  );
  const rows = page.rows;
  const now = Date.now();
  const visible = rows.filter((row) => canSeeReporter(known, { unitPath: row.unit_id ? (directory.byId.get(row.unit_id)?.path ?? null) : null, isRevealed: row.reporter_revealed_at !== null }));
  const contacts = await findUserContacts(ctx, visible.map((row) => row.reporter_id));
  const items = rows.map((row) => {
    const unitEntry = row.unit_id ? directory.byId.get(row.unit_id) : undefined;
    const contact = visible.includes(row) ? contacts.get(row.reporter_id) : undefined;
    return {
      code: row.code,
      status: row.status,
      description: row.description,
      isUrgent: row.is_urgent,
      category: { code: row.category_code, nameVi: row.category_name_vi, nameEn: row.category_name_en },
      areaCode: row.area_code,
      unitCode: unitEntry?.code ?? null,
      officerId: row.officer_id,
      dueAt: row.due_at.toISOString(),
      secondsLeft: Math.round((row.due_at.getTime() - now) / 1000),
      isOverdue: OPEN_REPORT_STATUSES.includes(row.status) && row.due_at.getTime() < now,
      escalationLevel: row.escalation_level,
      pendingExtension: row.pending_extension,
      answers: row.answers,
      createdAt: row.created_at.toISOString(),
      reporter: contact ?? null,
      pendingPhotos: row.pending_photos,
    };
  });
  return { items, total: page.total, isTotalCapped: page.isTotalCapped };
}

const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'job:reports.sweep' };
/** After the deadline, escalate to the unit's leads; two days later, to the IOC. */
const IOC_ESCALATION_DELAY_MS = 2 * 24 * 3600_000;

/**
 * The periodic sweep: escalates overdue reports (lead first, then the IOC) and closes resolved reports the
 * reporter left unanswered for 7 days. Each report is handled in its own transaction with its row locked,
 * so instances running the job together never escalate twice.
 */
export async function sweepReports(ctx: AppContext, now = new Date()): Promise<{ escalated: number; closed: number }> {
  const directory = await getAgencyDirectory(ctx);
  let escalated = 0;
  let closed = 0;
  const overdue = await ctx.db
    .selectFrom('reports')
    .select(['id', 'unit_id', 'escalation_level'])
    .where('status', 'in', OPEN_REPORT_STATUSES)
    .where((eb) =>
      eb.or([
        eb.and([eb('escalation_level', '=', 0), eb('due_at', '<', now)]),
        eb.and([eb('escalation_level', '=', 1), eb('due_at', '<', new Date(now.getTime() - IOC_ESCALATION_DELAY_MS))]),
      ]),
    )
    .limit(500)
    .execute();
  for (const candidate of overdue) {
    const { id } = candidate;
    const candidatePath = candidate.unit_id ? (directory.byId.get(candidate.unit_id)?.path ?? null) : null;
    const recipients = await staffToAlert(ctx, candidatePath, candidate.escalation_level === 0 ? 'overdue_lead' : 'overdue_ioc');
    await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (!row || !OPEN_REPORT_STATUSES.includes(row.status)) return;
      const level = row.escalation_level === 0 && row.due_at < now ? 1 : row.escalation_level === 1 && row.due_at.getTime() < now.getTime() - IOC_ESCALATION_DELAY_MS ? 2 : null;
      if (level === null) return;
      await trx.updateTable('reports').set({ escalation_level: level, updated_at: now }).where('id', '=', row.id).execute();
      await trx
        .insertInto('report_events')
        .values({ report_id: row.id, at: now, type: 'escalate', from_status: row.status, to_status: row.status, actor_id: null, actor_kind: 'system', details: JSON.stringify({ level, to: level === 1 ? 'unit_lead' : 'ioc', dueAt: row.due_at.toISOString() }) })
        .execute();
      // The recipients were looked up for the level seen before the lock; a report that changed meanwhile waits for the next sweep.
      if (level !== candidate.escalation_level + 1 || row.unit_id !== candidate.unit_id) return;
      await alertStaff(trx, { code: row.code }, recipients, level === 1 ? 'overdue_lead' : 'overdue_ioc');
      await noticeFollowers(trx, { id: row.id, code: row.code }, 'escalate', null);
      await recordAudit(trx, SYSTEM, { action: 'report.escalate', targetType: 'report', targetId: row.id, before: { escalationLevel: row.escalation_level }, after: { escalationLevel: level } });
      escalated += 1;
    });
  }
  const resolved = await ctx.db
    .selectFrom('reports')
    .select(['id'])
    .where('status', '=', 'resolved')
    .where('resolved_at', '<=', new Date(now.getTime() - 7 * 24 * 3600_000))
    .limit(500)
    .execute();
  for (const { id } of resolved) {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (!row) return;
      const category = await trx.selectFrom('report_categories').select('is_after_photo_required').where('id', '=', row.category_id).executeTakeFirstOrThrow();
      const result = transition(stateOf(row), { type: 'auto_close' }, { actor: 'system', now: now.toISOString(), reportId: row.id, afterPhotoRequired: category.is_after_photo_required });
      if (!result.ok) return;
      await trx.updateTable('reports').set({ status: 'closed', closed_at: now, updated_at: now }).where('id', '=', row.id).execute();
      await trx
        .insertInto('report_events')
        .values({ report_id: row.id, at: now, type: 'auto_close', from_status: 'resolved', to_status: 'closed', actor_id: null, actor_kind: 'system', details: JSON.stringify(result.event.details) })
        .execute();
      await noticeFollowers(trx, { id: row.id, code: row.code }, 'auto_close', null);
      await recordAudit(trx, SYSTEM, { action: 'report.auto_close', targetType: 'report', targetId: row.id, before: { status: 'resolved' }, after: { status: 'closed' } });
      closed += 1;
    });
  }
  return { escalated, closed };
}

/** Whether the actor is IOC staff or an officer or lead over the report's unit. */
export async function canStaffHandle(ctx: AppContext, actor: Actor | null, unitId: string | null): Promise<boolean> {
  if (!actor) return false;
  const unitPath = unitId ? ((await getAgencyDirectory(ctx)).byId.get(unitId)?.path ?? null) : null;
  const kinds = actorKindsFor(actor, { reporterId: '', unitPath });
  return kinds.includes('ioc') || kinds.includes('unit_officer') || kinds.includes('unit_lead');
}

/** Applies one action to several reports, each in its own transaction; says per report whether it worked. */
export async function actOnReports(ctx: AppContext, audit: AuditContext, actor: Actor | null, codes: string[], action: ReportAction) {
  requireActor(actor);
  const results: ({ code: string; ok: true; status: string } | { code: string; ok: false; error: { code: string; detail: string } })[] = [];
  for (const code of [...new Set(codes)]) {
    try {
      const result = await actOnReport(ctx, audit, actor, code, action);
      results.push({ code, ok: true, status: result.status });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const detail = error.params.reason;
      results.push({ code, ok: false, error: { code: error.code, detail: typeof detail === 'object' ? detail.en : String(detail ?? error.code) } });
    }
  }
  return results;
}

/** The officers of a unit (names only), for its leads and the IOC to hand reports to. */
export async function listUnitOfficers(ctx: AppContext, actor: Actor | null, unitCode: string) {
  const known = requireActor(actor);
  const unit = (await getAgencyDirectory(ctx)).byCode.get(unitCode);
  if (!unit) throw new AppError('reports.unit_not_found', { params: { code: unitCode } });
  const kinds = actorKindsFor(known, { reporterId: '', unitPath: unit.path });
  if (!kinds.includes('unit_lead') && !kinds.includes('ioc')) throw new AppError('auth.forbidden');
  const ids = await listUsersWithRoleUnder(ctx, ['officer'], unit.path);
  const contacts = await findUserContacts(ctx, ids);
  return ids
    .map((id) => ({ id, fullName: contacts.get(id)?.fullName ?? '' }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}
