/**
 * The sandbox: a built-in stand-in for the bank feed and the gateway, for development, the demo and the tests
 * (PAYMENT_PROVIDERS=sandbox, refused in production). It calls the app's own webhook and IPN over real HTTP with the
 * same signatures a bank aggregator or VNPay would use, and can misbehave on request: duplicates, delays, wrong
 * amounts, bad signatures. What it "collects" goes to its own ledger, which the daily reconciliation reads as the
 * provider's statement.
 */
import { randomInt } from 'node:crypto';
import type { BankFeedTransaction } from '@onecity/contracts';
import type { AppContext } from '../../../core/context.ts';
import { signVnpay, vnpayDate } from '../workflow/vnpay.ts';
import { signWebhook, SIGNATURE_HEADER } from '../workflow/webhook-signature.ts';
import type { StatementLine } from './provider.ts';

export interface Misbehaviour {
  /** Extra deliveries of the same notification. */
  duplicates?: number;
  /** Deliver after this many milliseconds (the call returns at once). */
  delayMs?: number;
  /** Sign with a wrong secret. */
  badSignature?: boolean;
}

export interface Delivery {
  status: number;
  body: unknown;
}

const WRONG_SECRET = 'not-the-secret-the-merchant-was-given-0000';

async function deliverAll(count: number, delayMs: number, deliver: () => Promise<Delivery>, log: AppContext['log']): Promise<Delivery[]> {
  const run = async () => {
    const results: Delivery[] = [];
    for (let index = 0; index < count; index += 1) results.push(await deliver());
    return results;
  };
  if (delayMs <= 0) return run();
  setTimeout(() => {
    run().catch((error: unknown) => log.warn({ err: error }, 'sandbox: delayed delivery failed'));
  }, delayMs);
  return [];
}

async function readAnswer(response: Response): Promise<Delivery> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body };
}

async function recordLedger(ctx: AppContext, line: StatementLine): Promise<void> {
  await ctx.db
    .insertInto('payment_sandbox_ledger')
    .values({ provider: line.provider, provider_transaction_id: line.providerTransactionId, reference: line.reference, amount: line.amount })
    .onConflict((conflict) => conflict.columns(['provider', 'provider_transaction_id']).doNothing())
    .execute();
}

export interface SandboxCredit extends Misbehaviour {
  reference: string;
  amount: number;
  accountNumber?: string;
  bankReference?: string;
  description?: string;
}

/** The bank side: a credit to the collection account, posted to the bank-feed webhook. */
export async function simulateBankCredit(ctx: AppContext, baseUrl: string, credit: SandboxCredit): Promise<{ bankReference: string; deliveries: Delivery[] }> {
  const vietqr = ctx.config.payments.vietqr;
  if (!vietqr) throw new Error('sandbox: VietQR is not configured');
  const transaction: BankFeedTransaction = {
    bankReference: credit.bankReference ?? `FT${Date.now()}${randomInt(1000, 9999)}`,
    accountNumber: credit.accountNumber ?? vietqr.accountNumber,
    bankBin: vietqr.bankBin,
    type: 'credit',
    amount: credit.amount,
    // Banks rewrite memos: the reference arrives with the sender's name and the bank's own words around it.
    description: credit.description ?? `NGUYEN THI HOA chuyen tien ${credit.reference} FT`,
    transactionAt: new Date().toISOString(),
  };
  // A forged notification moves no money; a real credit is on the bank's statement whether or not we hear of it.
  if (!credit.badSignature && transaction.accountNumber === vietqr.accountNumber) {
    await recordLedger(ctx, { provider: 'vietqr', providerTransactionId: transaction.bankReference, reference: credit.reference, amount: credit.amount });
  }
  const body = JSON.stringify({ transactions: [transaction] });
  const deliver = async () => {
    const signature = signWebhook(credit.badSignature ? WRONG_SECRET : vietqr.feedSecret, body);
    const response = await fetch(`${baseUrl}/api/v1/payments/webhooks/bank-feed`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
    return readAnswer(response);
  };
  return { bankReference: transaction.bankReference, deliveries: await deliverAll(1 + (credit.duplicates ?? 0), credit.delayMs ?? 0, deliver, ctx.log) };
}

export type GatewayOutcome = 'success' | 'cancelled' | 'insufficient_funds';

export interface SandboxGatewayPayment extends Misbehaviour {
  /** The parameters of the signed payment URL the citizen's browser brought. */
  checkout: Record<string, string>;
  outcome: GatewayOutcome;
  /** Report this amount (đồng) instead of the one asked for. */
  amountOverride?: number;
  /** Reuse a gateway transaction number (to replay an earlier payment). */
  transactionNo?: string;
}

const RESPONSE_CODES: Record<GatewayOutcome, { response: string; status: string }> = {
  success: { response: '00', status: '00' },
  cancelled: { response: '24', status: '02' },
  insufficient_funds: { response: '51', status: '02' },
};

/** The gateway side: the citizen paid (or not) on the payment page; the IPN is sent and the browser is sent back. */
export async function simulateGatewayPayment(ctx: AppContext, baseUrl: string, payment: SandboxGatewayPayment): Promise<{ returnUrl: string; transactionNo: string; deliveries: Delivery[] }> {
  const vnpay = ctx.config.payments.vnpay;
  if (!vnpay) throw new Error('sandbox: the gateway is not configured');
  const { checkout } = payment;
  const transactionNo = payment.transactionNo ?? String(randomInt(10_000_000, 99_999_999));
  const codes = RESPONSE_CODES[payment.outcome];
  const amount = payment.amountOverride !== undefined ? String(payment.amountOverride * 100) : (checkout.vnp_Amount ?? '0');
  const result: Record<string, string> = {
    vnp_Amount: amount,
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: `VNP${transactionNo}`,
    vnp_CardType: 'ATM',
    vnp_OrderInfo: checkout.vnp_OrderInfo ?? '',
    vnp_PayDate: vnpayDate(new Date()),
    vnp_ResponseCode: codes.response,
    vnp_TmnCode: checkout.vnp_TmnCode ?? '',
    vnp_TransactionNo: transactionNo,
    vnp_TransactionStatus: codes.status,
    vnp_TxnRef: checkout.vnp_TxnRef ?? '',
  };
  result.vnp_SecureHash = signVnpay(result, payment.badSignature ? WRONG_SECRET : vnpay.hashSecret);
  const query = new URLSearchParams(result).toString();
  if (payment.outcome === 'success' && !payment.badSignature) {
    await recordLedger(ctx, { provider: 'vnpay', providerTransactionId: transactionNo, reference: result.vnp_TxnRef ?? '', amount: Number(amount) / 100 });
  }
  const deliver = async () => readAnswer(await fetch(`${baseUrl}/api/v1/payments/vnpay/ipn?${query}`));
  const deliveries = await deliverAll(1 + (payment.duplicates ?? 0), payment.delayMs ?? 0, deliver, ctx.log);
  const returnUrl = `${checkout.vnp_ReturnUrl ?? `${ctx.config.publicUrl}/api/v1/payments/vnpay/return`}?${query}`;
  return { returnUrl, transactionNo, deliveries };
}

/** The sandbox's statement: what it collected between two instants (for the daily reconciliation). */
export async function sandboxStatement(ctx: AppContext, from: Date, to: Date): Promise<StatementLine[]> {
  const rows = await ctx.db.selectFrom('payment_sandbox_ledger').selectAll().where('created_at', '>=', from).where('created_at', '<', to).orderBy('id').execute();
  return rows.map((row) => ({ provider: row.provider === 'vnpay' ? 'vnpay' : 'vietqr', providerTransactionId: row.provider_transaction_id, reference: row.reference, amount: row.amount }));
}
