/**
 * Confirming a payment: the one path by which money is applied to an intent, whichever provider reported it (bank
 * feed, gateway IPN, a credit linked by hand). In one transaction, under the intent's row lock: the provider
 * transaction is recorded once, the state machine moves the intent to succeeded, the dossier leaves "fee due"
 * (procedures' recordFeePaidOnline), the receipt prepared beforehand is stored, and everything is audited.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import type { PreparedDocument } from '../documents/index.ts';
import { localDateTime } from '../calendar/index.ts';
import { findDossierForPayment, recordFeePaidOnline } from '../procedures/index.ts';
import { flagDiscrepancy } from './payments.discrepancies.ts';
import { hasConfirmation, hasOtherPaidIntent, insertConfirmation, lockIntent, recordPaymentEvent, type IntentRow } from './payments.repository.ts';
import { storeReceipt, tryPrepareReceipt } from './payments.receipts.ts';
import { applyIntentEvent, IntentRuleError, isPaid, type IntentState } from './workflow/intent-machine.ts';

export interface ConfirmationInput {
  provider: 'vietqr' | 'vnpay';
  /** The provider's transaction id (bank reference, gateway transaction number): money is applied once per id. */
  providerTransactionId: string;
  amount: number;
  paidAt: Date;
  /** The gateway attempt this confirms, when known. */
  attemptId: string | null;
  /** Staff who linked the money by hand, or null for a provider's notification. */
  actorId: string | null;
  data: Record<string, unknown>;
}

export type ConfirmationOutcome =
  | { kind: 'confirmed'; intent: IntentRow }
  /** This provider transaction was applied already (a replay or a duplicate delivery). */
  | { kind: 'duplicate'; intent: IntentRow }
  /** The intent was paid by another transaction. */
  | { kind: 'already_paid'; intent: IntentRow }
  | { kind: 'amount_mismatch'; intent: IntentRow }
  /** The intent was cancelled: it takes no money. */
  | { kind: 'closed'; intent: IntentRow };

export interface PreparedConfirmation {
  receipt: PreparedDocument | null;
  /** The dossier's fee was already recorded as paid (at the desk, or by another intent) before this payment. */
  isDossierAlreadyPaid: boolean;
}

export const stateOf = (row: IntentRow): IntentState => ({ status: row.status, amount: row.amount, amountReceived: row.amount_received, amountRefunded: row.amount_refunded });

/** What confirming needs from outside the transaction: the signed receipt and the dossier's payment state. */
export async function prepareConfirmation(ctx: AppContext, intent: IntentRow, input: ConfirmationInput): Promise<PreparedConfirmation> {
  const dossier = await findDossierForPayment(ctx, intent.dossier_code);
  let wouldConfirm = true;
  try {
    applyIntentEvent(stateOf(intent), { type: 'confirm', amount: input.amount });
  } catch {
    wouldConfirm = false;
  }
  // No receipt is rendered for a notification that cannot apply (replays cost nothing but a read).
  const receipt = wouldConfirm ? await tryPrepareReceipt(ctx, intent, { provider: input.provider, providerTransactionId: input.providerTransactionId, paidAt: input.paidAt }) : null;
  return { receipt, isDossierAlreadyPaid: dossier?.feePaidAt !== null && dossier?.feePaidAt !== undefined };
}

/** Applies a provider's confirmation to an intent inside the caller's transaction. */
export async function applyConfirmation(ctx: AppContext, trx: Transaction<DB>, audit: AuditContext, intentId: string, input: ConfirmationInput, prepared: PreparedConfirmation): Promise<ConfirmationOutcome> {
  const intent = await lockIntent(trx, intentId);
  if (!intent) throw new Error(`intent ${intentId} vanished`);
  if (await hasConfirmation(trx, input.provider, input.providerTransactionId)) return { kind: 'duplicate', intent };
  let next: IntentState;
  try {
    next = applyIntentEvent(stateOf(intent), { type: 'confirm', amount: input.amount });
  } catch (error) {
    if (!(error instanceof IntentRuleError)) throw error;
    if (error.code === 'payments.amount_mismatch' || error.code === 'payments.invalid_amount') return { kind: 'amount_mismatch', intent };
    if (isPaid(intent.status)) return { kind: 'already_paid', intent };
    return { kind: 'closed', intent };
  }
  if (!(await insertConfirmation(trx, { intentId, provider: input.provider, providerTransactionId: input.providerTransactionId, amount: input.amount, data: input.data, actorId: input.actorId }))) {
    return { kind: 'duplicate', intent };
  }
  const now = new Date();
  const updated = await trx
    .updateTable('payment_intents')
    .set({ status: next.status, amount_received: next.amountReceived, provider: input.provider, provider_transaction_id: input.providerTransactionId, succeeded_at: input.paidAt, closed_at: null, close_reason: null, updated_at: now })
    .where('id', '=', intentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordPaymentEvent(trx, { intentId, provider: input.provider, kind: 'transition', from: intent.status, to: next.status, amount: input.amount, providerTransactionId: input.providerTransactionId, actorId: input.actorId });
  if (input.attemptId) {
    await trx.updateTable('payment_attempts').set({ status: 'succeeded', failure_code: null, updated_at: now }).where('id', '=', input.attemptId).execute();
  } else {
    await trx.updateTable('payment_attempts').set({ status: 'succeeded', updated_at: now }).where('intent_id', '=', intentId).where('provider', '=', input.provider).where('status', '=', 'pending').execute();
  }
  await recordFeePaidOnline(trx, audit, intent.dossier_code, intent.reference);
  if (prepared.receipt) await storeReceipt(trx, audit, intentId, prepared.receipt);
  await recordAudit(trx, audit, {
    action: 'payment.succeed',
    targetType: 'payment_intent',
    targetId: intentId,
    before: { status: intent.status, amountReceived: intent.amount_received },
    after: { status: next.status, amountReceived: next.amountReceived, provider: input.provider, providerTransactionId: input.providerTransactionId, dossierCode: intent.dossier_code, receipt: prepared.receipt?.id ?? null },
  });
  if (prepared.isDossierAlreadyPaid || (await hasOtherPaidIntent(trx, intent.dossier_code, intentId))) {
    // The citizen paid twice (at the desk and online, or two intents): the money is kept on record and flagged to refund.
    await flagDiscrepancy(trx, audit, {
      kind: 'dossier_paid_twice',
      day: localDateTime(input.paidAt, ctx.config.officeHours.timeZone).date,
      intentId,
      provider: input.provider,
      providerTransactionId: input.providerTransactionId,
      expectedAmount: 0,
      actualAmount: input.amount,
      details: { dossierCode: intent.dossier_code },
    });
  }
  return { kind: 'confirmed', intent: updated };
}
