import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { QRPay } from 'vietnam-qr-pay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, type HttpAnswer as Answer, type Json } from '../../../test/http-client.ts';
import { createTestApp, latestCode, loginToken, type TestApp } from '../../../test/harness.ts';
import { addDays, localDateTime } from '../calendar/index.ts';
import { sweepPayments } from './index.ts';
import { signVnpay, vnpayDate } from './workflow/vnpay.ts';
import { signWebhook } from './workflow/webhook-signature.ts';

let t: TestApp;
let base: string;
const tokens: Record<string, string> = {};

const FEE_PROCEDURE = {
  code: 'T.PAY001',
  nameVi: 'Cấp bản sao trích lục (thử nghiệm thanh toán)',
  nameEn: 'Certified extract (payment test)',
  fieldVi: 'Hộ tịch',
  fieldEn: 'Civil status',
  level: 'ward',
  agencyCode: null,
  processingTime: { amount: 3, unit: 'working_days' },
  fees: [
    { code: 'fee', nameVi: 'Lệ phí cấp bản sao trích lục', nameEn: 'Extract fee', amount: 50_000 },
    { code: 'copy', nameVi: 'Phí sao y', nameEn: 'Copy fee', amount: 8_000 },
  ],
  components: [],
  formSchema: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 100 } } },
  onlineLevel: 'full',
  resultType: 'electronic',
  resultTemplate: { titleVi: 'BẢN SAO TRÍCH LỤC', titleEn: 'Extract copy', bodyVi: ['Người yêu cầu: {{applicant.fullName}}'] },
  workflow: [
    { code: 'reception', kind: 'reception', nameVi: 'Tiếp nhận', nameEn: 'Reception', role: 'desk_officer', agency: 'desk', share: 0 },
    { code: 'review', kind: 'review', nameVi: 'Thẩm định', nameEn: 'Review', role: 'officer', agency: 'unit:VP', share: 70 },
    { code: 'approval', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Approval', role: 'unit_lead', agency: 'self', share: 30 },
  ],
};
const AMOUNT = 58_000;
const APPLICANT = { fullName: 'Nguyễn Thị Hoa', idNumber: '046190000123', phone: '0905000001', email: 'citizen@demo.onecity.local', address: '12 Lê Lợi, phường Phú Xuân, Huế' };

const api = httpClient(() => base, tokens);

const today = () => localDateTime(new Date(), 'Asia/Ho_Chi_Minh').date;
const db = () => t.handle.db;
const vnpaySecret = () => t.app.ctx.config.payments.vnpay?.hashSecret as string;
const feedSecret = () => t.app.ctx.config.payments.vietqr?.feedSecret as string;

async function feeDueDossier(): Promise<string> {
  const filed = await api('POST', '/api/v1/dossiers', { as: 'citizen', body: { procedureCode: FEE_PROCEDURE.code, agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: {}, components: [], deliveryMethod: 'online' } });
  expect(filed.status, filed.text).toBe(201);
  const accepted = await api('POST', `/api/v1/dossiers/${filed.json.code}/actions`, { as: 'desk', body: { type: 'accept' } });
  expect(accepted.json.status, accepted.text).toBe('fee_due');
  return filed.json.code as string;
}

async function openIntent(dossierCode: string, who = 'citizen') {
  const answer = await api('POST', '/api/v1/payments/intents', { as: who, body: { dossierCode } });
  expect([200, 201], answer.text).toContain(answer.status);
  return answer.json;
}

const intentRow = (id: string) => db().selectFrom('payment_intents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const confirmations = (id: string) => db().selectFrom('payment_events').selectAll().where('intent_id', '=', id).where('kind', '=', 'confirmation').execute();
const auditCount = async (action: string, targetId?: string) => {
  let query = db().selectFrom('audit_log').select(sql<number>`count(*)::int`.as('count')).where('action', '=', action);
  if (targetId) query = query.where('target_id', '=', targetId);
  return (await query.executeTakeFirstOrThrow()).count;
};

async function waitFor(check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A signed IPN call for an attempt, as the gateway would send it. */
function ipnQuery(attemptRef: string, amount: number, transactionNo: string, codes = { response: '00', status: '00' }): string {
  const params: Record<string, string> = {
    vnp_Amount: String(amount * 100),
    vnp_BankCode: 'NCB',
    vnp_OrderInfo: 'Thanh toan',
    vnp_PayDate: vnpayDate(new Date()),
    vnp_ResponseCode: codes.response,
    vnp_TmnCode: 'ONECITY1',
    vnp_TransactionNo: transactionNo,
    vnp_TransactionStatus: codes.status,
    vnp_TxnRef: attemptRef,
  };
  params.vnp_SecureHash = signVnpay(params, vnpaySecret());
  return new URLSearchParams(params).toString();
}

/** A signed bank-feed delivery of one credit. */
async function postCredit(credit: { bankReference: string; amount: number; description: string; accountNumber?: string }, options: { signature?: string } = {}) {
  const body = JSON.stringify({ transactions: [{ type: 'credit', accountNumber: '113366668888', bankBin: '970415', transactionAt: new Date().toISOString(), ...credit }] });
  const response = await fetch(`${base}/api/v1/payments/webhooks/bank-feed`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-onecity-signature': options.signature ?? signWebhook(feedSecret(), body) }, body });
  return { status: response.status, json: (await response.json()) as Json, body };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
  for (const [name, login] of Object.entries({
    admin: 'admin@demo.onecity.local',
    citizen: 'citizen@demo.onecity.local',
    desk: 'desk.officer@demo.onecity.local',
    cityDesk: 'city.desk@demo.onecity.local',
    unitLead: 'unit.lead@demo.onecity.local',
    wardLead: 'ward.lead@demo.onecity.local',
    wardOfficer: 'civil.officer@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'payer.other@example.vn', password: 'một mật khẩu dài', fullName: 'Trần Văn Khác' } });
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', payload: { login: 'payer.other@example.vn', code: await latestCode(t, 'payer.other@example.vn') } });
  tokens.other = await loginToken(t.app, 'payer.other@example.vn', 'một mật khẩu dài');
  const created = await api('POST', '/api/v1/procedures', { as: 'admin', body: FEE_PROCEDURE });
  if (created.status !== 201) throw new Error(created.text);
});
afterAll(async () => t?.dispose());

describe('payment intents', () => {
  it('open one itemised intent per dossier, for its owner or its desk, and nobody else', async () => {
    const code = await feeDueDossier();
    const first = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: code } });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ dossierCode: code, amount: AMOUNT, currency: 'VND', status: 'requires_payment', amountReceived: 0, agencyCode: 'PHUXUAN' });
    expect(first.json.items.map((item: { code: string; amount: number }) => [item.code, item.amount])).toEqual([['fee', 50_000], ['copy', 8_000]]);
    expect(first.json.reference).toMatch(/^OC[0-9A-Z]{12}$/);
    expect(first.json.methods).toMatchObject({ vnpay: true, isSandbox: true, vietqr: { bankBin: '970415', bankName: 'VietinBank', accountNumber: '113366668888' } });
    const again = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: code } });
    expect([again.status, again.json.id]).toEqual([200, first.json.id]);
    const byDesk = await api('POST', '/api/v1/payments/intents', { as: 'desk', body: { dossierCode: code } });
    expect([byDesk.status, byDesk.json.id]).toEqual([200, first.json.id]);
    expect((await api('POST', '/api/v1/payments/intents', { as: 'other', body: { dossierCode: code } })).status).toBe(404);
    // An officer of another unit does not see it; the ward's lead sees it but pays nothing for the citizen.
    expect((await api('POST', '/api/v1/payments/intents', { as: 'wardOfficer', body: { dossierCode: code } })).status).toBe(404);
    expect((await api('POST', '/api/v1/payments/intents', { as: 'wardLead', body: { dossierCode: code } })).status).toBe(403);
    expect((await api('GET', `/api/v1/payments/intents/${first.json.id}`, { as: 'other' })).status).toBe(404);
    expect((await api('GET', `/api/v1/payments/intents/${first.json.id}`, { as: 'wardOfficer' })).status).toBe(404);
    expect((await api('GET', `/api/v1/payments/intents/${first.json.id}`, { as: 'wardLead' })).json.id).toBe(first.json.id);
    const mine = await api('GET', `/api/v1/payments/intents?dossierCode=${code}`, { as: 'citizen' });
    expect(mine.json.items.map((item: { id: string }) => item.id)).toEqual([first.json.id]);
    expect((await api('GET', `/api/v1/payments/intents?dossierCode=${code}`, { as: 'other' })).json.total).toBe(0);
    expect((await api('GET', `/api/v1/payments/intents?agencyCode=PHUXUAN_HCC&dossierCode=${code}`, { as: 'desk' })).json.total).toBe(1);
    expect((await api('GET', `/api/v1/payments/intents?agencyCode=PHUXUAN&dossierCode=${code}`, { as: 'wardLead' })).json.total).toBe(1);
    expect((await api('GET', '/api/v1/payments/intents?agencyCode=PHUXUAN', { as: 'citizen' })).status).toBe(403);

    // Three first requests at once still make one intent.
    const racing = await feeDueDossier();
    const answers = await Promise.all([1, 2, 3].map(() => api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: racing } })));
    expect(new Set(answers.map((answer) => answer.json.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);

    const filed = await api('POST', '/api/v1/dossiers', { as: 'citizen', body: { procedureCode: FEE_PROCEDURE.code, agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: {}, components: [], deliveryMethod: 'online' } });
    const notDue = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: filed.json.code } });
    expect([notDue.status, notDue.json.code]).toEqual([409, 'payments.dossier_not_payable']);
  });

  it('serve a VietQR payload that decodes back with a valid CRC, and a PNG that zbarimg reads as the same payload', async () => {
    const intent = await openIntent(await feeDueDossier());
    const text = await api('GET', `/api/v1/payments/intents/${intent.id}/vietqr.txt`, { as: 'citizen' });
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.text).toBe(intent.methods.vietqr.payload);
    const decoded = new QRPay(text.text);
    expect(decoded.isValid).toBe(true);
    expect([decoded.initMethod, decoded.consumer.bankBin, decoded.consumer.bankNumber, decoded.amount, decoded.additionalData.purpose, decoded.currency, decoded.nation]).toEqual(['12', '970415', '113366668888', String(AMOUNT), intent.reference, '704', 'VN']);
    expect(text.text).toMatch(/^[\x20-\x7e]+$/);
    const png = await fetch(`${base}${intent.methods.vietqr.imageUrl}`, { headers: { authorization: `Bearer ${tokens.citizen}` } });
    expect(png.headers.get('content-type')).toBe('image/png');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intent-qr-')), 'qr.png');
    fs.writeFileSync(file, Buffer.from(await png.arrayBuffer()));
    expect(execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim()).toBe(text.text);
    expect((await api('GET', `/api/v1/payments/intents/${intent.id}/vietqr.txt`, { as: 'other' })).status).toBe(404);
  });
});

describe('bank transfers (VietQR + bank feed)', () => {
  let paid: { id: string; dossierCode: string; reference: string };

  it('pay the intent once through the sandbox bank: duplicates, replays and bad signatures change nothing; the dossier leaves fee due; the receipt exists', async () => {
    const code = await feeDueDossier();
    const intent = await openIntent(code);
    paid = { id: intent.id, dossierCode: code, reference: intent.reference };
    const sandbox = await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id, duplicates: 2 } });
    expect(sandbox.status, sandbox.text).toBe(200);
    expect(sandbox.json.deliveries.map((delivery: { status: number; body: { results: { outcome: string }[] } }) => [delivery.status, delivery.body.results[0]?.outcome])).toEqual([
      [200, 'matched'],
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
    // A forged delivery (wrong secret) and a replay of a real one.
    const forged = await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id, badSignature: true, bankReference: 'FORGED-1' } });
    expect(forged.json.deliveries[0]).toMatchObject({ status: 401, body: { code: 'payments.invalid_signature' } });
    const replay = await postCredit({ bankReference: sandbox.json.bankReference, amount: AMOUNT, description: `chuyen tien ${intent.reference}` });
    expect(replay.json.results[0].outcome).toBe('duplicate');

    const after = await api('GET', `/api/v1/payments/intents/${intent.id}`, { as: 'citizen' });
    expect(after.json).toMatchObject({ status: 'succeeded', amountReceived: AMOUNT, provider: 'vietqr', providerTransactionId: sandbox.json.bankReference, refundable: AMOUNT });
    expect(after.json.methods.vietqr).toBeNull();
    expect(await confirmations(intent.id)).toHaveLength(1);
    expect(await db().selectFrom('payment_bank_credits').select('bank_reference').where('bank_reference', 'in', [sandbox.json.bankReference, 'FORGED-1']).execute()).toHaveLength(1);
    expect(await auditCount('payment.succeed', intent.id)).toBe(1);

    const dossier = await api('GET', `/api/v1/dossiers/${code}`, { as: 'citizen' });
    expect([dossier.json.status, dossier.json.feePaidVia]).toEqual(['accepted', 'online']);
    const receipt = await db().selectFrom('documents').selectAll().where('id', '=', after.json.receiptDocumentId).executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ kind: 'receipt', dossier_code: code, number_symbol: `BL-${intent.reference}`, title_vi: 'BIÊN LAI THU PHÍ, LỆ PHÍ' });
    expect(receipt.signature_count).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(receipt.pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('queue credits that match nothing, and let staff link or dismiss them (audited)', async () => {
    const intent = await openIntent(await feeDueDossier());
    const short = await postCredit({ bankReference: 'FT-SHORT-1', amount: AMOUNT - 8_000, description: `NGUYEN THI HOA ck ${intent.reference.toLowerCase()}` });
    const unknown = await postCredit({ bankReference: 'FT-UNKNOWN-1', amount: 20_000, description: 'chuyen tien OC0000000000ZZ' });
    const elsewhere = await postCredit({ bankReference: 'FT-OTHER-ACCOUNT', amount: AMOUNT, description: intent.reference, accountNumber: '999999999' });
    expect([short.json.results[0], unknown.json.results[0], elsewhere.json.results[0]].map((result: { outcome: string; reason: string }) => `${result.outcome}:${result.reason}`)).toEqual([
      'queued:amount_mismatch',
      'queued:unknown_reference',
      'queued:wrong_account',
    ]);
    const stale = Buffer.from('{"transactions":[]}');
    const old = signWebhook(feedSecret(), stale, new Date(Date.now() - 10 * 60_000));
    const staleAnswer = await fetch(`${base}/api/v1/payments/webhooks/bank-feed`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-onecity-signature': old }, body: stale });
    expect(staleAnswer.status).toBe(401);
    expect((await intentRow(intent.id)).status).toBe('requires_payment');

    const queue = await api('GET', '/api/v1/payments/reconciliation?status=open', { as: 'desk' });
    const byReference = new Map(queue.json.items.map((item: { bankReference: string }) => [item.bankReference, item]));
    expect([...byReference.keys()]).toEqual(expect.arrayContaining(['FT-SHORT-1', 'FT-UNKNOWN-1', 'FT-OTHER-ACCOUNT']));
    expect((await api('GET', '/api/v1/payments/reconciliation', { as: 'citizen' })).status).toBe(403);

    const shortId = (byReference.get('FT-SHORT-1') as { id: string }).id;
    const wrong = await api('POST', `/api/v1/payments/reconciliation/${shortId}/resolve`, { as: 'desk', body: { action: 'link', intentId: intent.id } });
    expect([wrong.status, wrong.json.code]).toEqual([400, 'payments.amount_mismatch']);
    const otherId = (byReference.get('FT-OTHER-ACCOUNT') as { id: string }).id;
    const linked = await api('POST', `/api/v1/payments/reconciliation/${otherId}/resolve`, { as: 'desk', body: { action: 'link', intentId: intent.id, note: 'Chuyển nhầm tài khoản phụ, đã đối chiếu sao kê' } });
    expect(linked.json).toEqual({ status: 'linked', intentId: intent.id });
    expect((await intentRow(intent.id)).status).toBe('succeeded');
    expect((await intentRow(intent.id)).receipt_document_id).not.toBeNull();
    expect((await api('GET', `/api/v1/dossiers/${intent.dossierCode}`, { as: 'citizen' })).json.status).toBe('accepted');

    const unknownId = (byReference.get('FT-UNKNOWN-1') as { id: string }).id;
    expect((await api('POST', `/api/v1/payments/reconciliation/${unknownId}/resolve`, { as: 'desk', body: { action: 'not_ours', note: 'Không rõ người nộp' } })).status).toBe(403);
    expect((await api('POST', `/api/v1/payments/reconciliation/${unknownId}/resolve`, { as: 'wardLead', body: { action: 'not_ours', note: 'Không rõ người nộp, đã hoàn trả' } })).json.status).toBe('not_ours');
    const twice = await api('POST', `/api/v1/payments/reconciliation/${unknownId}/resolve`, { as: 'wardLead', body: { action: 'not_ours', note: 'Không rõ người nộp' } });
    expect([twice.status, twice.json.code]).toEqual([409, 'payments.credit_resolved']);
    expect(await auditCount('payment.credit_link', otherId)).toBe(1);
    expect(await auditCount('payment.credit_dismiss', unknownId)).toBe(1);
  });

  it('apply concurrent credits for one intent once; the others wait in the queue', async () => {
    const intent = await openIntent(await feeDueDossier());
    const results = await Promise.all([1, 2, 3, 4].map((n) => postCredit({ bankReference: `FT-RACE-${n}`, amount: AMOUNT, description: `ck ${intent.reference}` })));
    for (const result of results) expect(result.status, JSON.stringify(result.json)).toBe(200);
    const outcomes = results.map((result) => result.json.results[0].outcome).sort();
    expect(outcomes).toEqual(['matched', 'queued', 'queued', 'queued']);
    expect(results.filter((result) => result.json.results[0].reason === 'already_paid')).toHaveLength(3);
    expect(await confirmations(intent.id)).toHaveLength(1);
    expect((await intentRow(intent.id)).amount_received).toBe(AMOUNT);
  });

  it('refund only by unit leads or admins, with a reason, never more than was paid', async () => {
    const url = `/api/v1/payments/intents/${paid.id}/refunds`;
    expect((await api('POST', url, { as: 'desk', body: { amount: 1_000, reason: 'Thu thừa phí' } })).status).toBe(403);
    expect((await api('POST', url, { as: 'citizen', body: { amount: 1_000, reason: 'Thu thừa phí' } })).status).toBe(403);
    expect((await api('POST', url, { as: 'wardLead', body: { amount: 1_000 } })).status).toBe(400);
    const partial = await api('POST', url, { as: 'wardLead', body: { amount: 20_000, reason: 'Miễn phí sao y theo quy định' } });
    expect(partial.status, partial.text).toBe(201);
    expect(partial.json).toMatchObject({ status: 'partially_refunded', amountRefunded: 20_000, refundable: 38_000 });
    expect(partial.json.refunds[0]).toMatchObject({ amount: 20_000, reason: 'Miễn phí sao y theo quy định', status: 'succeeded', createdByName: 'Trương Công Minh' });
    const tooMuch = await api('POST', url, { as: 'wardLead', body: { amount: 38_001, reason: 'Hoàn toàn bộ' } });
    expect([tooMuch.status, tooMuch.json.code]).toEqual([400, 'payments.refund_too_large']);
    // Two refunds at once that together exceed what is left: one wins.
    const racing = await Promise.all([1, 2].map(() => api('POST', url, { as: 'admin', body: { amount: 20_000, reason: 'Hoàn phí trùng' } })));
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 400]);
    const rest = await api('POST', url, { as: 'wardLead', body: { amount: 18_000, reason: 'Hoàn phần còn lại' } });
    expect(rest.json).toMatchObject({ status: 'refunded', amountRefunded: AMOUNT, refundable: 0 });
    const none = await api('POST', url, { as: 'wardLead', body: { amount: 1, reason: 'Hoàn thêm' } });
    expect([none.status, none.json.code]).toEqual([409, 'payments.invalid_transition']);
    const refunds = await db().selectFrom('payment_refunds').select(sql<number>`sum(amount)::int`.as('total')).where('intent_id', '=', paid.id).executeTakeFirstOrThrow();
    expect(refunds.total).toBe(AMOUNT);
  });
});

describe('the card and wallet gateway (VNPay 2.1.0)', () => {
  let paidByCard: { id: string; attemptRef: string; transactionNo: string };

  it('sign the payment URL with the 2.1.0 parameters and move the intent to processing', async () => {
    const intent = await openIntent(await feeDueDossier());
    const started = await api('POST', `/api/v1/payments/intents/${intent.id}/attempts`, { as: 'citizen', body: { provider: 'vnpay', locale: 'vn' } });
    expect(started.status, started.text).toBe(201);
    const url = new URL(started.json.redirectUrl);
    expect(url.pathname).toBe('/api/v1/payments/sandbox/vnpay/pay');
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({ vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: 'ONECITY1', vnp_Amount: String(AMOUNT * 100), vnp_CurrCode: 'VND', vnp_Locale: 'vn', vnp_TxnRef: `${intent.reference}V1` });
    expect(params.vnp_CreateDate).toMatch(/^\d{14}$/);
    expect(params.vnp_ExpireDate).toMatch(/^\d{14}$/);
    expect(params.vnp_ReturnUrl).toBe('http://localhost:3000/api/v1/payments/vnpay/return');
    expect(params.vnp_OrderInfo).toMatch(/^[\x20-\x7e]+$/);
    expect(signVnpay(params, vnpaySecret())).toBe(params.vnp_SecureHash);
    expect((await intentRow(intent.id)).status).toBe('processing');
    const page = await fetch(started.json.redirectUrl.replace('http://localhost:3000', base));
    expect(await page.text()).toContain('MÔI TRƯỜNG THỬ NGHIỆM (SANDBOX)');
  });

  it('confirm through the IPN once, whatever the gateway sends: bad signatures, wrong amounts, failures, duplicates, late and out-of-order calls', async () => {
    const code = await feeDueDossier();
    const intent = await openIntent(code);
    const start = async (key: string) => (await api('POST', `/api/v1/payments/intents/${intent.id}/attempts`, { as: 'citizen', body: { provider: 'vnpay' }, headers: { 'idempotency-key': key } })).json;
    const complete = (paymentUrl: string, options: Record<string, unknown>) => api('POST', '/api/v1/payments/sandbox/vnpay/complete', { body: { paymentUrl, ...options } });
    const answers = (result: Answer) => result.json.deliveries.map((delivery: { body: { RspCode: string } }) => delivery.body.RspCode);

    const first = await start('attempt-1');
    expect(answers(await complete(first.redirectUrl, { outcome: 'success', badSignature: true }))).toEqual(['97']);
    expect(answers(await complete(first.redirectUrl, { outcome: 'success', amountOverride: AMOUNT - 1_000 }))).toEqual(['04']);
    expect((await intentRow(intent.id)).status).toBe('processing');
    // The customer cancels: acknowledged, and the intent is payable again.
    const cancelled = await complete(first.redirectUrl, { outcome: 'cancelled' });
    expect(answers(cancelled)).toEqual(['00']);
    expect((await intentRow(intent.id)).status).toBe('requires_payment');
    // The browser coming back says nothing to the books.
    const back = await fetch(cancelled.json.returnUrl.replace('http://localhost:3000', base), { redirect: 'manual' });
    expect([back.status, back.headers.get('location')]).toEqual([303, `/dossiers/${code}?payment=failed`]);

    const second = await start('attempt-2');
    const success = await complete(second.redirectUrl, { outcome: 'success', duplicates: 2 });
    expect(answers(success)).toEqual(['00', '02', '02']);
    const attemptRef = `${intent.reference}V2`;
    paidByCard = { id: intent.id, attemptRef, transactionNo: success.json.transactionNo };
    // Late and out of order: the failure of the same attempt, then a replay of the success.
    expect(answers(await complete(second.redirectUrl, { outcome: 'cancelled' }))).toEqual(['02']);
    expect(answers(await complete(second.redirectUrl, { outcome: 'success', transactionNo: success.json.transactionNo }))).toEqual(['02']);
    // A second, distinct charge for a paid intent: acknowledged (02) and flagged for a refund.
    expect(answers(await complete(second.redirectUrl, { outcome: 'success' }))).toEqual(['02']);
    const unknownOrder = await fetch(`${base}/api/v1/payments/vnpay/ipn?${ipnQuery('OCNOSUCHORDER1', AMOUNT, '1')}`);
    expect(await unknownOrder.json()).toEqual({ RspCode: '01', Message: 'Order not found' });

    const row = await intentRow(intent.id);
    expect([row.status, row.amount_received, row.provider, row.provider_transaction_id]).toEqual(['succeeded', AMOUNT, 'vnpay', success.json.transactionNo]);
    expect(row.receipt_document_id).not.toBeNull();
    expect(await confirmations(intent.id)).toHaveLength(1);
    const duplicates = await db().selectFrom('payment_discrepancies').select('kind').where('intent_id', '=', intent.id).execute();
    expect(duplicates.map((entry) => entry.kind)).toEqual(['duplicate_payment']);
    expect((await api('GET', `/api/v1/dossiers/${code}`, { as: 'citizen' })).json).toMatchObject({ status: 'accepted', feePaidVia: 'online' });
    const attempts = await db().selectFrom('payment_attempts').select(['provider_reference', 'status']).where('intent_id', '=', intent.id).where('provider', '=', 'vnpay').orderBy('created_at').execute();
    expect(attempts.map((attempt) => `${attempt.provider_reference}:${attempt.status}`)).toEqual([`${intent.reference}V1:failed`, `${attemptRef}:succeeded`]);
  });

  it('show the return page before a late IPN without changing anything, then apply the IPN when it comes', async () => {
    const code = await feeDueDossier();
    const intent = await openIntent(code);
    const started = await api('POST', `/api/v1/payments/intents/${intent.id}/attempts`, { as: 'citizen', body: { provider: 'vnpay' } });
    const late = await api('POST', '/api/v1/payments/sandbox/vnpay/complete', { body: { paymentUrl: started.json.redirectUrl, outcome: 'success', delayMs: 800 } });
    expect(late.json.deliveries).toEqual([]);
    const back = await fetch(late.json.returnUrl.replace('http://localhost:3000', base), { redirect: 'manual' });
    expect(back.headers.get('location')).toBe(`/dossiers/${code}?payment=success`);
    const tampered = await fetch(late.json.returnUrl.replace('http://localhost:3000', base).replace('vnp_ResponseCode=00', 'vnp_ResponseCode=01'), { redirect: 'manual' });
    expect(tampered.headers.get('location')).toBe('/dossiers/mine?payment=invalid');
    expect((await intentRow(intent.id)).status).toBe('processing');
    await waitFor(async () => (await intentRow(intent.id)).status === 'succeeded');
    expect(await confirmations(intent.id)).toHaveLength(1);
  });

  it('apply concurrent IPN confirmations of one intent once', async () => {
    const intent = await openIntent(await feeDueDossier());
    await api('POST', `/api/v1/payments/intents/${intent.id}/attempts`, { as: 'citizen', body: { provider: 'vnpay' } });
    const query = ipnQuery(`${intent.reference}V1`, AMOUNT, '77000001');
    const answers = await Promise.all([1, 2, 3, 4, 5].map(async () => (await (await fetch(`${base}/api/v1/payments/vnpay/ipn?${query}`)).json()) as { RspCode: string }));
    expect(answers.map((answer) => answer.RspCode).sort()).toEqual(['00', '02', '02', '02', '02']);
    expect(await confirmations(intent.id)).toHaveLength(1);
    expect(await auditCount('payment.succeed', intent.id)).toBe(1);
    expect(await db().selectFrom('documents').select('id').where('dossier_code', '=', intent.dossierCode).where('kind', '=', 'receipt').execute()).toHaveLength(1);
  });

  it('keep paidByCard for the reconciliation', () => {
    expect(paidByCard.transactionNo).toMatch(/^\d{8}$/);
  });
});

describe('idempotency keys', () => {
  it('replay the first answer for the same key and caller, errors included, and refuse other parameters', async () => {
    const code = await feeDueDossier();
    const key = { 'idempotency-key': `create-${code}` };
    const first = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: code }, headers: key });
    const second = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: code }, headers: key });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.text).toBe(first.text);
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')]).toEqual([null, 'true']);
    const other = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: await feeDueDossier() }, headers: key });
    expect([other.status, other.json.code]).toEqual([409, 'payments.idempotency_mismatch']);
    // Another caller's identical key is another request.
    const desk = await api('POST', '/api/v1/payments/intents', { as: 'desk', body: { dossierCode: code }, headers: key });
    expect([desk.status, desk.headers.get('idempotent-replayed')]).toEqual([200, null]);

    const refundKey = { 'idempotency-key': `refund-${code}` };
    const refused = await api('POST', `/api/v1/payments/intents/${first.json.id}/refunds`, { as: 'wardLead', body: { amount: 1_000, reason: 'Thử hoàn tiền' }, headers: refundKey });
    expect([refused.status, refused.json.code]).toEqual([409, 'payments.invalid_transition']);
    await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: first.json.id } });
    // Paid meanwhile, the same key still answers what it answered first.
    const replayed = await api('POST', `/api/v1/payments/intents/${first.json.id}/refunds`, { as: 'wardLead', body: { amount: 1_000, reason: 'Thử hoàn tiền' }, headers: refundKey });
    expect([replayed.status, replayed.text, replayed.headers.get('idempotent-replayed')]).toEqual([409, refused.text, 'true']);
    expect((await intentRow(first.json.id)).amount_refunded).toBe(0);
    expect((await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: code }, headers: { 'idempotency-key': 'ü' } })).status).toBe(400);
  });
});

describe('housekeeping, figures and reconciliation', () => {
  it('expire intents past their time, cancel those of dossiers paid at the desk, and issue receipts that are missing', async () => {
    const expiring = await openIntent(await feeDueDossier());
    await db().updateTable('payment_intents').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expiring.id).execute();
    const deskPaidCode = await feeDueDossier();
    const deskPaid = await openIntent(deskPaidCode);
    await api('POST', `/api/v1/dossiers/${deskPaidCode}/actions`, { as: 'desk', body: { type: 'record_payment', reference: 'BL-0000777' } });
    const paidRow = await db().selectFrom('payment_intents').select(['id', 'receipt_document_id']).where('status', '=', 'succeeded').where('receipt_document_id', 'is not', null).executeTakeFirstOrThrow();
    await db().updateTable('payment_intents').set({ receipt_document_id: null }).where('id', '=', paidRow.id).execute();

    const swept = await sweepPayments(t.app.ctx);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect(swept.cancelled).toBeGreaterThanOrEqual(1);
    expect(swept.receipts).toBe(1);
    expect((await intentRow(expiring.id)).status).toBe('expired');
    expect(await intentRow(deskPaid.id)).toMatchObject({ status: 'cancelled', close_reason: 'dossier_settled' });
    expect((await intentRow(paidRow.id)).receipt_document_id).not.toBeNull();
    expect((await api('GET', `/api/v1/payments/intents/${expiring.id}`, { as: 'citizen' })).json.methods.vietqr).toBeNull();
    const renewed = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: expiring.dossierCode } });
    expect(renewed.status).toBe(201);
    expect(renewed.json.reference).not.toBe(expiring.reference);
    // Money for a cancelled intent is never applied: it waits for staff.
    const late = await postCredit({ bankReference: 'FT-LATE-1', amount: AMOUNT, description: deskPaid.reference });
    expect(late.json.results[0]).toMatchObject({ outcome: 'queued', reason: 'intent_closed' });
  });

  it('report the Decision 766 shares with numerators and denominators, the daily collections and a bank-statement CSV', async () => {
    const code = await feeDueDossier();
    const intent = await openIntent(code);
    // After office hours a dossier counts as received the next working day: the period runs a fortnight ahead.
    const query = `agencyCode=PHUXUAN&from=${today()}&to=${addDays(today(), 14)}`;
    const before = (await api('GET', `/api/v1/payments/statistics?${query}`, { as: 'wardLead' })).json;
    const credit = await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id } });
    const after = await api('GET', `/api/v1/payments/statistics?${query}`, { as: 'wardLead' });
    expect(after.status, after.text).toBe(200);
    expect(after.json.dossiersPaidOnline.numerator).toBe(before.dossiersPaidOnline.numerator + 1);
    expect(after.json.dossiersPaidOnline.denominator).toBe(before.dossiersPaidOnline.denominator);
    expect(after.json.dossiersPaidOnline.share).toBeCloseTo(after.json.dossiersPaidOnline.numerator / after.json.dossiersPaidOnline.denominator);
    const dossierFigures = (await api('GET', `/api/v1/dossiers/statistics?${query}`, { as: 'wardLead' })).json;
    expect([after.json.dossiersPaidOnline.numerator, after.json.dossiersPaidOnline.denominator]).toEqual([dossierFigures.feePaidOnline, dossierFigures.feeBearing]);
    expect(after.json.proceduresAcceptingOnline.numerator).toBe(after.json.proceduresAcceptingOnline.denominator);
    expect(after.json.proceduresAcceptingOnline.denominator).toBeGreaterThanOrEqual(1);
    expect(after.json.proceduresWithOnlinePayments.numerator).toBeGreaterThanOrEqual(1);
    expect(after.json.collected).toBe(before.collected + AMOUNT);
    expect(after.json.payments).toBe(before.payments + 1);
    expect(after.json.providers).toEqual(['vietqr', 'vnpay']);
    expect((await api('GET', `/api/v1/payments/statistics?${query}`, { as: 'citizen' })).status).toBe(403);

    const daily = await api('GET', `/api/v1/payments/daily?${query}`, { as: 'wardLead' });
    const day = daily.json.items.find((entry: { day: string }) => entry.day === today());
    expect([day.count, day.amount, day.refunded]).toEqual([after.json.payments, after.json.collected, after.json.refunded]);
    expect(day.byProvider.vietqr).toBeGreaterThanOrEqual(1);

    const csv = await api('GET', `/api/v1/payments/export.csv?${query}`, { as: 'wardLead' });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Ngày giao dịch,Số tham chiếu,Số tiền,Nội dung,Mã giao dịch ngân hàng');
    const [year, month, dayOfMonth] = today().split('-');
    expect(lines).toContain(`${dayOfMonth}/${month}/${year},"${intent.reference}",${AMOUNT},"NGUYEN THI HOA chuyen tien ${intent.reference} FT","${credit.json.bankReference}"`);
    expect(lines.some((line) => /,-20000,"Hoàn tiền: Miễn phí sao y theo quy định",/.test(line))).toBe(true);
  });

  it("give a ward desk's officer the same payments in the list, the daily figures, the statistics and the CSV; officers of other agencies none", async () => {
    const code = await feeDueDossier();
    const intent = await openIntent(code);
    await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id } });
    // The desk (PHUXUAN_HCC) received the ward's dossier: the ward (PHUXUAN) collects the fee.
    expect((await api('GET', `/api/v1/payments/intents/${intent.id}`, { as: 'citizen' })).json).toMatchObject({ status: 'succeeded', agencyCode: 'PHUXUAN', amountReceived: AMOUNT });
    const query = `agencyCode=PHUXUAN_HCC&from=${today()}&to=${today()}`;
    const list = await api('GET', `/api/v1/payments/intents?${query}&limit=200`, { as: 'desk' });
    expect(list.status, list.text).toBe(200);
    expect(list.json.items.map((item: { id: string }) => item.id)).toContain(intent.id);
    const paid = list.json.items.filter((item: { succeededAt: string | null }) => item.succeededAt !== null && localDateTime(new Date(item.succeededAt), 'Asia/Ho_Chi_Minh').date === today());
    expect(paid.length).toBe(list.json.total - list.json.items.filter((item: { succeededAt: string | null }) => item.succeededAt === null).length);
    const paidAmount = paid.reduce((sum: number, item: { amountReceived: number }) => sum + item.amountReceived, 0);

    const statistics = await api('GET', `/api/v1/payments/statistics?${query}`, { as: 'desk' });
    expect(statistics.status, statistics.text).toBe(200);
    expect([statistics.json.payments, statistics.json.collected]).toEqual([paid.length, paidAmount]);
    expect(statistics.json.payments).toBeGreaterThanOrEqual(1);
    const daily = await api('GET', `/api/v1/payments/daily?${query}`, { as: 'desk' });
    expect(daily.status, daily.text).toBe(200);
    expect(daily.json.items).toHaveLength(1);
    expect([daily.json.items[0].day, daily.json.items[0].count, daily.json.items[0].amount, daily.json.items[0].refunded]).toEqual([today(), paid.length, paidAmount, statistics.json.refunded]);
    const csv = await api('GET', `/api/v1/payments/export.csv?${query}`, { as: 'desk' });
    expect(csv.status, csv.text).toBe(200);
    const credits = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).filter((line) => !line.includes('"Hoàn tiền: '));
    expect(credits.some((line) => line.includes(`"${intent.reference}",${AMOUNT},`))).toBe(true);
    expect(new Set(credits.map((line) => line.split(',')[1])).size).toBe(paid.length);
    expect(credits.reduce((sum, line) => sum + Number(line.split(',')[2]), 0)).toBe(paidAmount);

    // Officers of other agencies (another desk, a department's lead) are refused for this desk, as by the list.
    for (const who of ['cityDesk', 'unitLead', 'citizen']) {
      for (const path of ['intents', 'daily', 'statistics', 'export.csv']) {
        const refused = await api('GET', `/api/v1/payments/${path}?${query}`, { as: who });
        expect([who, path, refused.status]).toEqual([who, path, 403]);
      }
    }
  });

  it('flag every difference between providers, intents and dossiers once, audited', async () => {
    const intent = await openIntent(await feeDueDossier());
    // The bank credited the account, and its feed never told us.
    await db().insertInto('payment_sandbox_ledger').values({ provider: 'vietqr', provider_transaction_id: 'FT-LOST-1', reference: intent.reference, amount: AMOUNT }).execute();
    // A paid intent whose amount was changed behind the state machine's back.
    const tampered = await db().selectFrom('payment_intents').select('id').where('provider', '=', 'vnpay').where('status', '=', 'succeeded').executeTakeFirstOrThrow();
    await db().updateTable('payment_intents').set({ amount_received: AMOUNT - 1 }).where('id', '=', tampered.id).execute();

    expect((await api('POST', '/api/v1/payments/reconciliation/run', { as: 'wardLead', body: {} })).status).toBe(403);
    const audited = await auditCount('payment.discrepancy');
    const run = await api('POST', '/api/v1/payments/reconciliation/run', { as: 'admin', body: { day: today() } });
    expect(run.status, run.text).toBe(200);
    expect(run.json.new).toBeGreaterThanOrEqual(2);
    expect(await auditCount('payment.discrepancy')).toBe(audited + run.json.new);
    const listed = (await api('GET', '/api/v1/payments/discrepancies', { as: 'wardLead' })).json.items;
    expect(listed).toContainEqual(expect.objectContaining({ kind: 'missing_confirmation', provider: 'vietqr', providerTransactionId: 'FT-LOST-1', expectedAmount: AMOUNT }));
    expect(listed).toContainEqual(expect.objectContaining({ kind: 'amount_mismatch', intentId: tampered.id, expectedAmount: AMOUNT, actualAmount: AMOUNT - 1 }));
    // The IPN that reported a wrong amount: the gateway's statement says it collected money no intent took.
    expect(listed).toContainEqual(expect.objectContaining({ kind: 'amount_mismatch', provider: 'vnpay', expectedAmount: AMOUNT - 1_000, actualAmount: 0 }));
    const again = await api('POST', '/api/v1/payments/reconciliation/run', { as: 'admin', body: { day: today() } });
    expect(again.json.new).toBe(0);
    expect(again.json.found).toBe(run.json.found);
  });
});
