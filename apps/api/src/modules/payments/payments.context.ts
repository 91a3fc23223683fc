/**
 * What every payments use case needs from its surroundings: the configured providers (built once per application)
 * and the agency paths an intent is scoped to.
 */
import type { AppContext } from '../../core/context.ts';
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
