/**
 * The gateway's IPN: the only way a card or wallet payment changes state (the return URL only shows the outcome).
 * Checks in VNPay's order: checksum (97), order (01), amount (04), already confirmed (02), then records (00); any other
 * failure answers 99 so the gateway retries. A failed payment is acknowledged with 00 and frees the intent for another
 * try; a success is applied once per gateway transaction, however often and in whatever order it is delivered.
 */
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { localDateTime } from '../calendar/index.ts';
import { applyConfirmation, prepareConfirmation, stateOf, type ConfirmationInput } from './payments.confirmation.ts';
import { getPaymentProviders } from './payments.context.ts';
import { flagDiscrepancy } from './payments.discrepancies.ts';
import { hasConfirmation, lockIntent, recordPaymentEvent } from './payments.repository.ts';
import { applyIntentEvent, isPaid } from './workflow/intent-machine.ts';
import { IPN_ANSWERS, isVnpaySuccess, vnpayAmountOf, type IpnAnswer } from './workflow/vnpay.ts';

const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: null };

/** The paid-at instant of vnp_PayDate (yyyyMMddHHmmss, GMT+7), or now when absent or malformed. */
function payDateOf(value: string | undefined): Date {
  const match = value ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!match) return new Date();
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year as number, (month as number) - 1, day, (hour as number) - 7, minute, second));
}

/** Handles one IPN call and returns the answer VNPay expects. */
export async function handleVnpayIpn(ctx: AppContext, audit: AuditContext, params: Record<string, string | undefined>): Promise<IpnAnswer> {
  const gateway = getPaymentProviders(ctx).vnpay;
  if (!gateway || !gateway.isSignatureValid(params)) return IPN_ANSWERS.invalidChecksum;
  const txnRef = params.vnp_TxnRef ?? '';
  const attempt = await ctx.db.selectFrom('payment_attempts').selectAll().where('provider', '=', 'vnpay').where('provider_reference', '=', txnRef).executeTakeFirst();
  if (!attempt || params.vnp_TmnCode !== gateway.tmnCode) return IPN_ANSWERS.orderNotFound;
  const amount = vnpayAmountOf(params.vnp_Amount);
  const transactionNo = params.vnp_TransactionNo ?? '';
  const context = { ...SYSTEM, ...audit };

  if (amount !== attempt.amount) {
    // Signed by the gateway yet not what was asked: nothing moves, and the fact is kept.
    await ctx.db.transaction().execute(async (trx) => {
      await recordPaymentEvent(trx, { intentId: attempt.intent_id, provider: 'vnpay', kind: 'rejected', providerTransactionId: transactionNo || null, amount, data: { reason: 'amount_mismatch', txnRef, expected: attempt.amount, responseCode: params.vnp_ResponseCode ?? null } });
      await recordAudit(trx, context, { action: 'payment.notification_reject', targetType: 'payment_intent', targetId: attempt.intent_id, details: { provider: 'vnpay', reason: 'amount_mismatch', txnRef, expected: attempt.amount, received: amount } });
    });
    return IPN_ANSWERS.invalidAmount;
  }

  const intent = await ctx.db.selectFrom('payment_intents').selectAll().where('id', '=', attempt.intent_id).executeTakeFirstOrThrow();
  if (!isVnpaySuccess(params)) {
    if (attempt.status !== 'pending') return IPN_ANSWERS.alreadyConfirmed;
    await ctx.db.transaction().execute(async (trx) => {
      // Intent first, then attempt: the order every path takes, so no two calls wait on each other.
      const current = await lockIntent(trx, intent.id);
      const locked = await trx.selectFrom('payment_attempts').select('status').where('id', '=', attempt.id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'pending') return;
      const code = `${params.vnp_ResponseCode ?? '-'}/${params.vnp_TransactionStatus ?? '-'}`;
      await trx.updateTable('payment_attempts').set({ status: 'failed', failure_code: code, updated_at: new Date() }).where('id', '=', attempt.id).execute();
      const pending = await trx.selectFrom('payment_attempts').select('id').where('intent_id', '=', intent.id).where('provider', '=', 'vnpay').where('status', '=', 'pending').executeTakeFirst();
      // The intent stays payable (QR code, another card) unless another gateway attempt is still under way.
      if (current && current.status === 'processing' && !pending) {
        const next = applyIntentEvent(stateOf(current), { type: 'attempt_failed' });
        await trx.updateTable('payment_intents').set({ status: next.status, updated_at: new Date() }).where('id', '=', intent.id).execute();
        await recordPaymentEvent(trx, { intentId: intent.id, provider: 'vnpay', kind: 'transition', from: current.status, to: next.status, data: { attemptId: attempt.id, failure: code } });
      }
      await recordPaymentEvent(trx, { intentId: intent.id, provider: 'vnpay', kind: 'attempt_failed', providerTransactionId: transactionNo || null, data: { attemptId: attempt.id, failure: code } });
      await recordAudit(trx, context, { action: 'payment.attempt_fail', targetType: 'payment_intent', targetId: intent.id, details: { attemptId: attempt.id, failure: code } });
    });
    return IPN_ANSWERS.confirmed;
  }

  if (!transactionNo) return IPN_ANSWERS.unknownError;
  if (await hasConfirmation(ctx.db, 'vnpay', transactionNo)) return IPN_ANSWERS.alreadyConfirmed;
  const input: ConfirmationInput = {
    provider: 'vnpay',
    providerTransactionId: transactionNo,
    amount,
    paidAt: payDateOf(params.vnp_PayDate),
    attemptId: attempt.id,
    actorId: null,
    data: { txnRef, bankCode: params.vnp_BankCode ?? null, cardType: params.vnp_CardType ?? null, bankTranNo: params.vnp_BankTranNo ?? null },
  };
  const prepared = await prepareConfirmation(ctx, intent, input);
  return ctx.db.transaction().execute(async (trx) => {
    const outcome = await applyConfirmation(ctx, trx, context, intent.id, input, prepared);
    if (outcome.kind === 'confirmed') return IPN_ANSWERS.confirmed;
    if (outcome.kind === 'duplicate') return IPN_ANSWERS.alreadyConfirmed;
    // A second, distinct successful payment (or one for a cancelled intent): the gateway holds the citizen's money,
    // so it is acknowledged and flagged for a refund rather than refused into endless retries.
    await recordPaymentEvent(trx, { intentId: intent.id, provider: 'vnpay', kind: 'unapplied_payment', providerTransactionId: transactionNo, amount, data: { reason: outcome.kind, txnRef } });
    await flagDiscrepancy(trx, context, {
      kind: 'duplicate_payment',
      day: localDateTime(input.paidAt, ctx.config.officeHours.timeZone).date,
      intentId: intent.id,
      provider: 'vnpay',
      providerTransactionId: transactionNo,
      expectedAmount: 0,
      actualAmount: amount,
      details: { reason: outcome.kind, status: outcome.intent.status, paid: isPaid(outcome.intent.status) },
    });
    return IPN_ANSWERS.alreadyConfirmed;
  });
}
