/**
 * The payment intent state machine (pure). Every change of an intent's status or amounts is computed here, so money
 * can only move along these edges:
 *
 *   requires_payment ──begin_attempt──▶ processing ──attempt_failed──▶ requires_payment
 *   requires_payment | processing ──confirm(amount)──▶ succeeded
 *   processing ──fail──▶ failed                      (the provider reports a definitive failure)
 *   requires_payment | processing ──cancel──▶ cancelled
 *   requires_payment | processing ──expire──▶ expired
 *   failed | expired ──confirm(amount)──▶ succeeded  (money that arrives late is still the citizen's payment)
 *   succeeded | partially_refunded ──refund(amount)──▶ partially_refunded | refunded
 *
 * A confirmation must carry exactly the amount owed: a wrong amount never moves the intent (modelled on Stripe's
 * PaymentIntent lifecycle and VNPay's "invalid amount" answer). A refund never exceeds what was received less what
 * was refunded already.
 */
import type { PaymentIntentStatus } from '../../../core/db/schema.ts';

export const OPEN_STATUSES: readonly PaymentIntentStatus[] = ['requires_payment', 'processing'];
export const PAID_STATUSES: readonly PaymentIntentStatus[] = ['succeeded', 'partially_refunded', 'refunded'];

export interface IntentState {
  status: PaymentIntentStatus;
  /** What is owed, integer đồng. */
  amount: number;
  amountReceived: number;
  amountRefunded: number;
}

export type IntentEvent =
  | { type: 'begin_attempt' }
  | { type: 'attempt_failed' }
  | { type: 'confirm'; amount: number }
  | { type: 'fail' }
  | { type: 'cancel' }
  | { type: 'expire' }
  | { type: 'refund'; amount: number };

export type IntentRuleCode = 'payments.invalid_transition' | 'payments.already_paid' | 'payments.amount_mismatch' | 'payments.refund_too_large' | 'payments.invalid_amount';

/** A rule broken by an event; the service turns the code into an AppError. */
export class IntentRuleError extends Error {
  readonly code: IntentRuleCode;
  constructor(code: IntentRuleCode, message: string) {
    super(message);
    this.name = 'IntentRuleError';
    this.code = code;
  }
}

const isSafeAmount = (value: number) => Number.isSafeInteger(value) && value > 0;

function refuse(state: IntentState, event: IntentEvent): never {
  if (PAID_STATUSES.includes(state.status) && event.type === 'confirm') throw new IntentRuleError('payments.already_paid', `intent is ${state.status}`);
  throw new IntentRuleError('payments.invalid_transition', `${event.type} is not possible while ${state.status}`);
}

/** The state after an event, or an IntentRuleError when the event may not happen now. */
export function applyIntentEvent(state: IntentState, event: IntentEvent): IntentState {
  switch (event.type) {
    case 'begin_attempt':
      if (!OPEN_STATUSES.includes(state.status)) refuse(state, event);
      return { ...state, status: 'processing' };
    case 'attempt_failed':
      // Another attempt may still be on its way; the intent stays payable (QR, a new gateway attempt).
      if (state.status !== 'processing') refuse(state, event);
      return { ...state, status: 'requires_payment' };
    case 'confirm':
      if (!isSafeAmount(event.amount)) throw new IntentRuleError('payments.invalid_amount', 'amount must be a positive integer');
      if (!['requires_payment', 'processing', 'failed', 'expired'].includes(state.status)) refuse(state, event);
      if (event.amount !== state.amount) throw new IntentRuleError('payments.amount_mismatch', `expected ${state.amount}, got ${event.amount}`);
      return { ...state, status: 'succeeded', amountReceived: event.amount };
    case 'fail':
      if (state.status !== 'processing') refuse(state, event);
      return { ...state, status: 'failed' };
    case 'cancel':
      if (!OPEN_STATUSES.includes(state.status)) refuse(state, event);
      return { ...state, status: 'cancelled' };
    case 'expire':
      if (!OPEN_STATUSES.includes(state.status)) refuse(state, event);
      return { ...state, status: 'expired' };
    case 'refund': {
      if (!isSafeAmount(event.amount)) throw new IntentRuleError('payments.invalid_amount', 'amount must be a positive integer');
      if (state.status !== 'succeeded' && state.status !== 'partially_refunded') refuse(state, event);
      const refunded = state.amountRefunded + event.amount;
      if (refunded > state.amountReceived) throw new IntentRuleError('payments.refund_too_large', `at most ${state.amountReceived - state.amountRefunded} may be refunded`);
      return { ...state, status: refunded === state.amountReceived ? 'refunded' : 'partially_refunded', amountRefunded: refunded };
    }
  }
}

/** True when the intent may still be paid with its QR code or a new gateway attempt. */
export function isOpen(status: PaymentIntentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** True when money was received for the intent (refunded or not). */
export function isPaid(status: PaymentIntentStatus): boolean {
  return PAID_STATUSES.includes(status);
}

/** What may still be refunded. */
export function refundableAmount(state: IntentState): number {
  return isPaid(state.status) ? state.amountReceived - state.amountRefunded : 0;
}
