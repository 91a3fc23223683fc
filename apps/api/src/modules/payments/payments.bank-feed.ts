/**
 * The collection account's bank feed (balance changes pushed by the bank or an aggregator, signed, at least once) and
 * the reconciliation queue. A credit is applied when its description carries an intent's reference, it reached the
 * collection account and its amount is exactly the amount owed; it is recorded once per bank reference whatever
 * happens. Every other credit waits in the queue until staff link it to an intent or mark it as not ours.
 */
import type { BankFeedTransaction, ResolveCreditRequest } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { applyConfirmation, prepareConfirmation, stateOf, type ConfirmationInput, type PreparedConfirmation } from './payments.confirmation.ts';
import { getPaymentProviders, loadIntentScope } from './payments.context.ts';
import { canDismissCredit, canLinkCredit, CREDIT_RESOLVER_ROLES } from './payments.policy.ts';
import { findIntent, findIntentsByReferences, lockIntent, type IntentRow } from './payments.repository.ts';
import { applyIntentEvent, IntentRuleError, isPaid } from './workflow/intent-machine.ts';
import { referencesIn } from './workflow/reference.ts';
import { hasRole } from '../../core/auth/actor.ts';

export type CreditOutcome = { bankReference: string; outcome: 'matched' | 'duplicate' | 'queued' | 'ignored'; intentId: string | null; reason: string | null };

type Match = { intent: IntentRow; reason: null } | { intent: IntentRow | null; reason: string };

/** Finds the intent a credit pays, or why none fits (the reason shown in the queue). */
async function matchCredit(ctx: AppContext, credit: BankFeedTransaction): Promise<Match> {
  const providers = getPaymentProviders(ctx);
  const references = referencesIn(credit.description, ctx.config.payments.referencePrefix);
  const intents = await findIntentsByReferences(ctx.db, references);
  const intent = intents[0] ?? null;
  if (references.length === 0) return { intent: null, reason: 'no_reference' };
  if (!intent) return { intent: null, reason: 'unknown_reference' };
  if (intents.length > 1) return { intent, reason: 'several_references' };
  if (!providers.vietqr?.isCollectionAccount(credit.accountNumber, credit.bankBin)) return { intent, reason: 'wrong_account' };
  try {
    applyIntentEvent(stateOf(intent), { type: 'confirm', amount: credit.amount });
  } catch (error) {
    if (!(error instanceof IntentRuleError)) throw error;
    return { intent, reason: error.code === 'payments.amount_mismatch' ? 'amount_mismatch' : isPaid(intent.status) ? 'already_paid' : 'intent_closed' };
  }
  return { intent, reason: null };
}

const confirmationOf = (credit: BankFeedTransaction, actorId: string | null): ConfirmationInput => ({
  provider: 'vietqr',
  providerTransactionId: credit.bankReference,
  amount: credit.amount,
  paidAt: new Date(credit.transactionAt),
  attemptId: null,
  actorId,
  data: { accountNumber: credit.accountNumber, description: credit.description },
});

/** Applies one credit of the feed; duplicates (same bank reference) change nothing. */
async function receiveCredit(ctx: AppContext, audit: AuditContext, credit: BankFeedTransaction): Promise<CreditOutcome> {
  const base = { bankReference: credit.bankReference };
  if (credit.type !== 'credit') return { ...base, outcome: 'ignored', intentId: null, reason: 'debit' };
  const known = await ctx.db.selectFrom('payment_bank_credits').select('id').where('bank_reference', '=', credit.bankReference).executeTakeFirst();
  if (known) return { ...base, outcome: 'duplicate', intentId: null, reason: null };
  const match = await matchCredit(ctx, credit);
  const prepared: PreparedConfirmation | null = match.reason === null ? await prepareConfirmation(ctx, match.intent, confirmationOf(credit, null)) : null;

  return ctx.db.transaction().execute(async (trx) => {
    // The intent is locked before the credit row refers to it: the foreign key check takes a share lock on the
    // intent, and two deliveries each holding one while waiting for the other's would deadlock.
    if (match.intent) await lockIntent(trx, match.intent.id);
    const inserted = await trx
      .insertInto('payment_bank_credits')
      .values({
        bank_reference: credit.bankReference,
        bank_bin: credit.bankBin ?? null,
        account_number: credit.accountNumber,
        amount: credit.amount,
        description: credit.description,
        transaction_at: credit.transactionAt,
        status: 'unmatched',
        reason: match.reason,
        intent_id: match.intent?.id ?? null,
        raw: JSON.stringify(credit),
      })
      .onConflict((conflict) => conflict.column('bank_reference').doNothing())
      .returning('id')
      .executeTakeFirst();
    // Delivered twice at the same moment: the other delivery holds it.
    if (!inserted) return { ...base, outcome: 'duplicate' as const, intentId: null, reason: null };
    let reason = match.reason;
    if (match.reason === null && prepared) {
      const outcome = await applyConfirmation(ctx, trx, audit, match.intent.id, confirmationOf(credit, null), prepared);
      reason = outcome.kind === 'confirmed' ? null : outcome.kind === 'closed' ? 'intent_closed' : outcome.kind === 'amount_mismatch' ? 'amount_mismatch' : 'already_paid';
    }
    await trx.updateTable('payment_bank_credits').set({ status: reason === null ? 'matched' : 'unmatched', reason }).where('id', '=', inserted.id).execute();
    await recordAudit(trx, audit, {
      action: reason === null ? 'payment.credit_match' : 'payment.credit_queue',
      targetType: 'payment_bank_credit',
      targetId: inserted.id,
      after: { bankReference: credit.bankReference, amount: credit.amount, accountNumber: credit.accountNumber, intentId: match.intent?.id ?? null, reason },
    });
    return { ...base, outcome: reason === null ? ('matched' as const) : ('queued' as const), intentId: match.intent?.id ?? null, reason };
  });
}

/** Applies the credits of one feed delivery in order, each in its own transaction. */
export async function receiveBankFeed(ctx: AppContext, audit: AuditContext, transactions: BankFeedTransaction[]): Promise<CreditOutcome[]> {
  const results: CreditOutcome[] = [];
  for (const credit of transactions) results.push(await receiveCredit(ctx, audit, credit));
  return results;
}

// ---------------------------------------------------------------- reconciliation queue

/** The queue (unmatched credits) or resolved credits, newest first, for payment staff. */
export async function listCredits(ctx: AppContext, actor: Actor | null, filter: { status: 'open' | 'resolved' | 'matched'; limit: number; offset: number }) {
  const caller = requireActor(actor);
  if (!hasRole(caller, [...CREDIT_RESOLVER_ROLES, 'auditor'])) throw new AppError('auth.forbidden');
  const statuses = filter.status === 'open' ? (['unmatched'] as const) : filter.status === 'resolved' ? (['linked', 'not_ours'] as const) : (['matched'] as const);
  const rows = await ctx.db
    .selectFrom('payment_bank_credits as c')
    .leftJoin('payment_intents as i', 'i.id', 'c.intent_id')
    .leftJoin('users as u', 'u.id', 'c.resolved_by')
    .select(['c.id', 'c.bank_reference', 'c.account_number', 'c.amount', 'c.description', 'c.transaction_at', 'c.received_at', 'c.status', 'c.reason', 'c.intent_id', 'i.reference', 'c.resolved_at', 'u.full_name', 'c.resolution_note'])
    .where('c.status', 'in', [...statuses])
    .orderBy('c.received_at', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      bankReference: row.bank_reference,
      accountNumber: row.account_number,
      amount: row.amount,
      description: row.description,
      transactionAt: row.transaction_at.toISOString(),
      receivedAt: row.received_at.toISOString(),
      status: row.status,
      reason: row.reason,
      intentId: row.intent_id,
      intentReference: row.reference,
      resolvedAt: row.resolved_at?.toISOString() ?? null,
      resolvedByName: row.full_name,
      resolutionNote: row.resolution_note,
    })),
  };
}

/** Resolves a queued credit by hand: applied to an intent (as if matched), or marked as not ours; audited. */
export async function resolveCredit(ctx: AppContext, audit: AuditContext, actor: Actor | null, creditId: string, request: ResolveCreditRequest): Promise<{ status: string; intentId: string | null }> {
  const caller = requireActor(actor);
  if (!hasRole(caller, CREDIT_RESOLVER_ROLES)) throw new AppError('auth.forbidden');
  const credit = await ctx.db.selectFrom('payment_bank_credits').selectAll().where('id', '=', creditId).executeTakeFirst();
  if (!credit) throw new AppError('payments.credit_not_found');
  if (credit.status !== 'unmatched') throw new AppError('payments.credit_resolved');
  const note = request.note?.normalize('NFC').trim() ?? null;

  if (request.action === 'not_ours') {
    if (!canDismissCredit(caller)) throw new AppError('auth.forbidden');
    await ctx.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('payment_bank_credits').set({ status: 'not_ours', resolved_by: caller.userId, resolved_at: new Date(), resolution_note: note }).where('id', '=', creditId).where('status', '=', 'unmatched').returning('id').executeTakeFirst();
      if (!updated) throw new AppError('payments.credit_resolved');
      await recordAudit(trx, audit, { action: 'payment.credit_dismiss', targetType: 'payment_bank_credit', targetId: creditId, before: { status: 'unmatched' }, after: { status: 'not_ours', note, amount: credit.amount, bankReference: credit.bank_reference } });
    });
    return { status: 'not_ours', intentId: null };
  }

  const intent = await findIntent(ctx.db, request.intentId);
  const scope = intent ? await loadIntentScope(ctx, intent) : null;
  if (!intent || !scope || !canLinkCredit(caller, scope)) throw new AppError('payments.not_found');
  const input: ConfirmationInput = {
    provider: 'vietqr',
    providerTransactionId: credit.bank_reference,
    amount: credit.amount,
    paidAt: credit.transaction_at,
    attemptId: null,
    actorId: caller.userId,
    data: { accountNumber: credit.account_number, description: credit.description, linkedBy: caller.userId, note },
  };
  // Refused before anything is rendered when the state machine would refuse it.
  try {
    applyIntentEvent(stateOf(intent), { type: 'confirm', amount: credit.amount });
  } catch (error) {
    if (error instanceof IntentRuleError && error.code === 'payments.amount_mismatch') throw new AppError('payments.amount_mismatch', { params: { amount: credit.amount, expected: intent.amount } });
    if (error instanceof IntentRuleError && error.code === 'payments.already_paid') throw new AppError('payments.already_paid');
    throw new AppError('payments.invalid_transition', { params: { action: { vi: 'ghi nhận tiền', en: 'apply money' }, status: intent.status } });
  }
  const prepared = await prepareConfirmation(ctx, intent, input);
  await ctx.db.transaction().execute(async (trx) => {
    await lockIntent(trx, intent.id);
    const locked = await trx.selectFrom('payment_bank_credits').select('status').where('id', '=', creditId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'unmatched') throw new AppError('payments.credit_resolved');
    const outcome = await applyConfirmation(ctx, trx, audit, intent.id, input, prepared);
    if (outcome.kind === 'already_paid' || outcome.kind === 'duplicate') throw new AppError('payments.already_paid');
    if (outcome.kind !== 'confirmed') throw new AppError('payments.invalid_transition', { params: { action: { vi: 'ghi nhận tiền', en: 'apply money' }, status: outcome.intent.status } });
    await trx.updateTable('payment_bank_credits').set({ status: 'linked', intent_id: intent.id, resolved_by: caller.userId, resolved_at: new Date(), resolution_note: note }).where('id', '=', creditId).execute();
    await recordAudit(trx, audit, { action: 'payment.credit_link', targetType: 'payment_bank_credit', targetId: creditId, before: { status: 'unmatched', reason: credit.reason }, after: { status: 'linked', intentId: intent.id, note, amount: credit.amount } });
  });
  return { status: 'linked', intentId: intent.id };
}
