import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, type Json } from '../../../test/http-client.ts';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { localDateTime } from '../calendar/index.ts';

let t: TestApp;
let base: string;
const tokens: Record<string, string> = {};

const FEE_PROCEDURE = {
  code: 'T.PAY002',
  nameVi: 'Chứng thực bản sao (thử nghiệm đối soát)',
  nameEn: 'Certified copy (reconciliation test)',
  fieldVi: 'Chứng thực',
  fieldEn: 'Certification',
  level: 'ward',
  agencyCode: null,
  processingTime: { amount: 1, unit: 'working_days' },
  fees: [{ code: 'fee', nameVi: 'Phí chứng thực', nameEn: 'Certification fee', amount: 20_000 }],
  components: [],
  formSchema: { type: 'object', additionalProperties: false, properties: {} },
  onlineLevel: 'full',
  resultType: 'electronic',
  resultTemplate: { titleVi: 'BẢN SAO CHỨNG THỰC', titleEn: 'Certified copy', bodyVi: ['Người yêu cầu: {{applicant.fullName}}'] },
  workflow: [
    { code: 'reception', kind: 'reception', nameVi: 'Tiếp nhận', nameEn: 'Reception', role: 'desk_officer', agency: 'desk', share: 0 },
    { code: 'approval', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Approval', role: 'unit_lead', agency: 'self', share: 100 },
  ],
};
const AMOUNT = 20_000;
const APPLICANT = { fullName: 'Nguyễn Thị Hoa', idNumber: '046190000123', phone: '0905000001', email: 'citizen@demo.onecity.local', address: '12 Lê Lợi, phường Phú Xuân, Huế' };

const api = httpClient(() => base, tokens);

const db = () => t.handle.db;
const today = () => localDateTime(new Date(), 'Asia/Ho_Chi_Minh').date;
const resolvePath = (id: string) => `/api/v1/payments/discrepancies/${id}/resolve`;
const auditRows = (targetId: string) => db().selectFrom('audit_log').selectAll().where('action', '=', 'payment.discrepancy_resolve').where('target_id', '=', targetId).execute();
const userId = async (email: string) => (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** A dossier in "fee due" with its open intent. */
async function feeDueIntent(): Promise<{ code: string; intent: Json }> {
  const filed = await api('POST', '/api/v1/dossiers', { as: 'citizen', body: { procedureCode: FEE_PROCEDURE.code, agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: {}, components: [], deliveryMethod: 'online' } });
  expect(filed.status, filed.text).toBe(201);
  const accepted = await api('POST', `/api/v1/dossiers/${filed.json.code}/actions`, { as: 'desk', body: { type: 'accept' } });
  expect(accepted.json.status, accepted.text).toBe('fee_due');
  const intent = await api('POST', '/api/v1/payments/intents', { as: 'citizen', body: { dossierCode: filed.json.code } });
  expect(intent.status, intent.text).toBe(201);
  return { code: filed.json.code as string, intent: intent.json };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
  for (const [name, login] of Object.entries({
    admin: 'admin@demo.onecity.local',
    auditor: 'auditor@demo.onecity.local',
    citizen: 'citizen@demo.onecity.local',
    desk: 'desk.officer@demo.onecity.local',
    wardLead: 'ward.lead@demo.onecity.local',
    wardOfficer: 'ward.officer@demo.onecity.local',
    otherLead: 'unit.lead@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
  const created = await api('POST', '/api/v1/procedures', { as: 'admin', body: FEE_PROCEDURE });
  if (created.status !== 201) throw new Error(created.text);
});
afterAll(async () => t?.dispose());

describe('resolving reconciliation discrepancies', () => {
  it('close a discrepancy once, with what was done and a note, by staff over the payment; audited; listed as resolved', async () => {
    // The desk takes the fee in cash, then the citizen's transfer arrives too: paid twice, one payment to refund.
    const { code, intent } = await feeDueIntent();
    const atDesk = await api('POST', `/api/v1/dossiers/${code}/actions`, { as: 'desk', body: { type: 'record_payment', reference: 'BL-0000901' } });
    expect(atDesk.status, atDesk.text).toBe(200);
    const transfer = await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id } });
    expect(transfer.json.deliveries[0].body.results[0].outcome, transfer.text).toBe('matched');

    const open = await api('GET', '/api/v1/payments/discrepancies', { as: 'wardLead' });
    const flagged = open.json.items.find((item: { kind: string; intentId: string }) => item.kind === 'dossier_paid_twice' && item.intentId === intent.id);
    expect(flagged).toMatchObject({ status: 'open', actualAmount: AMOUNT, resolution: null, resolutionNote: null, resolvedAt: null, resolvedByName: null });
    const id = flagged.id as string;

    // Who may not: a citizen, an officer, an auditor (reads only), a unit lead of another agency.
    for (const who of ['citizen', 'wardOfficer', 'auditor', 'otherLead']) {
      const refused = await api('POST', resolvePath(id), { as: who, body: { resolution: 'refunded', note: 'Đã hoàn lại khoản nộp trùng.' } });
      expect([who, refused.status, refused.json.code]).toEqual([who, 403, 'auth.forbidden']);
    }
    expect((await api('POST', resolvePath(id), { body: { resolution: 'refunded', note: 'Đã hoàn lại khoản nộp trùng.' } })).status).toBe(401);

    // Bad bodies are a 400 naming the field, in the caller's language; nothing is written.
    const blank = await api('POST', resolvePath(id), { as: 'wardLead', body: { resolution: 'refunded', note: '    ab    ' }, headers: { 'accept-language': 'en' } });
    expect([blank.status, blank.json.code, blank.json.detail]).toEqual([400, 'http.validation_failed', 'The request data is invalid.']);
    expect(blank.json.errors).toEqual([{ field: 'note', message: 'must have at least 5 characters' }]);
    const blankVi = await api('POST', resolvePath(id), { as: 'wardLead', body: { resolution: 'refunded', note: '    ab    ' }, headers: { 'idempotency-key': `blank-${id}` } });
    expect([blankVi.status, blankVi.json.detail, blankVi.json.errors]).toEqual([400, 'Dữ liệu gửi lên không hợp lệ.', [{ field: 'note', message: 'cần ít nhất 5 ký tự' }]]);
    for (const body of [{ resolution: 'refunded' }, { resolution: 'paid', note: 'Đã hoàn lại khoản nộp trùng.' }, { resolution: 'refunded', note: 'x'.repeat(1001) }, { resolution: 'refunded', note: 'Đã hoàn lại.', extra: 1 }, { resolution: 'refunded', note: 12345 }]) {
      const bad = await api('POST', resolvePath(id), { as: 'wardLead', body });
      expect([bad.status, bad.json.code], JSON.stringify(body)).toEqual([400, 'http.validation_failed']);
      expect(bad.json.errors.length).toBeGreaterThan(0);
    }
    expect((await api('POST', '/api/v1/payments/discrepancies/not-a-uuid/resolve', { as: 'wardLead', body: { resolution: 'refunded', note: 'Đã hoàn lại.' } })).status).toBe(400);
    const unknown = await api('POST', resolvePath(randomUUID()), { as: 'wardLead', body: { resolution: 'refunded', note: 'Đã hoàn lại.' }, headers: { 'accept-language': 'en' } });
    expect([unknown.status, unknown.json.code, unknown.json.detail]).toEqual([404, 'payments.discrepancy_not_found', 'Reconciliation discrepancy not found.']);
    expect(await auditRows(id)).toHaveLength(0);
    expect((await db().selectFrom('payment_discrepancies').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('open');

    // The ward lead refunds the second payment, then closes the discrepancy; a retry with the same key replays.
    const refund = await api('POST', `/api/v1/payments/intents/${intent.id}/refunds`, { as: 'wardLead', body: { amount: AMOUNT, reason: 'Đã nộp lệ phí tại bộ phận một cửa' } });
    expect(refund.status, refund.text).toBe(201);
    const key = { 'idempotency-key': `resolve-${id}` };
    const body = { resolution: 'refunded', note: '  Đã hoàn trả 20.000 đồng nộp trùng qua chuyển khoản.  ' };
    const resolved = await api('POST', resolvePath(id), { as: 'wardLead', body, headers: key });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.json).toMatchObject({ id, status: 'resolved', resolution: 'refunded', resolutionNote: 'Đã hoàn trả 20.000 đồng nộp trùng qua chuyển khoản.', resolvedByName: 'Trương Công Minh', intentReference: intent.reference });
    expect(Date.parse(resolved.json.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);
    const replay = await api('POST', resolvePath(id), { as: 'wardLead', body, headers: key });
    expect([replay.status, replay.text, replay.headers.get('idempotent-replayed')]).toEqual([200, resolved.text, 'true']);
    const mismatch = await api('POST', resolvePath(id), { as: 'wardLead', body: { ...body, resolution: 'corrected' }, headers: key });
    expect([mismatch.status, mismatch.json.code]).toEqual([409, 'payments.idempotency_mismatch']);
    // A new action on a closed discrepancy is refused, whoever asks.
    const again = await api('POST', resolvePath(id), { as: 'desk', body: { resolution: 'not_an_error', note: 'Không phải sai sót.' }, headers: { 'accept-language': 'en' } });
    expect([again.status, again.json.code, again.json.detail]).toEqual([409, 'payments.discrepancy_resolved', 'This reconciliation discrepancy has already been resolved.']);

    const row = await db().selectFrom('payment_discrepancies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'resolved', resolution: 'refunded', resolution_note: 'Đã hoàn trả 20.000 đồng nộp trùng qua chuyển khoản.', resolved_by: await userId('ward.lead@demo.onecity.local') });
    const audited = await auditRows(id);
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actor_id).toBe(await userId('ward.lead@demo.onecity.local'));
    expect(audited[0]?.diff).toMatchObject({ before: { status: 'open' } });
    expect((audited[0]?.diff as { after: unknown }).after).toMatchObject({ status: 'resolved', resolution: 'refunded', note: 'Đã hoàn trả 20.000 đồng nộp trùng qua chuyển khoản.', kind: 'dossier_paid_twice', intentId: intent.id });

    const stillOpen = await api('GET', '/api/v1/payments/discrepancies?status=open', { as: 'auditor' });
    expect(stillOpen.json.items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect((await api('GET', '/api/v1/payments/discrepancies', { as: 'auditor' })).json.items.map((item: { id: string }) => item.id)).not.toContain(id);
    const closed = await api('GET', '/api/v1/payments/discrepancies?status=resolved', { as: 'auditor' });
    expect(closed.json.items[0]).toMatchObject({ id, resolution: 'refunded', resolvedByName: 'Trương Công Minh' });
    expect((await api('GET', '/api/v1/payments/discrepancies?status=closed', { as: 'auditor' })).status).toBe(400);
    expect((await api('GET', '/api/v1/payments/discrepancies', { as: 'citizen' })).status).toBe(403);
  });

  it('let only unit leads and admins close one that names no payment, once even when two close it at the same moment', async () => {
    const { intent } = await feeDueIntent();
    // The bank credited the account and its feed never told us: no intent holds the money.
    const lost = `FT-LOST-${randomUUID().slice(0, 8)}`;
    await db().insertInto('payment_sandbox_ledger').values({ provider: 'vietqr', provider_transaction_id: lost, reference: intent.reference, amount: AMOUNT }).execute();
    const run = await api('POST', '/api/v1/payments/reconciliation/run', { as: 'admin', body: { day: today() } });
    expect(run.status, run.text).toBe(200);
    const listed = (await api('GET', '/api/v1/payments/discrepancies', { as: 'desk' })).json.items;
    const missing = listed.find((item: { providerTransactionId: string }) => item.providerTransactionId === lost);
    expect(missing).toMatchObject({ kind: 'missing_confirmation', intentId: null, status: 'open' });

    const byDesk = await api('POST', resolvePath(missing.id), { as: 'desk', body: { resolution: 'corrected', note: 'Đã đối chiếu sao kê ngân hàng.' } });
    expect([byDesk.status, byDesk.json.code]).toEqual([403, 'auth.forbidden']);
    const note = 'Đã ghi nhận khoản tiền theo sao kê ngân hàng.';
    const both = await Promise.all(['admin', 'wardLead'].map((who) => api('POST', resolvePath(missing.id), { as: who, body: { resolution: 'corrected', note } })));
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(both.find((answer) => answer.status === 409)?.json.code).toBe('payments.discrepancy_resolved');
    expect(await auditRows(missing.id)).toHaveLength(1);

    // The table keeps the invariant itself: a resolved row names how, why, who and when.
    const other = await db().insertInto('payment_discrepancies').values({ fingerprint: `test|${lost}`, kind: 'missing_confirmation', day: today(), details: '{}' }).returning('id').executeTakeFirstOrThrow();
    await expect(db().updateTable('payment_discrepancies').set({ status: 'resolved' }).where('id', '=', other.id).execute()).rejects.toThrow(/payment_discrepancies_resolved_fields_check/);
    const counted = await sql<{ count: number }>`select count(*)::int as count from payment_discrepancies where status = 'resolved' and (resolution is null or resolved_by is null)`.execute(db());
    expect(counted.rows[0]?.count).toBe(0);
  });

  it('move the sandbox bank’s money once when a transfer order is retried with its Idempotency-Key', async () => {
    const { intent } = await feeDueIntent();
    const key = { 'idempotency-key': `transfer-${intent.id}` };
    const first = await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id }, headers: key });
    const retried = await api('POST', '/api/v1/payments/sandbox/bank-feed/credits', { as: 'citizen', body: { intentId: intent.id }, headers: key });
    expect([first.status, retried.status, retried.headers.get('idempotent-replayed')]).toEqual([200, 200, 'true']);
    expect(retried.json.bankReference).toBe(first.json.bankReference);
    const credits = await db().selectFrom('payment_bank_credits').select('bank_reference').where('intent_id', '=', intent.id).execute();
    expect(credits.map((credit) => credit.bank_reference)).toEqual([first.json.bankReference]);
    const ledger = await db().selectFrom('payment_sandbox_ledger').select('id').where('reference', '=', intent.reference).execute();
    expect(ledger).toHaveLength(1);
  });
});
