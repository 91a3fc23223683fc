/**
 * The sandbox's own pages and controls (registered only with PAYMENT_PROVIDERS=sandbox, never in production): a bank
 * that credits the collection account on request (the demo's "sandbox: simulate the transfer" button) and a payment
 * page standing in for the gateway's. Both reach the app over real HTTP (its own listening address), signed as the
 * real senders sign, so the webhook and the IPN are exercised exactly as in production.
 */
import { Type } from 'typebox';
import { Problem } from '@onecity/contracts';
import { requireActor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import { getPaymentProviders, loadIntentScope } from './payments.context.ts';
import { canSeeIntent } from './payments.policy.ts';
import { runIdempotent } from './payments.idempotency.ts';
import { findIntent } from './payments.repository.ts';
import { simulateBankCredit, simulateGatewayPayment, type GatewayOutcome } from './providers/sandbox.ts';
import { isVnpaySignatureValid, vnpayAmountOf } from './workflow/vnpay.ts';

const tags = ['payments sandbox'];
const Misbehaviour = {
  duplicates: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
  delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 30_000 })),
  badSignature: Type.Optional(Type.Boolean()),
};
const Delivery = Type.Object({ status: Type.Integer(), body: Type.Unknown() });
const OUTCOMES: GatewayOutcome[] = ['success', 'cancelled', 'insufficient_funds'];

/** Where this process listens (the sandbox calls the app as a provider would, over HTTP). */
function localBaseUrl(app: App): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new AppError('http.unavailable');
  const host = address.family === 'IPv6' ? (address.address === '::' ? '[::1]' : `[${address.address}]`) : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  return `http://${host}:${address.port}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} ₫`;

/** The sandbox gateway page: what the citizen sees instead of the gateway's payment page. */
function gatewayPage(params: Record<string, string>, isValid: boolean): string {
  const amount = vnpayAmountOf(params.vnp_Amount);
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const button = (outcome: GatewayOutcome, label: string, extra = '') =>
    `<form method="get" action="/api/v1/payments/sandbox/vnpay/complete">${hidden}<input type="hidden" name="outcome" value="${outcome}">${extra}<button type="submit">${label}</button></form>`;
  const body = isValid
    ? `<p>Đơn vị: <b>${escapeHtml(params.vnp_TmnCode ?? '')}</b> · Mã giao dịch: <b>${escapeHtml(params.vnp_TxnRef ?? '')}</b></p>
       <p>Nội dung: ${escapeHtml(params.vnp_OrderInfo ?? '')}</p>
       <p class="amount">${amount === null ? '?' : money(amount)}</p>
       ${button('success', 'Thanh toán thành công')}
       ${button('cancelled', 'Hủy giao dịch (mã 24)')}
       ${button('insufficient_funds', 'Không đủ số dư (mã 51)')}
       <details><summary>Mô phỏng sự cố</summary>
       ${button('success', 'Thành công, IPN gửi trùng 2 lần', '<input type="hidden" name="duplicates" value="2">')}
       ${button('success', 'Thành công, IPN đến chậm 5 giây', '<input type="hidden" name="delayMs" value="5000">')}
       ${button('success', 'Báo sai số tiền (thiếu 1.000 ₫)', `<input type="hidden" name="amountOverride" value="${amount === null ? 0 : amount - 1000}">`)}
       ${button('success', 'IPN có chữ ký sai', '<input type="hidden" name="badSignature" value="true">')}
       </details>`
    : '<p class="error">Sai chữ ký (vnp_SecureHash): yêu cầu thanh toán không hợp lệ.</p>';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán thử nghiệm</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
.banner{background:#fff3cd;border:1px solid #d4a200;padding:.75rem;border-radius:.5rem}
.amount{font-size:2rem;font-weight:700}form{margin:.5rem 0}button{width:100%;padding:.75rem;font-size:1rem;border-radius:.5rem;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
details button{background:#fff;color:#0b5cad}.error{color:#b00020}</style></head>
<body><p class="banner"><b>MÔI TRƯỜNG THỬ NGHIỆM (SANDBOX)</b> — trang này mô phỏng cổng thanh toán thẻ/ví điện tử (VNPay). Không có tiền thật được chuyển.</p>
<h1>Thanh toán thẻ/ví điện tử</h1>${body}</body></html>`;
}

/** Sandbox routes: a bank credit on request, and the gateway's payment page and completion. */
export async function sandboxRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const providers = getPaymentProviders(ctx);

  if (providers.vietqr) {
    app.post(
      '/api/v1/payments/sandbox/bank-feed/credits',
      {
        schema: {
          tags,
          summary: "SANDBOX: the bank credits the collection account (by default the intent's exact amount and reference) and its feed notifies us. Send Idempotency-Key to make a retry safe.",
          body: Type.Object(
            {
              intentId: Type.Optional(Type.String({ format: 'uuid' })),
              reference: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,19}$' })),
              amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000_000 })),
              accountNumber: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z]{1,19}$' })),
              bankReference: Type.Optional(Type.String({ pattern: '^[\\x21-\\x7e]{1,64}$' })),
              description: Type.Optional(Type.String({ maxLength: 200 })),
              ...Misbehaviour,
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ bankReference: Type.String(), deliveries: Type.Array(Delivery) }), 400: Problem, 401: Problem, 404: Problem },
        },
      },
      // Idempotent like a real transfer order: the demo's button pressed twice, or retried, moves the money once.
      async (request, reply) =>
        runIdempotent(ctx, request, reply, async () => {
          requireActor(request.actor);
          const body = request.body;
          let reference = body.reference;
          let amount = body.amount;
          if (body.intentId) {
            const intent = await findIntent(ctx.db, body.intentId);
            if (!intent || !canSeeIntent(request.actor, await loadIntentScope(ctx, intent))) throw new AppError('payments.not_found');
            reference ??= intent.reference;
            amount ??= intent.amount;
          }
          if (!reference || !amount) throw new AppError('http.validation_failed', { fields: [{ field: 'intentId', message: 'give an intent, or a reference and an amount' }] });
          return { status: 200, body: await simulateBankCredit(ctx, localBaseUrl(app), { ...body, reference, amount }) };
        }),
    );
  }

  if (providers.vnpay && ctx.config.payments.vnpay) {
    const { hashSecret } = ctx.config.payments.vnpay;
    const AnyQuery = Type.Record(Type.String({ pattern: '^[A-Za-z_]{1,40}$' }), Type.String({ maxLength: 1000 }));

    app.get(
      '/api/v1/payments/sandbox/vnpay/pay',
      { schema: { tags, summary: "SANDBOX: the gateway's payment page", querystring: AnyQuery } },
      async (request, reply) => {
        const params = request.query;
        return reply
          .header('cache-control', 'no-store')
          // The form posts back to this origin; no script runs on the page.
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
          .type('text/html; charset=utf-8')
          .send(gatewayPage(params, isVnpaySignatureValid(params, hashSecret)));
      },
    );

    const complete = async (params: Record<string, string>, options: { outcome: string; duplicates?: number; delayMs?: number; badSignature?: boolean; amountOverride?: number; transactionNo?: string }) => {
      // Like the real gateway, the sandbox acts only on a payment request the merchant signed.
      if (!isVnpaySignatureValid(params, hashSecret)) throw new AppError('payments.invalid_signature', { params: { problem: 'mismatch' } });
      if (!OUTCOMES.includes(options.outcome as GatewayOutcome)) throw new AppError('http.validation_failed', { fields: [{ field: 'outcome', message: OUTCOMES.join(', ') }] });
      return simulateGatewayPayment(ctx, localBaseUrl(app), { checkout: params, ...options, outcome: options.outcome as GatewayOutcome });
    };

    // The payment page's buttons (a plain GET form: the page stands for another site, which holds no session of ours).
    app.get(
      '/api/v1/payments/sandbox/vnpay/complete',
      { schema: { tags, summary: 'SANDBOX: the citizen chose an outcome on the payment page; the IPN is sent and the browser returns', querystring: AnyQuery } },
      async (request, reply) => {
        const { outcome = '', duplicates, delayMs, badSignature, amountOverride, ...params } = request.query;
        const number = (text: string | undefined) => (text !== undefined && /^\d{1,12}$/.test(text) ? Number(text) : undefined);
        const result = await complete(params, { outcome, duplicates: number(duplicates), delayMs: number(delayMs), badSignature: badSignature === 'true', amountOverride: number(amountOverride) });
        return reply.redirect(result.returnUrl, 303);
      },
    );

    app.post(
      '/api/v1/payments/sandbox/vnpay/complete',
      {
        schema: {
          tags,
          summary: 'SANDBOX: complete a gateway payment from its payment URL (tests and scripts); answers the return URL and the IPN answers',
          body: Type.Object(
            {
              paymentUrl: Type.String({ maxLength: 4000 }),
              outcome: Type.Enum(OUTCOMES),
              amountOverride: Type.Optional(Type.Integer({ minimum: 1 })),
              transactionNo: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
              ...Misbehaviour,
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ returnUrl: Type.String(), transactionNo: Type.String(), deliveries: Type.Array(Delivery) }), 400: Problem, 401: Problem },
        },
      },
      async (request) => {
        const { paymentUrl, ...options } = request.body;
        let params: Record<string, string>;
        try {
          params = Object.fromEntries(new URL(paymentUrl, ctx.config.publicUrl).searchParams);
        } catch {
          throw new AppError('http.validation_failed', { fields: [{ field: 'paymentUrl', message: 'not a URL' }] });
        }
        return complete(params, options);
      },
    );
  }
}
