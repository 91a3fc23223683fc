/**
 * Discrepancies: every difference between what providers say they collected and what the intents record, or between
 * an intent and its dossier, becomes one row (once: a fingerprint keeps re-runs from repeating it) and one audit entry.
 * Staff close each one (payments.reconciliation.ts: resolveDiscrepancy).
 */
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import type { DB } from '../../core/db/schema.ts';

export type DiscrepancyKind =
  /** The provider's statement has a transaction no intent records. */
  | 'missing_confirmation'
  /** An intent records a provider transaction the provider's statement lacks. */
  | 'unknown_to_provider'
  /** Provider and intent disagree on the amount. */
  | 'amount_mismatch'
  /** An intent is paid but no provider confirmation backs it. */
  | 'paid_without_confirmation'
  /** A provider confirmation whose intent is not paid. */
  | 'confirmation_without_payment'
  /** The refunds recorded do not add up to the intent's refunded amount. */
  | 'refund_mismatch'
  /** A paid intent whose dossier is not marked as paid online. */
  | 'dossier_not_marked_paid'
  /** A dossier paid twice (two intents, or online after the desk took the fee): one payment is to refund. */
  | 'dossier_paid_twice'
  /** A second, distinct gateway payment for an intent already paid: to refund. */
  | 'duplicate_payment';

export interface DiscrepancyInput {
  kind: DiscrepancyKind;
  day: string;
  intentId?: string | null;
  provider?: string | null;
  providerTransactionId?: string | null;
  expectedAmount?: number | null;
  actualAmount?: number | null;
  details?: Record<string, unknown>;
}

/** Records a discrepancy once (by kind, intent and provider transaction); true when it is new. */
export async function flagDiscrepancy(trx: Transaction<DB>, audit: AuditContext, input: DiscrepancyInput): Promise<boolean> {
  const fingerprint = [input.kind, input.intentId ?? '-', input.provider ?? '-', input.providerTransactionId ?? '-'].join('|');
  const inserted = await trx
    .insertInto('payment_discrepancies')
    .values({
      fingerprint,
      kind: input.kind,
      day: input.day,
      intent_id: input.intentId ?? null,
      provider: input.provider ?? null,
      provider_transaction_id: input.providerTransactionId ?? null,
      expected_amount: input.expectedAmount ?? null,
      actual_amount: input.actualAmount ?? null,
      details: JSON.stringify(input.details ?? {}),
    })
    .onConflict((conflict) => conflict.column('fingerprint').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await recordAudit(trx, audit, {
    action: 'payment.discrepancy',
    targetType: 'payment_discrepancy',
    targetId: inserted.id,
    after: { kind: input.kind, day: input.day, intentId: input.intentId ?? null, provider: input.provider ?? null, providerTransactionId: input.providerTransactionId ?? null, expectedAmount: input.expectedAmount ?? null, actualAmount: input.actualAmount ?? null },
  });
  return true;
}
