import type { Role } from '@onecity/contracts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';

/** An admin may manage users and grants on agencies inside the subtree of their admin grant. */
export function canAdministerAgency(actor: Actor | null, agencyPath: string): boolean {
  return hasRole(actor, ['admin'], agencyPath);
}

/** Whether the actor may see the list of users (personal data: admins only). */
export function canListUsers(actor: Actor | null): boolean {
  return hasRole(actor, ['admin']);
}

/** Staff roles are always granted on an agency; citizen never is. */
export function roleNeedsAgency(role: Role): boolean {
  return role !== 'citizen';
}
