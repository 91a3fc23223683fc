import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../app/api.ts';
import { mockApi, problem, type RecordedRequest } from '../../test/api-mock.ts';
import { INTENT_ID, makeIntent, makePaidIntent } from './payment-fixtures.ts';
import { openPaymentIntent, refundPayment, resolveCredit, resolveDiscrepancy, simulateBankTransfer, startGatewayPayment } from './payments.api.ts';

const CREDIT_ID = 'd0000000-0000-4000-8000-000000000001';
const DISCREPANCY_ID = 'e0000000-0000-4000-8000-000000000001';
const refundPath = `/payments/intents/${INTENT_ID}/refunds`;
const keyOf = (call: RecordedRequest | undefined) => call?.headers['idempotency-key'];

describe('money-changing requests of the web app', () => {
  it('each send an Idempotency-Key', async () => {
    const calls = mockApi({
      'POST /payments/intents': { status: 201, body: makeIntent() },
      [`POST /payments/intents/${INTENT_ID}/attempts`]: { status: 201, body: { attemptId: 'c0000000-0000-4000-8000-000000000001', provider: 'vnpay', redirectUrl: 'https://gateway.example/pay' } },
      'POST /payments/sandbox/bank-feed/credits': { body: { bankReference: 'FT1', deliveries: [] } },
      [`POST ${refundPath}`]: { status: 201, body: makePaidIntent() },
      [`POST /payments/reconciliation/${CREDIT_ID}/resolve`]: { body: { status: 'not_ours', intentId: null } },
      [`POST /payments/discrepancies/${DISCREPANCY_ID}/resolve`]: { body: {} },
    });
    await openPaymentIntent('PHUXUAN-261129-0001');
    await startGatewayPayment(INTENT_ID, 'vi');
    await simulateBankTransfer(INTENT_ID);
    await refundPayment(INTENT_ID, 3000, 'Thu thừa phí sao y');
    await resolveCredit(CREDIT_ID, { action: 'not_ours', note: 'Không phải khoản thu của đơn vị' });
    await resolveDiscrepancy(DISCREPANCY_ID, { resolution: 'corrected', note: 'Đã đối chiếu sao kê' });
    expect(calls).toHaveLength(6);
    for (const call of calls) expect(keyOf(call), call.path).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(calls.map(keyOf)).size).toBe(6);
  });

  it('reuse the key when the same action is retried after a lost answer, and take a new one for the next action', async () => {
    let isNetworkDown = true;
    const calls = mockApi({
      [`POST ${refundPath}`]: () => {
        if (isNetworkDown) throw new TypeError('Failed to fetch');
        return { status: 201, body: makePaidIntent() };
      },
    });
    await expect(refundPayment(INTENT_ID, 3000, 'Thu thừa phí sao y')).rejects.toBeInstanceOf(NetworkError);
    isNetworkDown = false;
    await refundPayment(INTENT_ID, 3000, 'Thu thừa phí sao y');
    expect(calls).toHaveLength(2);
    expect(keyOf(calls[1])).toBe(keyOf(calls[0]));

    // Done: the same refund asked again later is a second refund, with its own key; so is another amount.
    await refundPayment(INTENT_ID, 3000, 'Thu thừa phí sao y');
    await refundPayment(INTENT_ID, 2000, 'Thu thừa phí sao y');
    const keys = calls.map(keyOf);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).not.toBe(keys[2]);
    expect(new Set(keys).size).toBe(3);
  });

  it('send a double click once, and keep the key while the first request is still running at the API', async () => {
    let answer: { status: number; body: unknown } = { status: 409, body: problem(409, 'payments.idempotency_in_progress', 'Đang xử lý.') };
    const calls = mockApi({ [`POST /payments/reconciliation/${CREDIT_ID}/resolve`]: () => answer });
    const body = { action: 'link', intentId: INTENT_ID } as const;
    const [first, second] = await Promise.allSettled([resolveCredit(CREDIT_ID, body), resolveCredit(CREDIT_ID, body)]);
    expect(calls).toHaveLength(1);
    expect([first.status, second.status]).toEqual(['rejected', 'rejected']);
    answer = { status: 200, body: { status: 'linked', intentId: INTENT_ID } };
    await expect(resolveCredit(CREDIT_ID, body)).resolves.toEqual({ status: 'linked', intentId: INTENT_ID });
    expect(calls).toHaveLength(2);
    expect(keyOf(calls[1])).toBe(keyOf(calls[0]));
  });

  it('take a new key after an answer the API gave (it would only replay it), e.g. a refused refund', async () => {
    let refused = true;
    const calls = mockApi({
      [`POST ${refundPath}`]: () => (refused ? { status: 400, body: problem(400, 'payments.refund_too_large', 'Vượt quá số có thể hoàn.') } : { status: 201, body: makePaidIntent() }),
    });
    await expect(refundPayment(INTENT_ID, 9000, 'Thu thừa phí sao y')).rejects.toBeInstanceOf(ApiError);
    refused = false;
    await refundPayment(INTENT_ID, 9000, 'Thu thừa phí sao y');
    expect(keyOf(calls[1])).not.toBe(keyOf(calls[0]));
  });
});
