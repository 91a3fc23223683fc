/**
 * The payments module's scheduled work (registered in app.ts next to the other jobs):
 * - `payments.sweep` every five minutes: expire open intents past their time, cancel those whose dossier no longer
 *   waits for its fee, issue receipts that could not be rendered when the payment was recorded;
 * - `payments.reconcile` every night at 00:30 in the city's time zone: reconcile the day before.
 */
import type { AppContext } from '../../../core/context.ts';
import { reconcileDay, yesterday } from '../payments.reconciliation.ts';
import { issueMissingReceipts } from '../payments.receipts.ts';
import { sweepIntents } from '../payments.service.ts';

export const SWEEP_PAYMENTS = 'payments.sweep';
export const RECONCILE_PAYMENTS = 'payments.reconcile';
export const RECONCILE_CRON = '30 0 * * *';

/** One sweep: expiries, cancellations of settled dossiers, missing receipts. */
export async function sweepPayments(ctx: AppContext): Promise<{ expired: number; cancelled: number; receipts: number }> {
  const intents = await sweepIntents(ctx);
  return { ...intents, receipts: await issueMissingReceipts(ctx) };
}

/** The nightly reconciliation of yesterday. */
export async function reconcileYesterday(ctx: AppContext) {
  return reconcileDay(ctx, yesterday(ctx));
}
