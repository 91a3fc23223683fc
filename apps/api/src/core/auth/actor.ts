/**
 * Who is calling: the actor attached to each request, and the checks services and routes make on it.
 * Roles other than citizen are granted on an agency and cover that agency's whole subtree.
 */
import type { Role } from '@onecity/contracts';
import { AppError } from '../errors.ts';
import type { AuditContext } from '../audit/audit.ts';

export interface Grant {
  role: Role;
  agencyId: string | null;
  /** The agency's path of codes (e.g. "HUE.SXD.SXD_HTKT"); null for citizen. */
  agencyPath: string | null;
}

export interface Actor {
  userId: string;
  sessionId: string;
  via: 'cookie' | 'bearer';
  csrfToken: string;
  grants: Grant[];
}

/** True when path lies inside the subtree rooted at scopePath. */
export function isWithinPath(path: string, scopePath: string): boolean {
  return path === scopePath || path.startsWith(`${scopePath}.`);
}

/** True when the actor holds one of the roles, on an agency whose subtree contains agencyPath when one is given. */
export function hasRole(actor: Actor | null, roles: readonly Role[], agencyPath?: string): boolean {
  if (!actor) return false;
  return actor.grants.some(
    (grant) =>
      roles.includes(grant.role) &&
      (agencyPath === undefined || (grant.agencyPath !== null && isWithinPath(agencyPath, grant.agencyPath))),
  );
}

/** Returns the actor or throws auth.unauthenticated. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
  return actor;
}

/** Returns the actor when it holds one of the roles (within agencyPath when given); otherwise throws. */
export function requireRole(actor: Actor | null, roles: readonly Role[], agencyPath?: string): Actor {
  const known = requireActor(actor);
  if (!hasRole(known, roles, agencyPath)) throw new AppError('auth.forbidden');
  return known;
}

/** The roles an actor acts with, as written in the audit trail. */
export function describeRoles(actor: Actor | null): string | null {
  if (!actor) return null;
  return [...new Set(actor.grants.map((grant) => grant.role))].sort().join(',') || null;
}

/** The request facts every audit row carries. */
export function auditContextOf(request: { actor: Actor | null; ip: string; id: string }): AuditContext {
  return { actorId: request.actor?.userId ?? null, actorRole: describeRoles(request.actor), ip: request.ip, requestId: request.id };
}
