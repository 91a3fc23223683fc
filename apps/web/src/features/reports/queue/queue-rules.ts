import type { Role, User } from '@onecity/contracts';
import type { QueueItem, ReportActionType } from '../reports.api.ts';

/** The roles that open the report queue (the API's canViewQueue: unit staff, IOC, auditors, admins). */
export const QUEUE_ROLES: readonly Role[] = ['officer', 'unit_lead', 'ioc_operator', 'auditor', 'admin'];

/** How the viewer acts on the reports of a queue, as the API's state machine knows them; `viewer` only reads. */
export type QueueActor = 'unit_officer' | 'unit_lead' | 'ioc' | 'viewer';

/** A queue the user may open: a unit they work in, the IOC triage queue, or every unit (IOC, auditors). */
export type QueueScope =
  | { kind: 'unit'; key: string; unitCode: string; unitName: string | null; actor: 'unit_officer' | 'unit_lead' }
  | { kind: 'triage'; key: 'triage'; actor: 'ioc' }
  | { kind: 'city'; key: 'city'; actor: 'ioc' | 'viewer' };

/**
 * The queues a user may open, their own units first. A lead's grant wins over an officer's on the same unit;
 * IOC operators and admins get the triage queue and the city-wide one, auditors the city-wide one to read.
 */
export function queueScopesFor(user: User): QueueScope[] {
  const units = new Map<string, Extract<QueueScope, { kind: 'unit' }>>();
  for (const grant of user.roles) {
    if ((grant.role !== 'officer' && grant.role !== 'unit_lead') || grant.agencyCode === null) continue;
    const existing = units.get(grant.agencyCode);
    const actor = grant.role === 'unit_lead' || existing?.actor === 'unit_lead' ? 'unit_lead' : 'unit_officer';
    units.set(grant.agencyCode, { kind: 'unit', key: `unit:${grant.agencyCode}`, unitCode: grant.agencyCode, unitName: grant.agencyName, actor });
  }
  const scopes: QueueScope[] = [...units.values()];
  const roles = new Set(user.roles.map((grant) => grant.role));
  if (roles.has('ioc_operator') || roles.has('admin')) {
    scopes.push({ kind: 'triage', key: 'triage', actor: 'ioc' }, { kind: 'city', key: 'city', actor: 'ioc' });
  } else if (roles.has('auditor')) {
    scopes.push({ kind: 'city', key: 'city', actor: 'viewer' });
  }
  return scopes;
}

/** An action offered in the queue: the API's report actions, and revealing the reporter to the unit (IOC). */
export type QueueActionType = Exclude<ReportActionType, 'confirm' | 'reopen'> | 'reveal_reporter';

const HANDLING = new Set(['assigned', 'in_progress']);

/**
 * The actions to offer on a report, following the API's state machine (report-workflow.ts): IOC triages
 * submitted reports (accept, reject, merge) and may move any report being handled; unit staff take, answer,
 * transfer, return or ask for more time; only a lead decides an extension. The API checks again.
 */
export function queueActionsFor(actor: QueueActor, item: Pick<QueueItem, 'status' | 'officerId' | 'pendingExtension'>, userId: string): QueueActionType[] {
  const actions: QueueActionType[] = [];
  if (actor === 'ioc') {
    if (item.status === 'submitted') actions.push('accept', 'reject', 'merge');
    if (item.status === 'assigned') actions.push('merge');
    if (HANDLING.has(item.status)) actions.push('transfer');
    actions.push('reveal_reporter');
    return actions;
  }
  if ((actor === 'unit_officer' || actor === 'unit_lead') && HANDLING.has(item.status)) {
    if (item.officerId !== userId) actions.push('take');
    actions.push('resolve', 'transfer', 'return_to_triage');
    if (item.pendingExtension === null) actions.push('request_extension');
    else if (actor === 'unit_lead') actions.push('decide_extension');
  }
  return actions;
}
