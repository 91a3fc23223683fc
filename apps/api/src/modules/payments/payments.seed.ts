/**
 * Demo data for payments (SEED_DEMO): an open intent for each dossier waiting for its fee (so the demo citizen sees
 * the QR code at once) and one bank credit that matches nothing, so the staff console's reconciliation queue has
 * something to resolve. Safe to run at every start: intents are one per dossier, the credit one per bank reference.
 */
import type { AuditContext } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { findDossierForPayment, listFeeDueDossierCodes } from '../procedures/index.ts';
import { getPaymentProviders } from './payments.context.ts';
import { ensureCashier } from './payments.receipts.ts';
import { openIntentFor } from './payments.service.ts';

const SEED: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'seed:demo-payments' };

/** Seeds the demo's open intents and queued credit; returns how many intents were created. */
export async function seedDemoPayments(ctx: AppContext): Promise<number> {
  const providers = getPaymentProviders(ctx);
  if (providers.offered.length === 0) return 0;
  await ensureCashier(ctx);
  let created = 0;
  for (const code of await listFeeDueDossierCodes(ctx, 5)) {
    const dossier = await findDossierForPayment(ctx, code);
    if (!dossier || dossier.feeTotal <= 0) continue;
    const { isNew } = await openIntentFor(ctx, SEED, dossier, null);
    if (isNew) created += 1;
  }
  if (providers.vietqr) {
    await ctx.db
      .insertInto('payment_bank_credits')
      .values({
        bank_reference: 'DEMO-FT26334000001',
        bank_bin: providers.vietqr.bankBin,
        account_number: providers.vietqr.accountNumber,
        amount: 50_000,
        description: 'TRAN VAN BINH chuyen tien le phi ho so',
        transaction_at: new Date(),
        status: 'unmatched',
        reason: 'no_reference',
        raw: JSON.stringify({ seeded: true }),
      })
      .onConflict((conflict) => conflict.column('bank_reference').doNothing())
      .execute();
  }
  return created;
}
