/**
 * Who may do what with payments (pure functions of the actor and the agency paths involved). Roles on an agency
 * cover its subtree (core/auth/actor.ts).
 */
import type { Role } from '@onecity/contracts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';

export interface IntentScope {
  ownerUserId: string | null;
  /** Path of the implementing agency (collects the fee). */
  agencyPath: string;
  /** Path of the one-stop desk that received the dossier. */
  deskPath: string;
}

const STAFF: readonly Role[] = ['officer', 'unit_lead', 'desk_officer'];
/** Staff who see collections, the reconciliation queue and the 766 figures. */
export const PAYMENT_READER_ROLES: readonly Role[] = ['desk_officer', 'unit_lead', 'ioc_operator', 'auditor', 'admin'];
/** Staff who resolve bank credits that matched nothing. */
export const CREDIT_RESOLVER_ROLES: readonly Role[] = ['desk_officer', 'unit_lead', 'admin'];

/** The dossier's owner, staff of its agency or desk, auditors and admins. */
export function canSeeIntent(actor: Actor | null, scope: IntentScope): boolean {
  if (!actor) return false;
  if (scope.ownerUserId !== null && scope.ownerUserId === actor.userId) return true;
  if (hasRole(actor, ['auditor', 'admin'])) return true;
  return hasRole(actor, STAFF, scope.agencyPath) || hasRole(actor, STAFF, scope.deskPath);
}

/** The dossier's owner pays online; desk officers of its one-stop desk may start a payment for them (a QR at the counter). */
export function canPayIntent(actor: Actor | null, scope: IntentScope): boolean {
  if (!actor) return false;
  if (scope.ownerUserId !== null && scope.ownerUserId === actor.userId) return true;
  return hasRole(actor, ['desk_officer'], scope.deskPath);
}

/** Refunds: unit leads of the collecting agency (or above) and admins. */
export function canRefundIntent(actor: Actor | null, scope: IntentScope): boolean {
  return hasRole(actor, ['unit_lead', 'admin'], scope.agencyPath);
}

/** Linking a credit to an intent: resolvers with a role over the intent's agency or desk. */
export function canLinkCredit(actor: Actor | null, scope: IntentScope): boolean {
  return hasRole(actor, CREDIT_RESOLVER_ROLES, scope.agencyPath) || hasRole(actor, CREDIT_RESOLVER_ROLES, scope.deskPath);
}

/** Marking a credit as not ours (money to return by hand): unit leads and admins. */
export function canDismissCredit(actor: Actor | null): boolean {
  return hasRole(actor, ['unit_lead', 'admin']);
}

/**
 * Closing a reconciliation discrepancy: the credit resolvers over the intent's agency or desk; one that names no
 * intent (money a provider reports that no intent holds) only unit leads and admins, as for dismissing a credit.
 */
export function canResolveDiscrepancy(actor: Actor | null, scope: IntentScope | null): boolean {
  if (scope === null) return canDismissCredit(actor);
  return canLinkCredit(actor, scope);
}
