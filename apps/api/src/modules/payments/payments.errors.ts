/**
 * The payments module's error codes (messages in core/i18n/error-messages.ts):
 * - payments.not_found: an unknown intent, or one the caller may not see (no hint that it exists).
 * - payments.not_offered: no provider is configured (PAYMENT_PROVIDERS empty): fees are paid at the desk.
 * - payments.provider_unavailable: an attempt with a provider that is not configured.
 * - payments.dossier_not_payable: an intent for a dossier that is not in "fee due" or has nothing to pay.
 * - payments.invalid_transition / already_paid / amount_mismatch / invalid_amount / refund_too_large: the state
 *   machine (workflow/intent-machine.ts) refused the change.
 * - payments.invalid_idempotency_key / idempotency_mismatch / idempotency_in_progress: Idempotency-Key misuse.
 * - payments.invalid_signature: a webhook whose signature is missing, stale or wrong (nothing was read from it).
 * - payments.credit_not_found / credit_resolved: resolving a bank credit that is unknown or no longer in the queue.
 * - payments.discrepancy_not_found / discrepancy_resolved: resolving a reconciliation discrepancy that is unknown or
 *   already closed.
 */
export const PAYMENTS_ERROR_PREFIX = 'payments.';
