/**
 * Who may act on a report, as the kinds the state machine knows. A role counts only where its agency's
 * subtree contains the report's unit; IOC operators (and admins) act city-wide; the reporter is the citizen who filed it.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import type { ActorKind } from './workflow/report-workflow.ts';

/** The kinds this actor may act as on a report handled by the unit at unitPath (null: no unit yet). */
export function actorKindsFor(actor: Actor, report: { reporterId: string; unitPath: string | null }): ActorKind[] {
  const kinds: ActorKind[] = [];
  if (report.unitPath !== null && hasRole(actor, ['unit_lead'], report.unitPath)) kinds.push('unit_lead');
  if (report.unitPath !== null && hasRole(actor, ['officer'], report.unitPath)) kinds.push('unit_officer');
  if (hasRole(actor, ['ioc_operator', 'admin'])) kinds.push('ioc');
  if (actor.userId === report.reporterId) kinds.push('reporter');
  return kinds;
}

/** The reporter's identity is for IOC staff only (Huế: reporters are confidential), unless revealed to the unit. */
export function canSeeReporter(actor: Actor | null, report: { unitPath: string | null; isRevealed: boolean }): boolean {
  if (hasRole(actor, ['ioc_operator', 'admin'])) return true;
  return report.isRevealed && report.unitPath !== null && hasRole(actor, ['officer', 'unit_lead'], report.unitPath);
}

/** Staff who may open the queue of a unit (or, for IOC, every queue and the triage queue). */
export function canViewQueue(actor: Actor | null, unitPath: string | null): boolean {
  if (hasRole(actor, ['ioc_operator', 'admin', 'auditor'])) return true;
  return unitPath !== null && hasRole(actor, ['officer', 'unit_lead'], unitPath);
}

/** Who sees a report's photos before they are published: its reporter, and the staff who see its queue. */
export function canSeeUnpublishedPhotos(actor: Actor | null, report: { reporterId: string; unitPath: string | null }): boolean {
  if (actor !== null && actor.userId === report.reporterId) return true;
  return canViewQueue(actor, report.unitPath);
}

/**
 * As whom the actor may review (publish, withhold) and redact a report's photos: IOC staff, or an officer or lead of
 * its unit; undefined when not at all (the reporter, auditors, other units).
 */
export function photoReviewerKind(actor: Actor, unitPath: string | null): 'unit_lead' | 'unit_officer' | 'ioc' | undefined {
  return actorKindsFor(actor, { reporterId: '', unitPath }).find((kind) => kind === 'unit_lead' || kind === 'unit_officer' || kind === 'ioc');
}
