/**
 * The lifecycle of a citizen field report (phản ánh hiện trường) as a pure state machine: IOC triage,
 * handling at a unit, deadline extensions, resolution and the reporter's confirmation or reopening.
 * Time comes in through the context so the rules can be replayed and tested without a clock.
 */

export const REPORT_STATUSES = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged'] as const;

/** A stage of the report lifecycle. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The stages in which a report is still being handled (its deadline runs; past it, it is overdue). */
export const OPEN_REPORT_STATUSES: readonly string[] = ['submitted', 'assigned', 'in_progress'];

/** Who issues a command: the citizen who reported, the operations centre, a handling unit's staff, or the platform itself. */
export type ActorKind = 'reporter' | 'ioc' | 'unit_officer' | 'unit_lead' | 'system';

/** A deadline extension a unit asked for and a unit lead has not yet decided. */
export interface PendingExtension {
  requestedBy: string;
  proposedDueAt: string;
  reason: string;
}

/** The workflow facts of one report; everything else about the report lives outside the state machine. */
export interface ReportState {
  status: ReportStatus;
  /** The handling unit (agency id). */
  unitId: string | null;
  /** The officer handling it. */
  officerId: string | null;
  /** ISO instant. */
  dueAt: string | null;
  /** ISO instant of the last resolution. */
  resolvedAt: string | null;
  pendingExtension: PendingExtension | null;
  reopenCount: number;
  /** The report id this one was merged into as a duplicate. */
  mergedInto: string | null;
}

/** Something an actor asks to do to a report. */
export type ReportCommand =
  | { type: 'route'; unitId: string; dueAt: string }
  | { type: 'accept'; unitId: string; dueAt: string }
  | { type: 'reject'; reason: string }
  | { type: 'merge'; intoReportId: string }
  | { type: 'take'; officerId: string }
  | { type: 'transfer'; unitId: string; reason: string; dueAt: string }
  | { type: 'return_to_triage'; reason: string }
  | { type: 'request_extension'; requestedBy: string; proposedDueAt: string; reason: string }
  | { type: 'decide_extension'; approve: boolean; reason?: string }
  | { type: 'resolve'; answer: string; afterPhotoCount: number }
  | { type: 'confirm' }
  | { type: 'reopen'; reason: string }
  | { type: 'auto_close' };

/** The kind of a report command. */
export type ReportCommandType = ReportCommand['type'];

/** The circumstances of a command that are not part of its payload. */
export interface TransitionContext {
  actor: ActorKind;
  /** ISO instant. */
  now: string;
  reportId: string;
  /** From the report's category: some categories (e.g. a question about a procedure) have nothing to photograph. */
  afterPhotoRequired: boolean;
}

/** Why a command was refused. */
export type TransitionError =
  | 'invalid_transition'
  | 'not_allowed'
  | 'reason_required'
  | 'answer_required'
  | 'after_photo_required'
  | 'same_unit'
  | 'merge_into_self'
  | 'extension_pending'
  | 'no_pending_extension'
  | 'extension_not_later'
  | 'reopen_window_closed'
  | 'close_too_early';

/** What happened to a report, in a shape fit for its public timeline. */
export interface ReportEvent {
  type: ReportCommandType;
  from: ReportStatus;
  to: ReportStatus;
  at: string;
  actor: ActorKind;
  details: Record<string, unknown>;
}

/** The new state and the event describing the change, or the reason the command was refused. */
export type TransitionResult = { ok: true; state: ReportState; event: ReportEvent } | { ok: false; error: TransitionError };

/** How long after a resolution the reporter may reopen the report, and after which it closes by itself. */
export const REOPEN_WINDOW_DAYS = 7;

// Vietnam keeps no daylight saving time, so seven calendar days are always exactly 7 × 24 hours.
const REOPEN_WINDOW_MS = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000;

const HANDLING: readonly ReportStatus[] = ['assigned', 'in_progress'];
const UNIT_STAFF: readonly ActorKind[] = ['unit_officer', 'unit_lead'];

/** From which statuses, and by whom, each command may be issued. */
const COMMAND_RULES: Record<ReportCommandType, { from: readonly ReportStatus[]; actors: readonly ActorKind[] }> = {
  route: { from: ['submitted'], actors: ['system'] },
  accept: { from: ['submitted'], actors: ['ioc'] },
  reject: { from: ['submitted'], actors: ['ioc'] },
  merge: { from: ['submitted', 'assigned'], actors: ['ioc'] },
  take: { from: HANDLING, actors: UNIT_STAFF },
  transfer: { from: HANDLING, actors: ['unit_officer', 'unit_lead', 'ioc'] },
  return_to_triage: { from: HANDLING, actors: UNIT_STAFF },
  request_extension: { from: HANDLING, actors: UNIT_STAFF },
  decide_extension: { from: HANDLING, actors: ['unit_lead'] },
  resolve: { from: HANDLING, actors: UNIT_STAFF },
  confirm: { from: ['resolved'], actors: ['reporter'] },
  reopen: { from: ['resolved'], actors: ['reporter'] },
  auto_close: { from: ['resolved'], actors: ['system'] },
};

const COMMAND_TYPES = Object.keys(COMMAND_RULES) as ReportCommandType[];

/** The state of a report that has just been submitted. */
export function initialReportState(): ReportState {
  return {
    status: 'submitted',
    unitId: null,
    officerId: null,
    dueAt: null,
    resolvedAt: null,
    pendingExtension: null,
    reopenCount: 0,
    mergedInto: null,
  };
}

/** True while the report still awaits handling: submitted, assigned or in progress (a resolved report awaits only the reporter). */
export function isOpen(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'assigned' || status === 'in_progress';
}

/** The Open311 GeoReport v2 status, which knows only open and closed. */
export function toOpen311Status(status: ReportStatus): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}

/**
 * The commands this actor could issue now, judged by status, actor and the pending extension; payloads and
 * the reopen/auto-close time windows are checked only by `transition`, since no clock is given here.
 */
export function allowedCommands(state: ReportState, actor: ActorKind): ReportCommandType[] {
  return COMMAND_TYPES.filter((type) => statusAndActorAllow(type, state.status, actor) && extensionPreconditionHolds(type, state));
}

/**
 * Applies a command to a report without mutating the given state. Checks run in this order: status
 * (invalid_transition), actor (not_allowed), the report's own preconditions (pending extension, time windows),
 * then the payload. A unit officer may only `take` for himself; the caller, which knows who the officer is, enforces that.
 */
export function transition(state: ReportState, command: ReportCommand, context: TransitionContext): TransitionResult {
  const rule = COMMAND_RULES[command.type];
  if (!rule.from.includes(state.status)) return refuse('invalid_transition');
  if (!rule.actors.includes(context.actor)) return refuse('not_allowed');
  if (!extensionPreconditionHolds(command.type, state)) {
    return refuse(command.type === 'decide_extension' ? 'no_pending_extension' : 'extension_pending');
  }

  const current = copyState(state);
  const accept = (next: ReportState, details: Record<string, unknown>): TransitionResult => ({
    ok: true,
    state: next,
    event: { type: command.type, from: state.status, to: next.status, at: context.now, actor: context.actor, details },
  });

  switch (command.type) {
    case 'route':
    case 'accept':
      return accept(
        { ...current, status: 'assigned', unitId: command.unitId, officerId: null, dueAt: command.dueAt },
        { unitId: command.unitId, dueAt: command.dueAt },
      );
    case 'reject': {
      const reason = command.reason.trim();
      if (!reason) return refuse('reason_required');
      return accept({ ...current, status: 'rejected' }, { reason });
    }
    case 'merge':
      if (command.intoReportId === context.reportId) return refuse('merge_into_self');
      // A merged report is never handled again, so an undecided extension would only linger.
      return accept({ ...current, status: 'merged', mergedInto: command.intoReportId, pendingExtension: null }, { intoReportId: command.intoReportId });
    case 'take':
      return accept({ ...current, status: 'in_progress', officerId: command.officerId }, { officerId: command.officerId, previousOfficerId: state.officerId });
    case 'transfer': {
      if (command.unitId === state.unitId) return refuse('same_unit');
      const reason = command.reason.trim();
      if (!reason) return refuse('reason_required');
      // The new unit picks its own officer, and an extension asked by the old unit is not the new unit's to keep.
      return accept(
        { ...current, status: 'assigned', unitId: command.unitId, officerId: null, dueAt: command.dueAt, pendingExtension: null },
        { fromUnitId: state.unitId, unitId: command.unitId, reason, dueAt: command.dueAt },
      );
    }
    case 'return_to_triage': {
      const reason = command.reason.trim();
      if (!reason) return refuse('reason_required');
      // Triage sets a new unit and a new deadline, so nothing of the old assignment survives.
      return accept({ ...current, status: 'submitted', unitId: null, officerId: null, dueAt: null, pendingExtension: null }, { fromUnitId: state.unitId, reason });
    }
    case 'request_extension': {
      const reason = command.reason.trim();
      if (!reason) return refuse('reason_required');
      if (state.dueAt !== null && !isLater(command.proposedDueAt, state.dueAt)) return refuse('extension_not_later');
      return accept(
        { ...current, pendingExtension: { requestedBy: command.requestedBy, proposedDueAt: command.proposedDueAt, reason } },
        { requestedBy: command.requestedBy, proposedDueAt: command.proposedDueAt, currentDueAt: state.dueAt, reason },
      );
    }
    case 'decide_extension': {
      // The precondition check above guarantees a pending extension.
      const pending = state.pendingExtension as PendingExtension;
      const dueAt = command.approve ? pending.proposedDueAt : state.dueAt;
      const reason = command.reason?.trim();
      return accept(
        { ...current, dueAt, pendingExtension: null },
        { approve: command.approve, requestedBy: pending.requestedBy, proposedDueAt: pending.proposedDueAt, dueAt, ...(reason ? { reason } : {}) },
      );
    }
    case 'resolve': {
      const answer = command.answer.trim();
      if (!answer) return refuse('answer_required');
      if (context.afterPhotoRequired && command.afterPhotoCount < 1) return refuse('after_photo_required');
      // Once resolved, an undecided extension no longer matters.
      return accept({ ...current, status: 'resolved', resolvedAt: context.now, pendingExtension: null }, { answer, afterPhotoCount: command.afterPhotoCount });
    }
    case 'confirm':
      return accept({ ...current, status: 'closed' }, {});
    case 'reopen': {
      if (!(msSinceResolution(state, context.now) <= REOPEN_WINDOW_MS)) return refuse('reopen_window_closed');
      const reason = command.reason.trim();
      if (!reason) return refuse('reason_required');
      // Back to the same unit and officer: they know the case, and the reporter disputes their work.
      const reopenCount = state.reopenCount + 1;
      return accept({ ...current, status: 'in_progress', reopenCount }, { reason, unitId: state.unitId, reopenCount });
    }
    case 'auto_close':
      if (!(msSinceResolution(state, context.now) >= REOPEN_WINDOW_MS)) return refuse('close_too_early');
      return accept({ ...current, status: 'closed' }, { resolvedAt: state.resolvedAt });
  }
}

function statusAndActorAllow(type: ReportCommandType, status: ReportStatus, actor: ActorKind): boolean {
  const rule = COMMAND_RULES[type];
  return rule.from.includes(status) && rule.actors.includes(actor);
}

/** Only one extension may wait for a decision at a time, and there must be one to decide. */
function extensionPreconditionHolds(type: ReportCommandType, state: ReportState): boolean {
  if (type === 'request_extension') return state.pendingExtension === null;
  if (type === 'decide_extension') return state.pendingExtension !== null;
  return true;
}

// Compared as instants, not strings: the same moment may arrive as "+07:00" or "Z". An unreadable instant
// yields NaN, which makes every window comparison false and so refuses the command rather than guessing.
function msSinceResolution(state: ReportState, now: string): number {
  return state.resolvedAt === null ? Number.NaN : Date.parse(now) - Date.parse(state.resolvedAt);
}

function isLater(candidate: string, than: string): boolean {
  return Date.parse(candidate) > Date.parse(than);
}

function copyState(state: ReportState): ReportState {
  return { ...state, pendingExtension: state.pendingExtension === null ? null : { ...state.pendingExtension } };
}

function refuse(error: TransitionError): TransitionResult {
  return { ok: false, error };
}
