/**
 * Who may see what in the operations centre, as pure functions of the caller and the record.
 */
import { hasRole, type Actor, type Grant } from '../../core/auth/actor.ts';

/** Roles that oversee performance across units: IOC operators, auditors and admins (within their grants). */
const OVERSEERS = ['ioc_operator', 'auditor', 'admin'] as const;

/**
 * An official's scorecard is personal: only the official, the leads of a unit they work in (a unit lead over one of
 * their grants) and those who oversee it (IOC operators, auditors, admins over one of their grants) may see it.
 */
export function canSeeOfficialScorecard(caller: Actor, officialId: string, officialGrants: readonly Grant[]): boolean {
  if (caller.userId === officialId) return true;
  return officialGrants.some((grant) => grant.role !== 'citizen' && grant.agencyPath !== null && hasRole(caller, [...OVERSEERS, 'unit_lead'], grant.agencyPath));
}

/** Who may list a unit's officials to open their scorecards: the unit's leads (or leads above it) and its overseers. */
export function canListUnitOfficials(caller: Actor, agencyPath: string): boolean {
  return hasRole(caller, [...OVERSEERS, 'unit_lead'], agencyPath);
}

/** A unit speaks on its own scorecard through its leads (and admins over it). */
export function canCommentOnScorecard(caller: Actor, agencyPath: string): boolean {
  return hasRole(caller, ['unit_lead', 'admin'], agencyPath);
}
