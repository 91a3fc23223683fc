import { describe, expect, it } from 'vitest';
import {
  REOPEN_WINDOW_DAYS,
  REPORT_STATUSES,
  allowedCommands,
  initialReportState,
  isOpen,
  toOpen311Status,
  transition,
  type ActorKind,
  type ReportCommand,
  type ReportCommandType,
  type ReportState,
  type ReportStatus,
  type TransitionContext,
  type TransitionResult,
} from './report-workflow.ts';

const ACTORS: ActorKind[] = ['reporter', 'ioc', 'unit_officer', 'unit_lead', 'system'];
const COMMAND_TYPES: ReportCommandType[] = [
  'route', 'accept', 'reject', 'merge', 'take', 'transfer', 'return_to_triage',
  'request_extension', 'decide_extension', 'resolve', 'confirm', 'reopen', 'auto_close',
];

const DAY_MS = 24 * 60 * 60 * 1000;
const SUBMITTED_AT = '2026-03-02T09:00:00+07:00';
const DUE_AT = '2026-03-10T17:00:00+07:00';
const RESOLVED_AT = '2026-03-05T10:00:00+07:00';
const LATER_DUE_AT = '2026-03-17T17:00:00+07:00';
const PENDING = { requestedBy: 'officer-1', proposedDueAt: LATER_DUE_AT, reason: 'Chờ nhà thầu thay cột đèn' };

/** An ISO instant `ms` milliseconds after `from`. */
function after(from: string, ms: number): string {
  return new Date(Date.parse(from) + ms).toISOString();
}

function context(actor: ActorKind, overrides: Partial<TransitionContext> = {}): TransitionContext {
  return { actor, now: SUBMITTED_AT, reportId: 'report-1', afterPhotoRequired: true, ...overrides };
}

/** A realistic state for each status, as the workflow itself would have produced it. */
function stateIn(status: ReportStatus, overrides: Partial<ReportState> = {}): ReportState {
  const base = initialReportState();
  const byStatus: Record<ReportStatus, Partial<ReportState>> = {
    submitted: {},
    assigned: { unitId: 'unit-a', dueAt: DUE_AT },
    in_progress: { unitId: 'unit-a', officerId: 'officer-1', dueAt: DUE_AT },
    resolved: { unitId: 'unit-a', officerId: 'officer-1', dueAt: DUE_AT, resolvedAt: RESOLVED_AT },
    closed: { unitId: 'unit-a', officerId: 'officer-1', dueAt: DUE_AT, resolvedAt: RESOLVED_AT },
    rejected: {},
    merged: { mergedInto: 'report-0' },
  };
  return { ...base, ...byStatus[status], status, ...overrides };
}

/** A payload that passes every payload check against `stateIn(...)`, with a clock that suits the command. */
function validCommand(type: ReportCommandType): { command: ReportCommand; now: string } {
  const soon = after(RESOLVED_AT, DAY_MS);
  switch (type) {
    case 'route': return { command: { type, unitId: 'unit-b', dueAt: DUE_AT }, now: SUBMITTED_AT };
    case 'accept': return { command: { type, unitId: 'unit-b', dueAt: DUE_AT }, now: SUBMITTED_AT };
    case 'reject': return { command: { type, reason: 'Trùng nội dung quảng cáo' }, now: SUBMITTED_AT };
    case 'merge': return { command: { type, intoReportId: 'report-2' }, now: SUBMITTED_AT };
    case 'take': return { command: { type, officerId: 'officer-2' }, now: SUBMITTED_AT };
    case 'transfer': return { command: { type, unitId: 'unit-b', reason: 'Thuộc địa bàn phường khác', dueAt: LATER_DUE_AT }, now: SUBMITTED_AT };
    case 'return_to_triage': return { command: { type, reason: 'Không thuộc thẩm quyền' }, now: SUBMITTED_AT };
    case 'request_extension': return { command: { type, ...PENDING }, now: SUBMITTED_AT };
    case 'decide_extension': return { command: { type, approve: true }, now: SUBMITTED_AT };
    case 'resolve': return { command: { type, answer: 'Đã thay bóng đèn', afterPhotoCount: 1 }, now: soon };
    case 'confirm': return { command: { type }, now: soon };
    case 'reopen': return { command: { type, reason: 'Đèn vẫn chưa sáng' }, now: soon };
    case 'auto_close': return { command: { type }, now: after(RESOLVED_AT, 8 * DAY_MS) };
  }
}

function expectOk(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error}`);
  return result;
}

function expectError(result: TransitionResult, error: string) {
  expect(result).toEqual({ ok: false, error });
}

describe('initial state and status helpers', () => {
  it('starts submitted with nothing assigned', () => {
    expect(initialReportState()).toEqual({
      status: 'submitted', unitId: null, officerId: null, dueAt: null, resolvedAt: null, pendingExtension: null, reopenCount: 0, mergedInto: null,
    });
    // Each call is a fresh object, so one report cannot leak into another.
    expect(initialReportState()).not.toBe(initialReportState());
  });

  it('counts only submitted, assigned and in_progress as open, in Open311 terms too', () => {
    const open = REPORT_STATUSES.filter(isOpen);
    expect(open).toEqual(['submitted', 'assigned', 'in_progress']);
    expect(Object.fromEntries(REPORT_STATUSES.map((status) => [status, toOpen311Status(status)]))).toEqual({
      submitted: 'open', assigned: 'open', in_progress: 'open', resolved: 'closed', closed: 'closed', rejected: 'closed', merged: 'closed',
    });
  });
});

describe('triage', () => {
  it('routes a report by rule straight to a unit', () => {
    const result = expectOk(transition(stateIn('submitted'), { type: 'route', unitId: 'unit-a', dueAt: DUE_AT }, context('system')));
    expect(result.state).toEqual({ ...initialReportState(), status: 'assigned', unitId: 'unit-a', dueAt: DUE_AT });
    expect(result.event).toEqual({ type: 'route', from: 'submitted', to: 'assigned', at: SUBMITTED_AT, actor: 'system', details: { unitId: 'unit-a', dueAt: DUE_AT } });
  });

  it('lets the IOC accept a report to a unit', () => {
    const result = expectOk(transition(stateIn('submitted'), { type: 'accept', unitId: 'unit-b', dueAt: DUE_AT }, context('ioc')));
    expect(result.state).toMatchObject({ status: 'assigned', unitId: 'unit-b', officerId: null, dueAt: DUE_AT });
    expect(result.event).toMatchObject({ type: 'accept', from: 'submitted', to: 'assigned', actor: 'ioc', details: { unitId: 'unit-b', dueAt: DUE_AT } });
  });

  it('rejects with a trimmed reason and refuses a blank one', () => {
    const result = expectOk(transition(stateIn('submitted'), { type: 'reject', reason: '  Quảng cáo  ' }, context('ioc')));
    expect(result.state.status).toBe('rejected');
    expect(result.event.details).toEqual({ reason: 'Quảng cáo' });
    expectError(transition(stateIn('submitted'), { type: 'reject', reason: '' }, context('ioc')), 'reason_required');
    expectError(transition(stateIn('submitted'), { type: 'reject', reason: ' \n\t ' }, context('ioc')), 'reason_required');
  });

  it('merges a duplicate from submitted or assigned, never into itself or once handling started', () => {
    for (const status of ['submitted', 'assigned'] as const) {
      const result = expectOk(transition(stateIn(status), { type: 'merge', intoReportId: 'report-2' }, context('ioc')));
      expect(result.state).toMatchObject({ status: 'merged', mergedInto: 'report-2' });
      expect(result.event).toMatchObject({ from: status, to: 'merged', details: { intoReportId: 'report-2' } });
    }
    const withPending = stateIn('assigned', { pendingExtension: PENDING });
    expect(expectOk(transition(withPending, { type: 'merge', intoReportId: 'report-2' }, context('ioc'))).state.pendingExtension).toBeNull();
    expectError(transition(stateIn('submitted'), { type: 'merge', intoReportId: 'report-1' }, context('ioc', { reportId: 'report-1' })), 'merge_into_self');
    expectError(transition(stateIn('in_progress'), { type: 'merge', intoReportId: 'report-2' }, context('ioc')), 'invalid_transition');
  });

  it('keeps triage to the IOC and routing to the system', () => {
    for (const actor of ['reporter', 'unit_officer', 'unit_lead', 'system'] as const) {
      expectError(transition(stateIn('submitted'), { type: 'accept', unitId: 'unit-a', dueAt: DUE_AT }, context(actor)), 'not_allowed');
      expectError(transition(stateIn('submitted'), { type: 'reject', reason: 'Spam' }, context(actor)), 'not_allowed');
      expectError(transition(stateIn('submitted'), { type: 'merge', intoReportId: 'report-2' }, context(actor)), 'not_allowed');
    }
    for (const actor of ['reporter', 'ioc', 'unit_officer', 'unit_lead'] as const) {
      expectError(transition(stateIn('submitted'), { type: 'route', unitId: 'unit-a', dueAt: DUE_AT }, context(actor)), 'not_allowed');
    }
  });
});

describe('check order', () => {
  it('reports the status first, then the actor, then the payload', () => {
    const blankReject: ReportCommand = { type: 'reject', reason: ' ' };
    expectError(transition(stateIn('assigned'), blankReject, context('reporter')), 'invalid_transition');
    expectError(transition(stateIn('submitted'), blankReject, context('reporter')), 'not_allowed');
    expectError(transition(stateIn('submitted'), blankReject, context('ioc')), 'reason_required');

    const badResolve: ReportCommand = { type: 'resolve', answer: '', afterPhotoCount: 0 };
    expectError(transition(stateIn('resolved'), badResolve, context('reporter')), 'invalid_transition');
    expectError(transition(stateIn('in_progress'), badResolve, context('ioc')), 'not_allowed');
    expectError(transition(stateIn('in_progress'), badResolve, context('unit_officer')), 'answer_required');
  });

  it('reports a pending extension or a closed window before a blank reason', () => {
    const blankRequest: ReportCommand = { type: 'request_extension', ...PENDING, reason: '' };
    expectError(transition(stateIn('in_progress', { pendingExtension: PENDING }), blankRequest, context('unit_officer')), 'extension_pending');
    const lateBlankReopen = context('reporter', { now: after(RESOLVED_AT, 8 * DAY_MS) });
    expectError(transition(stateIn('resolved'), { type: 'reopen', reason: '' }, lateBlankReopen), 'reopen_window_closed');
  });

  it('reports the same unit before a blank transfer reason', () => {
    expectError(transition(stateIn('assigned'), { type: 'transfer', unitId: 'unit-a', reason: '', dueAt: DUE_AT }, context('unit_lead')), 'same_unit');
  });
});

describe('handling at a unit', () => {
  it('lets an officer take an assigned report and a lead reassign it while in progress', () => {
    const taken = expectOk(transition(stateIn('assigned'), { type: 'take', officerId: 'officer-1' }, context('unit_officer')));
    expect(taken.state).toMatchObject({ status: 'in_progress', unitId: 'unit-a', officerId: 'officer-1', dueAt: DUE_AT });
    expect(taken.event).toMatchObject({ from: 'assigned', to: 'in_progress', details: { officerId: 'officer-1', previousOfficerId: null } });

    const reassigned = expectOk(transition(taken.state, { type: 'take', officerId: 'officer-2' }, context('unit_lead')));
    expect(reassigned.state).toMatchObject({ status: 'in_progress', officerId: 'officer-2' });
    expect(reassigned.event).toMatchObject({ from: 'in_progress', to: 'in_progress', details: { officerId: 'officer-2', previousOfficerId: 'officer-1' } });

    expectError(transition(stateIn('assigned'), { type: 'take', officerId: 'x' }, context('ioc')), 'not_allowed');
    expectError(transition(stateIn('submitted'), { type: 'take', officerId: 'x' }, context('unit_officer')), 'invalid_transition');
  });

  it('transfers to another unit, clearing the officer and any pending extension', () => {
    const before = stateIn('in_progress', { pendingExtension: PENDING });
    const command: ReportCommand = { type: 'transfer', unitId: 'unit-b', reason: ' Sai địa bàn ', dueAt: LATER_DUE_AT };
    for (const actor of ['unit_officer', 'unit_lead', 'ioc'] as const) {
      const result = expectOk(transition(before, command, context(actor)));
      expect(result.state).toEqual({ ...before, status: 'assigned', unitId: 'unit-b', officerId: null, dueAt: LATER_DUE_AT, pendingExtension: null });
      expect(result.event).toMatchObject({
        type: 'transfer', from: 'in_progress', to: 'assigned', actor,
        details: { fromUnitId: 'unit-a', unitId: 'unit-b', reason: 'Sai địa bàn', dueAt: LATER_DUE_AT },
      });
    }
    expectOk(transition(stateIn('assigned'), command, context('unit_lead')));
    expectError(transition(before, { ...command, unitId: 'unit-a' }, context('unit_lead')), 'same_unit');
    expectError(transition(before, { ...command, reason: '   ' }, context('unit_lead')), 'reason_required');
    expectError(transition(before, command, context('reporter')), 'not_allowed');
    expectError(transition(before, command, context('system')), 'not_allowed');
    expectError(transition(stateIn('submitted'), command, context('ioc')), 'invalid_transition');
    expectError(transition(stateIn('resolved'), command, context('unit_lead')), 'invalid_transition');
  });

  it('returns a report to IOC triage with a reason, dropping the old assignment', () => {
    const before = stateIn('in_progress', { pendingExtension: PENDING });
    const result = expectOk(transition(before, { type: 'return_to_triage', reason: 'Không thuộc thẩm quyền' }, context('unit_lead')));
    expect(result.state).toEqual({ ...initialReportState(), status: 'submitted' });
    expect(result.event).toMatchObject({ from: 'in_progress', to: 'submitted', details: { fromUnitId: 'unit-a', reason: 'Không thuộc thẩm quyền' } });
    expectOk(transition(stateIn('assigned'), { type: 'return_to_triage', reason: 'Sai lĩnh vực' }, context('unit_officer')));
    expectError(transition(before, { type: 'return_to_triage', reason: '' }, context('unit_lead')), 'reason_required');
    expectError(transition(before, { type: 'return_to_triage', reason: 'x' }, context('ioc')), 'not_allowed');
    expectError(transition(stateIn('submitted'), { type: 'return_to_triage', reason: 'x' }, context('unit_lead')), 'invalid_transition');
  });
});

describe('deadline extensions', () => {
  const request: ReportCommand = { type: 'request_extension', ...PENDING };

  it('records a request without changing the deadline or status', () => {
    for (const status of ['assigned', 'in_progress'] as const) {
      const result = expectOk(transition(stateIn(status), request, context('unit_officer')));
      expect(result.state).toEqual({ ...stateIn(status), pendingExtension: PENDING });
      expect(result.event).toMatchObject({
        from: status, to: status,
        details: { requestedBy: 'officer-1', proposedDueAt: LATER_DUE_AT, currentDueAt: DUE_AT, reason: PENDING.reason },
      });
    }
    expectOk(transition(stateIn('in_progress'), request, context('unit_lead')));
  });

  it('refuses a second request, a blank reason and a deadline that is not later', () => {
    expectError(transition(stateIn('in_progress', { pendingExtension: PENDING }), request, context('unit_officer')), 'extension_pending');
    expectError(transition(stateIn('in_progress'), { ...request, reason: '  ' }, context('unit_officer')), 'reason_required');
    expectError(transition(stateIn('in_progress'), { ...request, proposedDueAt: DUE_AT }, context('unit_officer')), 'extension_not_later');
    expectError(transition(stateIn('in_progress'), { ...request, proposedDueAt: '2026-03-09T17:00:00+07:00' }, context('unit_officer')), 'extension_not_later');
    expectError(transition(stateIn('in_progress'), { ...request, proposedDueAt: 'not a date' }, context('unit_officer')), 'extension_not_later');
    expectError(transition(stateIn('in_progress'), request, context('ioc')), 'not_allowed');
    expectError(transition(stateIn('resolved'), request, context('unit_officer')), 'invalid_transition');
  });

  it('compares deadlines as instants whatever their offset', () => {
    // DUE_AT is 10:00Z; 11:00Z is an hour later though it sorts before "17:00+07:00" as text.
    expectOk(transition(stateIn('in_progress'), { ...request, proposedDueAt: '2026-03-10T11:00:00Z' }, context('unit_officer')));
    // 10:00Z is the same instant as DUE_AT, so it is not later.
    expectError(transition(stateIn('in_progress'), { ...request, proposedDueAt: '2026-03-10T10:00:00.000Z' }, context('unit_officer')), 'extension_not_later');
  });

  it('moves the deadline when a lead approves', () => {
    const result = expectOk(transition(stateIn('in_progress', { pendingExtension: PENDING }), { type: 'decide_extension', approve: true }, context('unit_lead')));
    expect(result.state).toEqual({ ...stateIn('in_progress'), dueAt: LATER_DUE_AT, pendingExtension: null });
    expect(result.event.details).toEqual({ approve: true, requestedBy: 'officer-1', proposedDueAt: LATER_DUE_AT, dueAt: LATER_DUE_AT });
  });

  it('keeps the deadline when a lead refuses, recording the reason given', () => {
    const command: ReportCommand = { type: 'decide_extension', approve: false, reason: ' Việc đơn giản ' };
    const result = expectOk(transition(stateIn('assigned', { pendingExtension: PENDING }), command, context('unit_lead')));
    expect(result.state).toEqual({ ...stateIn('assigned'), pendingExtension: null });
    expect(result.event.details).toEqual({ approve: false, requestedBy: 'officer-1', proposedDueAt: LATER_DUE_AT, dueAt: DUE_AT, reason: 'Việc đơn giản' });
  });

  it('leaves the decision to a lead, and needs a pending request', () => {
    const decide: ReportCommand = { type: 'decide_extension', approve: true };
    for (const actor of ['reporter', 'ioc', 'unit_officer', 'system'] as const) {
      expectError(transition(stateIn('in_progress', { pendingExtension: PENDING }), decide, context(actor)), 'not_allowed');
    }
    expectError(transition(stateIn('in_progress'), decide, context('unit_lead')), 'no_pending_extension');
    expectError(transition(stateIn('resolved'), decide, context('unit_lead')), 'invalid_transition');
  });
});

describe('resolution', () => {
  const resolvedNow = '2026-03-05T10:00:00+07:00';

  it('resolves with a trimmed answer and an after-photo, from in_progress or assigned', () => {
    for (const status of ['in_progress', 'assigned'] as const) {
      const result = expectOk(transition(stateIn(status, { pendingExtension: PENDING }), { type: 'resolve', answer: '  Đã sửa  ', afterPhotoCount: 2 }, context('unit_officer', { now: resolvedNow })));
      expect(result.state).toEqual({ ...stateIn(status), status: 'resolved', resolvedAt: resolvedNow, pendingExtension: null });
      expect(result.event).toEqual({ type: 'resolve', from: status, to: 'resolved', at: resolvedNow, actor: 'unit_officer', details: { answer: 'Đã sửa', afterPhotoCount: 2 } });
    }
  });

  it('needs a public answer and, unless the category says otherwise, an after-photo', () => {
    const base = stateIn('in_progress');
    expectError(transition(base, { type: 'resolve', answer: ' ', afterPhotoCount: 1 }, context('unit_lead')), 'answer_required');
    expectError(transition(base, { type: 'resolve', answer: 'Đã sửa', afterPhotoCount: 0 }, context('unit_lead')), 'after_photo_required');
    const noPhotoNeeded = context('unit_lead', { afterPhotoRequired: false });
    expect(expectOk(transition(base, { type: 'resolve', answer: 'Đã trả lời', afterPhotoCount: 0 }, noPhotoNeeded)).state.status).toBe('resolved');
    expectError(transition(base, { type: 'resolve', answer: '', afterPhotoCount: 0 }, noPhotoNeeded), 'answer_required');
  });

  it('lets only unit staff resolve, and only while the report is handled', () => {
    const command: ReportCommand = { type: 'resolve', answer: 'Đã sửa', afterPhotoCount: 1 };
    for (const actor of ['reporter', 'ioc', 'system'] as const) expectError(transition(stateIn('in_progress'), command, context(actor)), 'not_allowed');
    for (const status of ['submitted', 'resolved', 'closed'] as const) expectError(transition(stateIn(status), command, context('unit_lead')), 'invalid_transition');
  });
});

describe('after resolution', () => {
  const reopen: ReportCommand = { type: 'reopen', reason: 'Ổ gà vẫn còn' };

  it('closes when the reporter confirms', () => {
    const result = expectOk(transition(stateIn('resolved'), { type: 'confirm' }, context('reporter', { now: after(RESOLVED_AT, DAY_MS) })));
    expect(result.state).toEqual({ ...stateIn('resolved'), status: 'closed' });
    expect(result.event).toMatchObject({ from: 'resolved', to: 'closed', actor: 'reporter', details: {} });
    for (const actor of ['ioc', 'unit_officer', 'unit_lead', 'system'] as const) expectError(transition(stateIn('resolved'), { type: 'confirm' }, context(actor)), 'not_allowed');
    expectError(transition(stateIn('in_progress'), { type: 'confirm' }, context('reporter')), 'invalid_transition');
  });

  it('reopens to the same unit and officer, counting each reopening', () => {
    const once = expectOk(transition(stateIn('resolved'), reopen, context('reporter', { now: after(RESOLVED_AT, DAY_MS) })));
    expect(once.state).toEqual({ ...stateIn('resolved'), status: 'in_progress', reopenCount: 1 });
    expect(once.event).toMatchObject({ from: 'resolved', to: 'in_progress', details: { reason: 'Ổ gà vẫn còn', unitId: 'unit-a', reopenCount: 1 } });
    const twice = expectOk(transition(stateIn('resolved', { reopenCount: 1 }), reopen, context('reporter', { now: after(RESOLVED_AT, DAY_MS) })));
    expect(twice.state.reopenCount).toBe(2);
  });

  it(`allows reopening up to exactly ${REOPEN_WINDOW_DAYS} days after resolution and not a millisecond later`, () => {
    expect(REOPEN_WINDOW_DAYS).toBe(7);
    const at = (ms: number) => context('reporter', { now: after(RESOLVED_AT, ms) });
    expectOk(transition(stateIn('resolved'), reopen, at(0)));
    expectOk(transition(stateIn('resolved'), reopen, at(7 * DAY_MS)));
    expectError(transition(stateIn('resolved'), reopen, at(7 * DAY_MS + 1)), 'reopen_window_closed');
    // The same instants given with a +07:00 offset: 2026-03-12T10:00:00+07:00 is exactly 7 days on.
    expectOk(transition(stateIn('resolved'), reopen, context('reporter', { now: '2026-03-12T10:00:00+07:00' })));
    expectError(transition(stateIn('resolved'), reopen, context('reporter', { now: '2026-03-12T10:00:00.001+07:00' })), 'reopen_window_closed');
  });

  it('refuses to reopen without a reason, by anyone but the reporter, or before resolution', () => {
    const now = after(RESOLVED_AT, DAY_MS);
    expectError(transition(stateIn('resolved'), { type: 'reopen', reason: ' ' }, context('reporter', { now })), 'reason_required');
    for (const actor of ['ioc', 'unit_officer', 'unit_lead', 'system'] as const) expectError(transition(stateIn('resolved'), reopen, context(actor, { now })), 'not_allowed');
    expectError(transition(stateIn('closed'), reopen, context('reporter', { now })), 'invalid_transition');
    expectError(transition(stateIn('resolved', { resolvedAt: null }), reopen, context('reporter', { now })), 'reopen_window_closed');
  });

  it(`closes by itself only once ${REOPEN_WINDOW_DAYS} days have passed`, () => {
    const autoClose: ReportCommand = { type: 'auto_close' };
    const at = (ms: number) => context('system', { now: after(RESOLVED_AT, ms) });
    expectError(transition(stateIn('resolved'), autoClose, at(DAY_MS)), 'close_too_early');
    expectError(transition(stateIn('resolved'), autoClose, at(7 * DAY_MS - 1)), 'close_too_early');
    const closed = expectOk(transition(stateIn('resolved'), autoClose, at(7 * DAY_MS)));
    expect(closed.state).toEqual({ ...stateIn('resolved'), status: 'closed' });
    expect(closed.event).toMatchObject({ from: 'resolved', to: 'closed', actor: 'system', details: { resolvedAt: RESOLVED_AT } });
    expectOk(transition(stateIn('resolved'), autoClose, at(30 * DAY_MS)));
    expectError(transition(stateIn('resolved'), autoClose, context('reporter', { now: after(RESOLVED_AT, 8 * DAY_MS) })), 'not_allowed');
    expectError(transition(stateIn('in_progress'), autoClose, at(8 * DAY_MS)), 'invalid_transition');
  });
});

describe('final statuses', () => {
  it('refuses every command from closed, rejected and merged reports', () => {
    for (const status of ['closed', 'rejected', 'merged'] as const) {
      for (const actor of ACTORS) {
        expect(allowedCommands(stateIn(status), actor), `${status}/${actor}`).toEqual([]);
        for (const type of COMMAND_TYPES) {
          const { command, now } = validCommand(type);
          expectError(transition(stateIn(status), command, context(actor, { now })), 'invalid_transition');
        }
      }
    }
  });
});

describe('allowed commands', () => {
  const handling = (pending: boolean): Record<ActorKind, ReportCommandType[]> => ({
    reporter: [],
    ioc: ['transfer'],
    unit_officer: ['take', 'transfer', 'return_to_triage', 'resolve', ...(pending ? [] : ['request_extension' as const])],
    unit_lead: ['take', 'transfer', 'return_to_triage', 'resolve', pending ? 'decide_extension' : 'request_extension'],
    system: [],
  });
  const none: Record<ActorKind, ReportCommandType[]> = { reporter: [], ioc: [], unit_officer: [], unit_lead: [], system: [] };
  const cases: { label: string; state: ReportState; expected: Record<ActorKind, ReportCommandType[]> }[] = [
    { label: 'submitted', state: stateIn('submitted'), expected: { ...none, ioc: ['accept', 'reject', 'merge'], system: ['route'] } },
    { label: 'assigned', state: stateIn('assigned'), expected: { ...handling(false), ioc: ['merge', 'transfer'] } },
    { label: 'assigned with a pending extension', state: stateIn('assigned', { pendingExtension: PENDING }), expected: { ...handling(true), ioc: ['merge', 'transfer'] } },
    { label: 'in_progress', state: stateIn('in_progress'), expected: handling(false) },
    { label: 'in_progress with a pending extension', state: stateIn('in_progress', { pendingExtension: PENDING }), expected: handling(true) },
    { label: 'resolved', state: stateIn('resolved'), expected: { ...none, reporter: ['confirm', 'reopen'], system: ['auto_close'] } },
    { label: 'closed', state: stateIn('closed'), expected: none },
    { label: 'rejected', state: stateIn('rejected'), expected: none },
    { label: 'merged', state: stateIn('merged'), expected: none },
  ];

  it('covers every status', () => {
    expect(new Set(cases.map((entry) => entry.state.status))).toEqual(new Set(REPORT_STATUSES));
  });

  it.each(cases)('lists what each actor may do when $label', ({ state, expected }) => {
    for (const actor of ACTORS) expect([...allowedCommands(state, actor)].sort(), actor).toEqual([...expected[actor]].sort());
  });

  it.each(cases)('agrees with transition for every command when $label', ({ state }) => {
    for (const actor of ACTORS) {
      const allowed = allowedCommands(state, actor);
      for (const type of COMMAND_TYPES) {
        const { command, now } = validCommand(type);
        const result = transition(state, command, context(actor, { now }));
        expect(result.ok, `${state.status}/${actor}/${type}: ${result.ok ? 'ok' : result.error}`).toBe(allowed.includes(type));
      }
    }
  });
});

describe('immutability', () => {
  function deepFreeze<T extends object>(value: T): T {
    for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object') deepFreeze(inner as object);
    return Object.freeze(value);
  }

  it('never changes the given state, and shares no nested object with the result', () => {
    const states = [stateIn('submitted'), stateIn('assigned', { pendingExtension: PENDING }), stateIn('in_progress', { pendingExtension: PENDING }), stateIn('in_progress'), stateIn('resolved')];
    let successes = 0;
    for (const state of states) {
      const snapshot = structuredClone(state);
      deepFreeze(state);
      for (const actor of ACTORS) {
        for (const type of COMMAND_TYPES) {
          const { command, now } = validCommand(type);
          const result = transition(state, command, context(actor, { now }));
          expect(state).toEqual(snapshot);
          if (!result.ok) continue;
          successes += 1;
          expect(result.state).not.toBe(state);
          if (result.state.pendingExtension !== null) expect(result.state.pendingExtension).not.toBe(state.pendingExtension);
        }
      }
    }
    // Guards against the loop passing vacuously.
    expect(successes).toBeGreaterThan(20);
  });
});

describe('a whole lifecycle', () => {
  it('walks from submission to closing with a consistent timeline', () => {
    const steps: { command: ReportCommand; actor: ActorKind; now: string }[] = [
      { command: { type: 'accept', unitId: 'unit-a', dueAt: DUE_AT }, actor: 'ioc', now: '2026-03-02T10:00:00+07:00' },
      { command: { type: 'take', officerId: 'officer-1' }, actor: 'unit_officer', now: '2026-03-02T11:00:00+07:00' },
      { command: { type: 'request_extension', ...PENDING }, actor: 'unit_officer', now: '2026-03-03T09:00:00+07:00' },
      { command: { type: 'decide_extension', approve: true }, actor: 'unit_lead', now: '2026-03-03T10:00:00+07:00' },
      { command: { type: 'resolve', answer: 'Đã thay cột đèn', afterPhotoCount: 1 }, actor: 'unit_officer', now: '2026-03-12T15:00:00+07:00' },
      { command: { type: 'reopen', reason: 'Đèn chập chờn' }, actor: 'reporter', now: '2026-03-13T20:00:00+07:00' },
      { command: { type: 'resolve', answer: 'Đã thay bộ điều khiển', afterPhotoCount: 1 }, actor: 'unit_officer', now: '2026-03-14T09:00:00+07:00' },
      { command: { type: 'confirm' }, actor: 'reporter', now: '2026-03-14T19:00:00+07:00' },
    ];
    let state = initialReportState();
    const timeline: string[] = [];
    for (const step of steps) {
      const result = expectOk(transition(state, step.command, context(step.actor, { now: step.now })));
      timeline.push(`${result.event.type}:${result.event.from}->${result.event.to}`);
      expect(result.event.at).toBe(step.now);
      state = result.state;
    }
    expect(timeline).toEqual([
      'accept:submitted->assigned', 'take:assigned->in_progress', 'request_extension:in_progress->in_progress',
      'decide_extension:in_progress->in_progress', 'resolve:in_progress->resolved', 'reopen:resolved->in_progress',
      'resolve:in_progress->resolved', 'confirm:resolved->closed',
    ]);
    expect(state).toEqual({
      status: 'closed', unitId: 'unit-a', officerId: 'officer-1', dueAt: LATER_DUE_AT, resolvedAt: '2026-03-14T09:00:00+07:00',
      pendingExtension: null, reopenCount: 1, mergedInto: null,
    });
  });
});
