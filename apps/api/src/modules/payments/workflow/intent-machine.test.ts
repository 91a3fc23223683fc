import { describe, expect, it } from 'vitest';
import type { PaymentIntentStatus } from '../../../core/db/schema.ts';
import { applyIntentEvent, IntentRuleError, refundableAmount, type IntentEvent, type IntentState } from './intent-machine.ts';

const ALL: PaymentIntentStatus[] = ['requires_payment', 'processing', 'succeeded', 'failed', 'cancelled', 'expired', 'refunded', 'partially_refunded'];
const state = (status: PaymentIntentStatus, received = 0, refunded = 0): IntentState => ({ status, amount: 50_000, amountReceived: received, amountRefunded: refunded });

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof IntentRuleError) return error.code;
    throw error;
  }
}

/** Which statuses each event is allowed from: the whole edge list, so a new edge or a lost one fails here. */
const ALLOWED: Record<IntentEvent['type'], PaymentIntentStatus[]> = {
  begin_attempt: ['requires_payment', 'processing'],
  attempt_failed: ['processing'],
  confirm: ['requires_payment', 'processing', 'failed', 'expired'],
  fail: ['processing'],
  cancel: ['requires_payment', 'processing'],
  expire: ['requires_payment', 'processing'],
  refund: ['succeeded', 'partially_refunded'],
};

const sample: Record<IntentEvent['type'], IntentEvent> = {
  begin_attempt: { type: 'begin_attempt' },
  attempt_failed: { type: 'attempt_failed' },
  confirm: { type: 'confirm', amount: 50_000 },
  fail: { type: 'fail' },
  cancel: { type: 'cancel' },
  expire: { type: 'expire' },
  refund: { type: 'refund', amount: 10_000 },
};

describe('payment intent state machine', () => {
  for (const [type, allowed] of Object.entries(ALLOWED) as [IntentEvent['type'], PaymentIntentStatus[]][]) {
    it(`allows ${type} exactly from ${allowed.join(', ')}`, () => {
      for (const status of ALL) {
        const from = status === 'succeeded' || status === 'partially_refunded' || status === 'refunded' ? state(status, 50_000, status === 'partially_refunded' ? 20_000 : status === 'refunded' ? 50_000 : 0) : state(status);
        const code = codeOf(() => applyIntentEvent(from, sample[type]));
        if (allowed.includes(status)) expect(code, `${type} from ${status}`).toBeNull();
        else expect(code, `${type} from ${status}`).toMatch(/^payments\.(invalid_transition|already_paid)$/);
      }
    });
  }

  it('goes requires_payment → processing → succeeded with the amount received', () => {
    const processing = applyIntentEvent(state('requires_payment'), { type: 'begin_attempt' });
    expect(processing.status).toBe('processing');
    const paid = applyIntentEvent(processing, { type: 'confirm', amount: 50_000 });
    expect(paid).toEqual({ status: 'succeeded', amount: 50_000, amountReceived: 50_000, amountRefunded: 0 });
  });

  it('returns to requires_payment when a gateway attempt fails, and fails for good only from processing', () => {
    expect(applyIntentEvent(state('processing'), { type: 'attempt_failed' }).status).toBe('requires_payment');
    expect(applyIntentEvent(state('processing'), { type: 'fail' }).status).toBe('failed');
  });

  it('refuses a confirmation with the wrong amount, and a second confirmation as already paid', () => {
    expect(codeOf(() => applyIntentEvent(state('requires_payment'), { type: 'confirm', amount: 49_999 }))).toBe('payments.amount_mismatch');
    expect(codeOf(() => applyIntentEvent(state('requires_payment'), { type: 'confirm', amount: 50_001 }))).toBe('payments.amount_mismatch');
    expect(codeOf(() => applyIntentEvent(state('succeeded', 50_000), { type: 'confirm', amount: 50_000 }))).toBe('payments.already_paid');
    expect(codeOf(() => applyIntentEvent(state('requires_payment'), { type: 'confirm', amount: 0.5 }))).toBe('payments.invalid_amount');
  });

  it('accepts late money for an expired or failed intent, never for a cancelled one', () => {
    expect(applyIntentEvent(state('expired'), { type: 'confirm', amount: 50_000 }).status).toBe('succeeded');
    expect(applyIntentEvent(state('failed'), { type: 'confirm', amount: 50_000 }).status).toBe('succeeded');
    expect(codeOf(() => applyIntentEvent(state('cancelled'), { type: 'confirm', amount: 50_000 }))).toBe('payments.invalid_transition');
  });

  it('refunds partially then fully, and never more than was paid', () => {
    const paid = state('succeeded', 50_000);
    const partial = applyIntentEvent(paid, { type: 'refund', amount: 20_000 });
    expect(partial).toMatchObject({ status: 'partially_refunded', amountRefunded: 20_000 });
    expect(refundableAmount(partial)).toBe(30_000);
    expect(codeOf(() => applyIntentEvent(partial, { type: 'refund', amount: 30_001 }))).toBe('payments.refund_too_large');
    const full = applyIntentEvent(partial, { type: 'refund', amount: 30_000 });
    expect(full).toMatchObject({ status: 'refunded', amountRefunded: 50_000 });
    expect(refundableAmount(full)).toBe(0);
    expect(codeOf(() => applyIntentEvent(full, { type: 'refund', amount: 1 }))).toBe('payments.invalid_transition');
    expect(codeOf(() => applyIntentEvent(paid, { type: 'refund', amount: 50_001 }))).toBe('payments.refund_too_large');
    expect(codeOf(() => applyIntentEvent(paid, { type: 'refund', amount: -5 }))).toBe('payments.invalid_amount');
    expect(refundableAmount(state('requires_payment'))).toBe(0);
  });
});
