/**
 * Dossier use cases: filing (citizens online, one-stop desks for paper dossiers), the lifecycle actions of staff and
 * citizens, the reads (list, detail, public look-up), the result download and the satisfaction survey.
 * Which action is allowed when and to whom is decided by workflow/dossier-workflow.ts; deadlines by
 * workflow/dossier-deadlines.ts; this file loads the facts, writes the outcome, audits and notifies.
 */
import { DOSSIER_STATUSES, type DossierAction, type DossierActionType, type DossierStatus, type SubmitDossierRequest, type SurveyRequest } from '@onecity/contracts';
import { sql, type Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB, DossierApplicant } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { findAgencyByCode, getAgencyDirectory, type AgencyName } from '../agencies/index.ts';
import { getWorkingCalendar, isWorkingDay, localDateTime, localIso } from '../calendar/index.ts';
import { findUserContacts, listUsersWithRoleOver, listUsersWithRoleUnder } from '../identity/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { compileForm, getProcedureRow, snapshotOf, stepAgencyCode } from './procedures.catalogue.ts';
import { prepareSignedDocument, storeDocument } from '../documents/index.ts';
import { apologyContent, resultContent } from './dossiers.documents.ts';
import { attachFiles, checkFilesUsable, getDossierFileContent, listDossierFiles, storeGeneratedFile } from './dossiers.files.ts';
import {
  presentEvent,
  presentFile,
  presentLookup,
  presentStep,
  presentSummary,
  presentSupplement,
  statusName,
  type DossierRow,
  type StepRow,
} from './procedures.presenter.ts';
import { computeAppointment, computeStepDues, type Appointment } from './workflow/dossier-deadlines.ts';
import { ACTION_TEXT, NOTICE_TEXT, STATUS_TEXT } from './workflow/dossier-texts.ts';
import { allowedActions, DossierRuleError, HANDLING_STATUSES, planAction, type Capacity, type DossierFacts } from './workflow/dossier-workflow.ts';

type Directory = Awaited<ReturnType<typeof getAgencyDirectory>>;

const STAFF_ROLES = ['officer', 'unit_lead', 'desk_officer'] as const;

// ---------------------------------------------------------------- loading and access

interface LoadedDossier {
  row: DossierRow;
  steps: StepRow[];
  directory: Directory;
}

function agencyOf(directory: Directory, id: string): AgencyName {
  const agency = directory.byId.get(id);
  if (!agency) throw new Error(`agency ${id} missing from the directory`);
  return agency;
}

async function loadDossier(ctx: AppContext, code: string): Promise<LoadedDossier> {
  const row = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('dossiers.not_found', { params: { code } });
  const steps = await ctx.db.selectFrom('dossier_steps').selectAll().where('dossier_id', '=', row.id).orderBy('step_index').execute();
  return { row, steps, directory: await getAgencyDirectory(ctx) };
}

/** Who may see a dossier and its personal data: its owner, staff with a step at their agencies, auditors and admins. */
function canSee(actor: Actor | null, loaded: LoadedDossier): boolean {
  if (!actor) return false;
  if (loaded.row.owner_user_id === actor.userId) return true;
  if (hasRole(actor, ['auditor', 'admin'])) return true;
  const paths = [loaded.row.agency_id, ...loaded.steps.map((step) => step.agency_id)].map((id) => agencyOf(loaded.directory, id).path);
  return paths.some((path) => hasRole(actor, STAFF_ROLES, path));
}

async function loadVisibleDossier(ctx: AppContext, actor: Actor | null, code: string): Promise<LoadedDossier> {
  const loaded = await loadDossier(ctx, code);
  // Someone who may not see a dossier learns nothing about it, not even that it exists.
  if (!canSee(actor, loaded)) throw new AppError('dossiers.not_found', { params: { code } });
  return loaded;
}

function currentStepOf(loaded: LoadedDossier): StepRow | null {
  const index = loaded.row.current_step;
  return index === null ? null : (loaded.steps.find((step) => step.step_index === index) ?? null);
}

function isOverdue(row: DossierRow, now: Date): boolean {
  return HANDLING_STATUSES.includes(statusName(row.status)) && now.getTime() > row.appointment_at.getTime();
}

function factsOf(loaded: LoadedDossier, now: Date): DossierFacts {
  const step = currentStepOf(loaded);
  const byIndex = (index: number) => loaded.steps.find((candidate) => candidate.step_index === index)?.kind ?? null;
  return {
    status: statusName(loaded.row.status),
    currentStep: step ? { index: step.step_index, kind: step.kind } : null,
    previousStepKind: step ? byIndex(step.step_index - 1) : null,
    nextStepKind: step ? byIndex(step.step_index + 1) : null,
    isFeeOutstanding: loaded.row.fee_total > 0 && loaded.row.fee_paid_at === null,
    isOverdue: isOverdue(loaded.row, now),
  };
}

function capacityOf(actor: Actor | null, loaded: LoadedDossier): Capacity {
  if (!actor) return { isOwner: false, holdsCurrentStep: false, leadsCurrentStep: false, isDesk: false };
  const step = currentStepOf(loaded);
  const stepPath = step ? agencyOf(loaded.directory, step.agency_id).path : null;
  const leads = stepPath !== null && hasRole(actor, ['unit_lead'], stepPath);
  // A step assigned to a named officer is theirs (and their leads'); an unassigned one belongs to everyone with the role.
  const holds = step !== null && stepPath !== null && hasRole(actor, [step.role], stepPath) && (step.assignee_id === null || step.assignee_id === actor.userId || leads);
  const reception = loaded.steps[0];
  const deskPath = reception ? agencyOf(loaded.directory, reception.agency_id).path : null;
  return {
    isOwner: loaded.row.owner_user_id === actor.userId,
    holdsCurrentStep: holds,
    leadsCurrentStep: leads,
    isDesk: deskPath !== null && hasRole(actor, ['desk_officer'], deskPath),
  };
}

function ruleError(error: unknown, action: DossierActionType, status: DossierStatus): never {
  if (error instanceof DossierRuleError) {
    if (error.code === 'dossiers.action_not_allowed') throw new AppError(error.code, { params: { action: ACTION_TEXT[action], status: STATUS_TEXT[status] } });
    throw new AppError(error.code);
  }
  throw error;
}

// ---------------------------------------------------------------- filing

function formProblems(schema: Record<string, unknown>, data: Record<string, unknown>, field: string): AppError | null {
  const validate = compileForm(schema);
  if (validate(data)) return null;
  return new AppError('dossiers.invalid_form', { validation: { errors: validate.errors ?? [], context: field } });
}

async function nextDossierCode(trx: Transaction<DB>, prefix: string, submittedAt: Date, timeZone: string): Promise<string> {
  const day = localDateTime(submittedAt, timeZone).date;
  // One row per agency and day, incremented under its row lock: concurrent filings never share a number.
  const row = await trx
    .insertInto('dossier_code_sequences')
    .values({ prefix, day, last_value: 1 })
    .onConflict((conflict) => conflict.columns(['prefix', 'day']).doUpdateSet({ last_value: sql`dossier_code_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${prefix}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(row.last_value).padStart(4, '0')}`;
}

async function recordEvent(
  trx: Transaction<DB>,
  dossierId: string,
  entry: { actorId: string | null; agencyId: string | null; action: string; status: number; note?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('dossier_events')
    .values({ dossier_id: dossierId, actor_id: entry.actorId, agency_id: entry.agencyId, action: entry.action, status: entry.status, note: entry.note ?? null, data: JSON.stringify(entry.data ?? {}) })
    .execute();
}

async function noticeOwner(trx: Transaction<DB>, row: Pick<DossierRow, 'owner_user_id' | 'code'>, action: keyof typeof NOTICE_TEXT, exceptUserId: string | null): Promise<void> {
  const text = NOTICE_TEXT[action];
  if (!text || !row.owner_user_id || row.owner_user_id === exceptUserId) return;
  await notifyUsers(trx, [row.owner_user_id], {
    kind: `dossier.${action}`,
    titleVi: `Hồ sơ ${row.code}`,
    titleEn: `Dossier ${row.code}`,
    bodyVi: `Hồ sơ ${row.code} ${text.vi}.`,
    bodyEn: `Dossier ${row.code} ${text.en}.`,
    link: `/dossiers/${row.code}`,
  });
}

/** Files a dossier: online by a citizen, or in person by a one-stop desk officer receiving a paper dossier. */
export async function submitDossier(ctx: AppContext, audit: AuditContext, actor: Actor | null, request: SubmitDossierRequest) {
  const filer = requireActor(actor);
  const channel = request.channel ?? 'online';
  const procedure = await getProcedureRow(ctx, actor, request.procedureCode);
  if (!procedure.is_active) throw new AppError('procedures.not_found', { params: { code: request.procedureCode } });
  const directory = await getAgencyDirectory(ctx);

  let implementing: AgencyName;
  if (procedure.level === 'department') {
    implementing = agencyOf(directory, procedure.agency_id ?? '');
  } else {
    const ward = request.agencyCode ? await findAgencyByCode(ctx.db, request.agencyCode) : undefined;
    if (!ward || (ward.kind !== 'ward' && ward.kind !== 'commune')) throw new AppError('dossiers.agency_required', { fields: [{ field: 'agencyCode', message: 'a ward or commune code' }] });
    implementing = agencyOf(directory, ward.id);
  }
  const snapshot = snapshotOf(procedure);
  const stepAgencies = snapshot.workflow.map((step) => {
    const agency = directory.byCode.get(stepAgencyCode(step.agency, procedure.level, implementing.code));
    if (!agency) throw new AppError('procedures.invalid_definition', { params: { reason: `step ${step.code} has no agency at ${implementing.code}` } });
    return agency;
  });
  const desk = stepAgencies[0] as AgencyName;
  if (channel !== 'online' && !hasRole(filer, ['desk_officer'], desk.path)) {
    // Only the receiving desk records a paper dossier; citizens always file online.
    throw new AppError('auth.forbidden');
  }

  const formError = formProblems(snapshot.formSchema, request.formData, 'formData');
  if (formError) throw formError;
  const knownCodes = new Set(snapshot.components.map((component) => component.code));
  const reusableCodes = new Set(snapshot.components.filter((component) => component.isReusable).map((component) => component.code));
  const reused = await checkFilesUsable(ctx, filer.userId, request.components, knownCodes, reusableCodes);
  const given = new Set(request.components.filter((component) => component.fileIds.length > 0).map((component) => component.componentCode));
  const missing = snapshot.components.filter((component) => component.isRequired && !given.has(component.code));
  if (missing.length > 0) {
    throw new AppError('dossiers.missing_components', {
      params: { components: missing.map((component) => component.nameVi).join('; ') },
      fields: missing.map((component) => ({ field: `components.${component.code}`, message: 'required' })),
    });
  }

  const calendar = await getWorkingCalendar(ctx);
  const now = new Date();
  const appointment = computeAppointment(calendar, now, snapshot.processingTime, ctx.config.officeHours);
  const stepDues = computeStepDues(calendar, now, snapshot.processingTime, snapshot.workflow.map((step) => step.share), ctx.config.officeHours);
  const feeTotal = snapshot.fees.reduce((sum, fee) => sum + fee.amount, 0);
  const receivedAtDesk = channel !== 'online';
  // A paper dossier is checked on the spot at the desk: it starts accepted (or waiting for its fee).
  const status = receivedAtDesk ? (feeTotal > 0 ? DOSSIER_STATUSES.fee_due : DOSSIER_STATUSES.accepted) : DOSSIER_STATUSES.new;
  const deskOfficers = receivedAtDesk ? [] : await listUsersWithRoleUnder(ctx, ['desk_officer'], desk.path);
  const applicant: DossierApplicant = { ...request.applicant, fullName: request.applicant.fullName.normalize('NFC'), address: request.applicant.address.normalize('NFC') };

  const code = await ctx.db.transaction().execute(async (trx) => {
    const dossierCode = await nextDossierCode(trx, implementing.code, now, ctx.config.officeHours.timeZone);
    const dossier = await trx
      .insertInto('dossiers')
      .values({
        code: dossierCode,
        procedure_id: procedure.id,
        procedure_snapshot: JSON.stringify(snapshot),
        agency_id: implementing.id,
        owner_user_id: receivedAtDesk ? null : filer.userId,
        received_by: receivedAtDesk ? filer.userId : null,
        channel,
        delivery_method: request.deliveryMethod,
        status,
        applicant: JSON.stringify(applicant),
        form_data: JSON.stringify(request.formData),
        fee_total: feeTotal,
        submitted_at: now,
        received_on: appointment.receivedOn,
        accepted_at: receivedAtDesk ? now : null,
        appointment_date: appointment.dueDate,
        appointment_at: appointment.dueAt,
        original_appointment_date: appointment.dueDate,
        legal_due_at: appointment.dueAt,
        current_step: receivedAtDesk ? 1 : 0,
      })
      .returning(['id', 'code', 'owner_user_id'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('dossier_steps')
      .values(
        snapshot.workflow.map((step, index) => ({
          dossier_id: dossier.id,
          step_index: index,
          code: step.code,
          kind: step.kind,
          name_vi: step.nameVi,
          name_en: step.nameEn,
          role: step.role,
          agency_id: (stepAgencies[index] as AgencyName).id,
          assignee_id: receivedAtDesk && index === 0 ? filer.userId : null,
          started_at: index === 0 || (receivedAtDesk && index === 1) ? now : null,
          due_at: stepDues[index] as Date,
          finished_at: receivedAtDesk && index === 0 ? now : null,
          finished_by: receivedAtDesk && index === 0 ? filer.userId : null,
        })),
      )
      .execute();
    await attachFiles(trx, filer.userId, dossier.id, request.components, reused);
    await recordEvent(trx, dossier.id, { actorId: filer.userId, agencyId: receivedAtDesk ? desk.id : null, action: receivedAtDesk ? 'receive' : 'submit', status, data: { channel } });
    await recordAudit(trx, audit, {
      action: receivedAtDesk ? 'dossier.receive' : 'dossier.submit',
      targetType: 'dossier',
      targetId: dossier.code,
      after: { procedure: snapshot.code, agency: implementing.code, channel, status, appointmentDate: appointment.dueDate, files: request.components.reduce((sum, c) => sum + c.fileIds.length, 0) },
    });
    await noticeOwner(trx, dossier, 'submit', null);
    if (deskOfficers.length > 0) {
      await notifyUsers(trx, deskOfficers, {
        kind: 'dossier.intake',
        titleVi: `Hồ sơ mới ${dossier.code}`,
        titleEn: `New dossier ${dossier.code}`,
        bodyVi: `Hồ sơ ${dossier.code} (${snapshot.nameVi}) chờ tiếp nhận.`,
        bodyEn: `Dossier ${dossier.code} (${snapshot.nameEn}) is waiting for intake.`,
        link: `/console/dossiers/${dossier.code}`,
      });
    }
    return dossier.code;
  });
  return getDossierDetail(ctx, actor, code);
}

// ---------------------------------------------------------------- lifecycle actions

interface Prepared {
  /** Extra work inside the transaction, after the status and step are written. */
  apply?: (trx: Transaction<DB>, dossierId: string) => Promise<void>;
  /** Columns of the dossier to change besides status and step. */
  set?: Record<string, unknown>;
  note?: string | null;
  data?: Record<string, unknown>;
}

async function actorName(ctx: AppContext, userId: string): Promise<string> {
  return (await findUserContacts(ctx, [userId])).get(userId)?.fullName ?? '';
}

function todayLocal(ctx: AppContext, now: Date): string {
  return localDateTime(now, ctx.config.officeHours.timeZone).date;
}

async function recomputedDeadlines(ctx: AppContext, loaded: LoadedDossier, now: Date): Promise<{ appointment: Appointment; dues: Date[] }> {
  const calendar = await getWorkingCalendar(ctx);
  const snapshot = loaded.row.procedure_snapshot;
  return {
    appointment: computeAppointment(calendar, now, snapshot.processingTime, ctx.config.officeHours),
    dues: computeStepDues(calendar, now, snapshot.processingTime, snapshot.workflow.map((step) => step.share), ctx.config.officeHours),
  };
}

/** Checks an action's details and prepares what it writes (reads and PDF rendering happen before the transaction). */
async function prepareAction(ctx: AppContext, audit: AuditContext, actor: Actor, loaded: LoadedDossier, action: DossierAction, now: Date): Promise<Prepared> {
  const { row } = loaded;
  const step = currentStepOf(loaded);
  const snapshot = row.procedure_snapshot;
  switch (action.type) {
    case 'accept':
      return { note: action.note ?? null, set: { accepted_at: now } };
    case 'reject':
      return { note: action.reason, set: { closed_at: now } };
    case 'assign': {
      if (!step) throw new AppError('dossiers.invalid_action', { params: { reason: 'no current step' } });
      const eligible = await listUsersWithRoleOver(ctx, [step.role], agencyOf(loaded.directory, step.agency_id).path);
      if (!eligible.includes(action.officerId)) {
        throw new AppError('dossiers.invalid_action', { params: { reason: { vi: 'cán bộ này không xử lý được bước hiện tại', en: 'this officer cannot take the current step' } }, fields: [{ field: 'officerId', message: 'not eligible' }] });
      }
      return {
        data: { officerId: action.officerId },
        apply: async (trx) => {
          await trx.updateTable('dossier_steps').set({ assignee_id: action.officerId }).where('id', '=', step.id).execute();
        },
      };
    }
    case 'forward':
      return { note: action.note ?? null };
    case 'send_back':
      return { note: action.reason };
    case 'transfer': {
      if (!step) throw new AppError('dossiers.invalid_action', { params: { reason: 'no current step' } });
      const target = loaded.directory.byCode.get(action.agencyCode);
      if (!target || target.id === step.agency_id) {
        throw new AppError('dossiers.invalid_action', { params: { reason: { vi: 'cơ quan nhận không hợp lệ', en: 'the receiving agency is not valid' } }, fields: [{ field: 'agencyCode', message: 'unknown or the same agency' }] });
      }
      return {
        note: action.reason,
        data: { from: agencyOf(loaded.directory, step.agency_id).code, to: target.code },
        apply: async (trx) => {
          await trx.updateTable('dossier_steps').set({ agency_id: target.id, assignee_id: null }).where('id', '=', step.id).execute();
        },
      };
    }
    case 'request_supplement': {
      const known = new Set(snapshot.components.map((component) => component.code));
      for (const [index, item] of action.items.entries()) {
        if (item.componentCode !== null && !known.has(item.componentCode)) {
          throw new AppError('http.validation_failed', { fields: [{ field: `items.${index}.componentCode`, message: 'not a component of this procedure' }] });
        }
      }
      const items = action.items.map((item) => ({ componentCode: item.componentCode, text: item.text.normalize('NFC') }));
      return {
        note: action.note ?? null,
        data: { items, count: row.supplement_count + 1 },
        set: { supplement_count: row.supplement_count + 1, status_before_supplement: row.status },
        apply: async (trx, dossierId) => {
          await trx
            .insertInto('dossier_supplements')
            .values({ dossier_id: dossierId, requested_by: actor.userId, items: JSON.stringify(items), note: action.note ?? null, previous_appointment_date: row.appointment_date })
            .execute();
        },
      };
    }
    case 'complete_supplement': {
      const known = new Set(snapshot.components.map((component) => component.code));
      const reusable = new Set(snapshot.components.filter((component) => component.isReusable).map((component) => component.code));
      const reused = await checkFilesUsable(ctx, actor.userId, action.components, known, reusable);
      if (action.formData) {
        const formError = formProblems(snapshot.formSchema, action.formData, 'formData');
        if (formError) throw formError;
      }
      if (action.components.length === 0 && !action.formData) {
        throw new AppError('http.validation_failed', { fields: [{ field: 'components', message: 'give the requested documents or corrected answers' }] });
      }
      // The law restarts the clock: the appointment is computed again from the day the dossier is complete.
      const { appointment, dues } = await recomputedDeadlines(ctx, loaded, now);
      const replaced = action.components.map((component) => component.componentCode);
      return {
        note: action.note ?? null,
        data: { components: replaced, newAppointmentDate: appointment.dueDate },
        set: {
          status_before_supplement: null,
          appointment_date: appointment.dueDate,
          appointment_at: appointment.dueAt,
          legal_due_at: appointment.dueAt,
          received_on: appointment.receivedOn,
          ...(action.formData ? { form_data: JSON.stringify(action.formData) } : {}),
        },
        apply: async (trx, dossierId) => {
          if (replaced.length > 0) {
            await trx.updateTable('dossier_files').set({ is_superseded: true }).where('dossier_id', '=', dossierId).where('kind', '=', 'component').where('component_code', 'in', replaced).execute();
          }
          await attachFiles(trx, actor.userId, dossierId, action.components, reused);
          await trx
            .updateTable('dossier_supplements')
            .set({ completed_at: now, new_appointment_date: appointment.dueDate })
            .where('dossier_id', '=', dossierId)
            .where('completed_at', 'is', null)
            .execute();
          for (const pending of loaded.steps.filter((candidate) => candidate.finished_at === null)) {
            await trx.updateTable('dossier_steps').set({ due_at: dues[pending.step_index] as Date }).where('id', '=', pending.id).execute();
          }
        },
      };
    }
    case 'record_payment':
      return { note: action.reference, data: { reference: action.reference, amount: row.fee_total }, set: { fee_paid_at: now, fee_paid_via: 'desk', fee_reference: action.reference } };
    case 'approve': {
      const signerName = await actorName(ctx, actor.userId);
      const content = resultContent({ snapshot, formData: row.form_data, applicant: row.applicant, dossierCode: row.code, agency: agencyOf(loaded.directory, row.agency_id), issuedOn: todayLocal(ctx, now) });
      const document = await prepareSignedDocument(ctx, { kind: 'result', agencyId: row.agency_id, ownerUserId: row.owner_user_id, dossierCode: row.code, signerUserId: actor.userId, signerName, issuedAt: now, content });
      // Decision 766: late when finished after the legal deadline, or after more than one supplement request.
      const isLate = now.getTime() > row.legal_due_at.getTime() || row.supplement_count > 1;
      return {
        note: action.note ?? null,
        data: { isLate, documentId: document.id, signatures: document.signatureCount },
        set: { finished_at: now, is_late: isLate, has_electronic_result: snapshot.resultType !== 'paper' },
        apply: async (trx, dossierId) => {
          await storeDocument(trx, audit, document);
          await storeGeneratedFile(trx, dossierId, 'result', `ket-qua-${row.code}.pdf`, document.pdf);
        },
      };
    }
    case 'issue_apology': {
      const calendar = await getWorkingCalendar(ctx);
      const today = todayLocal(ctx, now);
      if (action.newAppointmentDate <= today || !isWorkingDay(calendar, action.newAppointmentDate)) {
        throw new AppError('dossiers.invalid_action', {
          params: { reason: { vi: 'ngày hẹn mới phải là một ngày làm việc sau hôm nay', en: 'the new appointment must be a working day after today' } },
          fields: [{ field: 'newAppointmentDate', message: 'a working day after today' }],
        });
      }
      const newDueAt = new Date(localIso(action.newAppointmentDate, ctx.config.officeHours.endMinute, ctx.config.officeHours.timeZone));
      const content = apologyContent({
        dossierCode: row.code,
        procedureNameVi: snapshot.nameVi,
        applicant: row.applicant,
        agency: agencyOf(loaded.directory, row.agency_id),
        receivedOn: row.received_on,
        previousAppointmentDate: row.appointment_date,
        newAppointmentDate: action.newAppointmentDate,
        reason: action.reason,
        sequence: row.apology_count + 1,
      });
      const letter = await prepareSignedDocument(ctx, { kind: 'apology', agencyId: row.agency_id, ownerUserId: row.owner_user_id, dossierCode: row.code, signerUserId: actor.userId, signerName: await actorName(ctx, actor.userId), issuedAt: now, content });
      return {
        note: action.reason,
        data: { previousAppointmentDate: row.appointment_date, newAppointmentDate: action.newAppointmentDate, documentId: letter.id },
        set: { appointment_date: action.newAppointmentDate, appointment_at: newDueAt, apology_count: row.apology_count + 1, last_apology_at: now },
        apply: async (trx, dossierId) => {
          await storeDocument(trx, audit, letter);
          await storeGeneratedFile(trx, dossierId, 'apology', `thu-xin-loi-${row.code}-${row.apology_count + 1}.pdf`, letter.pdf);
          await trx.updateTable('dossier_steps').set({ due_at: newDueAt }).where('dossier_id', '=', dossierId).where('finished_at', 'is', null).where('due_at', '<', newDueAt).execute();
        },
      };
    }
    case 'deliver':
      return { note: action.note ?? null, set: { delivered_at: now } };
    case 'stop':
      return { note: action.reason, set: { closed_at: now } };
    case 'withdraw':
      return { note: action.reason, set: { closed_at: now } };
  }
}

/** Moves the workflow step pointer inside the transaction. */
async function moveStep(trx: Transaction<DB>, loaded: LoadedDossier, move: 'stay' | 'next' | 'previous' | 'close', actorId: string, note: string | null, now: Date): Promise<number | null> {
  const step = currentStepOf(loaded);
  if (move === 'stay' || !step) return loaded.row.current_step;
  await trx.updateTable('dossier_steps').set({ finished_at: now, finished_by: actorId, note }).where('id', '=', step.id).execute();
  if (move === 'close') return null;
  const targetIndex = move === 'next' ? step.step_index + 1 : step.step_index - 1;
  const target = loaded.steps.find((candidate) => candidate.step_index === targetIndex);
  if (!target) return null;
  await trx.updateTable('dossier_steps').set({ started_at: now, finished_at: null, finished_by: null }).where('id', '=', target.id).execute();
  return targetIndex;
}

/** Takes one lifecycle action on a dossier (staff or its owner), audited, on its timeline and in the owner's inbox. */
export async function actOnDossier(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, action: DossierAction) {
  const caller = requireActor(actor);
  const loaded = await loadVisibleDossier(ctx, actor, code);
  const now = new Date();
  const status = statusName(loaded.row.status);
  let transition;
  try {
    transition = planAction(factsOf(loaded, now), capacityOf(caller, loaded), action.type);
  } catch (error) {
    ruleError(error, action.type, status);
  }
  const prepared = await prepareAction(ctx, audit, caller, loaded, action, now);
  const step = currentStepOf(loaded);
  const nextStatus = transition.status === 'restore' ? (loaded.row.status_before_supplement ?? DOSSIER_STATUSES.processing) : DOSSIER_STATUSES[transition.status];

  await ctx.db.transaction().execute(async (trx) => {
    // Someone else may have acted since the facts were read: the action applies only to the dossier as it was seen.
    const locked = await trx.selectFrom('dossiers').select(['status', 'current_step', 'updated_at']).where('id', '=', loaded.row.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== loaded.row.status || locked.current_step !== loaded.row.current_step || locked.updated_at.getTime() !== loaded.row.updated_at.getTime()) {
      throw new AppError('dossiers.action_not_allowed', { params: { action: ACTION_TEXT[action.type], status: STATUS_TEXT[statusName(locked.status)] } });
    }
    const currentStep = await moveStep(trx, loaded, transition.step, caller.userId, prepared.note ?? null, now);
    await trx
      .updateTable('dossiers')
      .set({ ...(prepared.set ?? {}), status: nextStatus, current_step: currentStep, updated_at: now })
      .where('id', '=', loaded.row.id)
      .execute();
    if (prepared.apply) await prepared.apply(trx, loaded.row.id);
    await recordEvent(trx, loaded.row.id, { actorId: caller.userId, agencyId: step?.agency_id ?? null, action: action.type, status: nextStatus, note: prepared.note ?? null, data: prepared.data });
    await recordAudit(trx, audit, {
      action: `dossier.${action.type}`,
      targetType: 'dossier',
      targetId: loaded.row.code,
      before: { status: loaded.row.status, step: loaded.row.current_step },
      after: { status: nextStatus, step: currentStep, ...(prepared.data ?? {}), ...(prepared.note ? { note: prepared.note } : {}) },
    });
    await noticeOwner(trx, loaded.row, action.type, caller.userId);
  });
  return getDossierDetail(ctx, actor, code);
}

/** Records a fee as paid online (for the payments capability): the dossier leaves "fee due", in the caller's transaction. */
export async function recordFeePaidOnline(trx: Transaction<DB>, audit: AuditContext, dossierCode: string, reference: string): Promise<void> {
  const row = await trx.selectFrom('dossiers').select(['id', 'code', 'status', 'owner_user_id', 'fee_paid_at']).where('code', '=', dossierCode).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('dossiers.not_found', { params: { code: dossierCode } });
  if (row.fee_paid_at !== null) return;
  const nextStatus = row.status === DOSSIER_STATUSES.fee_due ? DOSSIER_STATUSES.accepted : row.status;
  await trx.updateTable('dossiers').set({ fee_paid_at: new Date(), fee_paid_via: 'online', fee_reference: reference, status: nextStatus, updated_at: new Date() }).where('id', '=', row.id).execute();
  await recordEvent(trx, row.id, { actorId: null, agencyId: null, action: 'record_payment', status: nextStatus, note: reference, data: { via: 'online', reference } });
  await recordAudit(trx, audit, { action: 'dossier.fee_paid_online', targetType: 'dossier', targetId: row.code, before: { status: row.status }, after: { status: nextStatus, reference } });
  await noticeOwner(trx, row, 'record_payment', null);
}

// ---------------------------------------------------------------- reads

/** The full dossier for its owner or the staff handling it, with the actions the caller may take now. */
export async function getDossierDetail(ctx: AppContext, actor: Actor | null, code: string) {
  const loaded = await loadVisibleDossier(ctx, actor, code);
  const { row, steps, directory } = loaded;
  const now = new Date();
  const [files, events, supplements, survey] = await Promise.all([
    listDossierFiles(ctx, row.id),
    ctx.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', row.id).orderBy('id').execute(),
    ctx.db.selectFrom('dossier_supplements').selectAll().where('dossier_id', '=', row.id).orderBy('requested_at').execute(),
    ctx.db.selectFrom('dossier_surveys').selectAll().where('dossier_id', '=', row.id).executeTakeFirst(),
  ]);
  const names = await findUserContacts(ctx, [...steps.map((step) => step.assignee_id), ...events.map((event) => event.actor_id)].filter((id): id is string => id !== null));
  const nameOf = (id: string | null) => (id ? (names.get(id)?.fullName ?? null) : null);
  const current = currentStepOf(loaded);
  const overdue = isOverdue(row, now);
  const facts = factsOf(loaded, now);
  return {
    ...presentSummary(row, {
      agency: agencyOf(directory, row.agency_id),
      currentStep: current ? { ...current, agencyCode: agencyOf(directory, current.agency_id).code, assigneeName: nameOf(current.assignee_id) } : null,
      isOverdue: overdue,
    }),
    applicant: row.applicant,
    formData: row.form_data,
    formSchema: row.procedure_snapshot.formSchema,
    components: row.procedure_snapshot.components,
    files: files.filter((file) => !file.is_superseded).map(presentFile),
    steps: steps.map((step) => presentStep(step, agencyOf(directory, step.agency_id), nameOf(step.assignee_id))),
    timeline: events.map((event) => presentEvent(event, nameOf(event.actor_id), event.agency_id ? (directory.byId.get(event.agency_id)?.code ?? null) : null)),
    supplementRequests: supplements.map(presentSupplement),
    fees: row.procedure_snapshot.fees,
    feePaidAt: row.fee_paid_at?.toISOString() ?? null,
    feePaidVia: row.fee_paid_via,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    apologyRequired: overdue,
    survey: survey ? { answers: survey.answers as never, comment: survey.comment, submittedAt: survey.submitted_at.toISOString() } : null,
    allowedActions: allowedActions(facts, capacityOf(actor, loaded)),
  };
}

/** The public look-up by code: procedure, agency, status and appointment, no personal data. */
export async function lookupDossier(ctx: AppContext, code: string) {
  const row = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('dossiers.not_found', { params: { code } });
  const directory = await getAgencyDirectory(ctx);
  return presentLookup(row, agencyOf(directory, row.agency_id));
}

export interface DossierListFilter {
  queue: 'mine' | 'intake' | 'all';
  status?: DossierStatus;
  query?: string;
  limit: number;
  offset: number;
}

/** Agencies inside the subtrees where the actor holds one of the roles. */
function agencyIdsInScope(actor: Actor, directory: Directory, roles: readonly string[]): string[] {
  const scopes = actor.grants.filter((grant) => roles.includes(grant.role) && grant.agencyPath !== null).map((grant) => grant.agencyPath as string);
  if (scopes.length === 0) return [];
  return [...directory.byId.values()].filter((agency) => scopes.some((scope) => agency.path === scope || agency.path.startsWith(`${scope}.`))).map((agency) => agency.id);
}

/**
 * Lists dossiers: a citizen's own; for staff the intake queue of their desks, their work list (open steps assigned
 * to them or unassigned at their agencies for their role, by step due date), or every dossier with a step at their agencies.
 */
export async function listDossiers(ctx: AppContext, actor: Actor | null, filter: DossierListFilter) {
  const caller = requireActor(actor);
  const directory = await getAgencyDirectory(ctx);
  const isStaff = hasRole(caller, STAFF_ROLES);
  const seesAll = hasRole(caller, ['auditor', 'admin']);
  let query = ctx.db.selectFrom('dossiers as d').leftJoin('dossier_steps as s', (join) => join.onRef('s.dossier_id', '=', 'd.id').onRef('s.step_index', '=', 'd.current_step'));
  const none = ['00000000-0000-0000-0000-000000000000'];
  if (!isStaff && !seesAll) {
    query = query.where('d.owner_user_id', '=', caller.userId);
  } else if (filter.queue === 'intake') {
    const deskIds = agencyIdsInScope(caller, directory, ['desk_officer']);
    query = query
      .where('d.status', 'in', [DOSSIER_STATUSES.new, DOSSIER_STATUSES.fee_due])
      .where(({ exists, selectFrom }) => exists(selectFrom('dossier_steps as r').select('r.id').whereRef('r.dossier_id', '=', 'd.id').where('r.step_index', '=', 0).where('r.agency_id', 'in', deskIds.length ? deskIds : none)));
  } else if (filter.queue === 'mine') {
    const byRole = STAFF_ROLES.map((role) => ({ role, ids: agencyIdsInScope(caller, directory, [role]) })).filter((entry) => entry.ids.length > 0);
    query = query.where('s.finished_at', 'is', null).where((eb) =>
      eb.or([
        eb('s.assignee_id', '=', caller.userId),
        ...byRole.map((entry) => eb.and([eb('s.assignee_id', 'is', null), eb('s.role', '=', entry.role), eb('s.agency_id', 'in', entry.ids)])),
      ]),
    );
    query = query.where('d.status', 'in', [DOSSIER_STATUSES.new, DOSSIER_STATUSES.accepted, DOSSIER_STATUSES.processing, DOSSIER_STATUSES.done]);
  } else if (!seesAll) {
    const ids = agencyIdsInScope(caller, directory, STAFF_ROLES);
    query = query.where((eb) =>
      eb.or([eb('d.agency_id', 'in', ids.length ? ids : none), eb.exists(eb.selectFrom('dossier_steps as a').select('a.id').whereRef('a.dossier_id', '=', 'd.id').where('a.agency_id', 'in', ids.length ? ids : none))]),
    );
  }
  if (filter.status) query = query.where('d.status', '=', DOSSIER_STATUSES[filter.status]);
  const text = filter.query?.trim().normalize('NFC');
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('d.code', 'ilike', like), eb(sql<string>`d.applicant->>'fullName'`, 'ilike', like)]));
  }
  const ordered = filter.queue === 'mine' && (isStaff || seesAll) ? query.orderBy('s.due_at', 'asc').orderBy('d.submitted_at') : query.orderBy('d.submitted_at', 'desc');
  const [rows, total] = await Promise.all([
    ordered.selectAll('d').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const steps = rows.length
    ? await ctx.db
        .selectFrom('dossier_steps')
        .selectAll()
        .where('dossier_id', 'in', rows.map((row) => row.id))
        .execute()
    : [];
  const names = await findUserContacts(ctx, steps.map((step) => step.assignee_id).filter((id): id is string => id !== null));
  const now = new Date();
  const items = rows.map((row) => {
    const current = steps.find((step) => step.dossier_id === row.id && step.step_index === row.current_step) ?? null;
    return presentSummary(row, {
      agency: agencyOf(directory, row.agency_id),
      currentStep: current ? { ...current, agencyCode: agencyOf(directory, current.agency_id).code, assigneeName: current.assignee_id ? (names.get(current.assignee_id)?.fullName ?? null) : null } : null,
      isOverdue: isOverdue(row, now),
    });
  });
  return { items, total: Number(total.count) };
}

/** Officers who may take the current step (for assignment). */
export async function listStepOfficers(ctx: AppContext, actor: Actor | null, code: string) {
  const loaded = await loadVisibleDossier(ctx, actor, code);
  if (!hasRole(actor, STAFF_ROLES)) throw new AppError('auth.forbidden');
  const step = currentStepOf(loaded);
  if (!step) return { items: [] };
  const ids = await listUsersWithRoleOver(ctx, [step.role], agencyOf(loaded.directory, step.agency_id).path);
  const contacts = await findUserContacts(ctx, ids);
  return { items: ids.map((id) => ({ id, fullName: contacts.get(id)?.fullName ?? '' })).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')) };
}

/** One file of a dossier (component, result or apology letter) for those who may see the dossier. */
export async function getDossierFile(ctx: AppContext, actor: Actor | null, code: string, fileId: string) {
  const loaded = await loadVisibleDossier(ctx, actor, code);
  return getDossierFileContent(ctx, loaded.row.id, fileId);
}

/**
 * The result document. When the citizen asked for the result online, their first download is the delivery:
 * the dossier moves to "result delivered" (status 10), audited like any other change.
 */
export async function downloadResult(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string) {
  const loaded = await loadVisibleDossier(ctx, actor, code);
  const result = await ctx.db
    .selectFrom('dossier_files')
    .select(['id'])
    .where('dossier_id', '=', loaded.row.id)
    .where('kind', '=', 'result')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!result) throw new AppError('dossiers.result_not_ready');
  const caller = requireActor(actor);
  if (loaded.row.owner_user_id === caller.userId && loaded.row.status === DOSSIER_STATUSES.done && loaded.row.delivery_method === 'online') {
    const now = new Date();
    await ctx.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('dossiers')
        .set({ status: DOSSIER_STATUSES.delivered, delivered_at: now, current_step: null, updated_at: now })
        .where('id', '=', loaded.row.id)
        .where('status', '=', DOSSIER_STATUSES.done)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return;
      const step = currentStepOf(loaded);
      if (step) await trx.updateTable('dossier_steps').set({ finished_at: now, finished_by: caller.userId, note: 'Công dân nhận kết quả trực tuyến' }).where('id', '=', step.id).execute();
      await recordEvent(trx, loaded.row.id, { actorId: caller.userId, agencyId: null, action: 'download_result', status: DOSSIER_STATUSES.delivered, note: null, data: { via: 'online' } });
      await recordAudit(trx, audit, { action: 'dossier.deliver', targetType: 'dossier', targetId: loaded.row.code, before: { status: loaded.row.status }, after: { status: DOSSIER_STATUSES.delivered, via: 'online download' } });
    });
  }
  return getDossierFileContent(ctx, loaded.row.id, result.id);
}

/** The citizen's satisfaction survey after delivery (the provincial portal's 12 criteria), once per dossier. */
export async function submitSurvey(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, request: SurveyRequest) {
  const caller = requireActor(actor);
  const loaded = await loadVisibleDossier(ctx, actor, code);
  if (loaded.row.owner_user_id !== caller.userId) throw new AppError('auth.forbidden');
  if (loaded.row.status !== DOSSIER_STATUSES.delivered) {
    throw new AppError('dossiers.action_not_allowed', { params: { action: ACTION_TEXT.survey, status: STATUS_TEXT[statusName(loaded.row.status)] } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('dossier_surveys')
      .values({ dossier_id: loaded.row.id, user_id: caller.userId, answers: JSON.stringify(request.answers), comment: request.comment?.normalize('NFC') ?? null })
      .onConflict((conflict) => conflict.column('dossier_id').doNothing())
      .returning('dossier_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('dossiers.survey_exists');
    await recordEvent(trx, loaded.row.id, { actorId: caller.userId, agencyId: null, action: 'survey', status: loaded.row.status, data: { overall: request.answers.overall } });
    await recordAudit(trx, audit, { action: 'dossier.survey', targetType: 'dossier', targetId: loaded.row.code, after: { answers: request.answers } });
  });
  return getDossierDetail(ctx, actor, code);
}
