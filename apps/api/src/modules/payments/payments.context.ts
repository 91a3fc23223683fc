/**
 * What every payments use case needs from its surroundings: the configured providers (built once per application)
 * the agency paths an intent is scoped to, and the intents staff see for one agency.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import type { IntentScope } from './payments.policy.ts';
import type { IntentRow } from './payments.repository.ts';
import { createProviders, type PaymentProviders } from './providers/index.ts';

const cache = new WeakMap<AppContext, PaymentProviders>();

/** The providers configuration chooses, built on first use. */
export function getPaymentProviders(ctx: AppContext): PaymentProviders {
  let providers = cache.get(ctx);
  if (!providers) {
    providers = createProviders(ctx.config);
    cache.set(ctx, providers);
  }
  return providers;
}

/** The owner and agency paths an intent's access rules look at. */
export async function loadIntentScope(ctx: AppContext, intent: Pick<IntentRow, 'owner_user_id' | 'agency_id' | 'desk_agency_id'>): Promise<IntentScope> {
  const directory = await getAgencyDirectory(ctx);
  return {
    ownerUserId: intent.owner_user_id,
    agencyPath: directory.byId.get(intent.agency_id)?.path ?? '-',
    deskPath: directory.byId.get(intent.desk_agency_id)?.path ?? '-',
  };
}

/** Staff who see the payments of an agency's subtree (auditors and admins see every agency's). */
const AGENCY_STAFF = ['officer', 'unit_lead', 'desk_officer'] as const;

export interface AgencyPaymentScope {
  agencyCode: string;
  agencyPath: string;
  /** The agency and every agency below it. */
  agencyIds: string[];
}

/**
 * The one scope rule of the staff views of an agency's payments (the intents list, the daily figures, the Decision
 * 766 statistics and the CSV): the caller must be staff of the agency or above it, or an auditor or admin; the
 * payments covered are those of intents collected by an agency of its subtree *or* received at a one-stop desk of
 * its subtree — so a ward's desk (PHUXUAN_HCC) covers the ward's dossiers it received. Throws on an unknown agency
 * (400) or a caller without access (403). Filter intents with `intentInAgencyScope`.
 */
export async function resolveAgencyPaymentScope(ctx: AppContext, caller: Actor, agencyCode: string): Promise<AgencyPaymentScope> {
  const directory = await getAgencyDirectory(ctx);
  const agency = directory.byCode.get(agencyCode);
  if (!agency) throw new AppError('http.validation_failed', { fields: [{ field: 'query.agencyCode', message: 'unknown agency' }] });
  if (!hasRole(caller, ['auditor', 'admin']) && !hasRole(caller, AGENCY_STAFF, agency.path)) throw new AppError('auth.forbidden');
  const agencyIds = [...directory.byId.values()].filter((entry) => entry.path === agency.path || entry.path.startsWith(`${agency.path}.`)).map((entry) => entry.id);
  return { agencyCode: agency.code, agencyPath: agency.path, agencyIds };
}

/** The condition "the intent (table or alias `table`) is in the scope", for query builders and raw SQL alike. */
export function intentInAgencyScope(scope: AgencyPaymentScope, table = 'payment_intents'): Expression<SqlBool> {
  const ids = scope.agencyIds.length > 0 ? scope.agencyIds : ['00000000-0000-0000-0000-000000000000'];
  return sql<SqlBool>`(${sql.ref(`${table}.agency_id`)} in (${sql.join(ids)}) or ${sql.ref(`${table}.desk_agency_id`)} in (${sql.join(ids)}))`;
}
