import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let workDir = '';
let nssDir = '';

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({ citizen: 'citizen@demo.onecity.local', lead: 'ward.lead@demo.onecity.local', desk: 'desk.officer@demo.onecity.local', deptLead: 'unit.lead@demo.onecity.local', admin: 'admin@demo.onecity.local' })) {
    tokens[name] = await loginToken(t.app, login);
  }
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-documents-'));
  // poppler's pdfsig validates certificates through NSS: a store that trusts the demo root, as a relying party would.
  nssDir = path.join(workDir, 'nss');
  fs.mkdirSync(nssDir);
  execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  const root = await t.handle.db.selectFrom('trust_anchors').select('certificate_pem').where('is_demo', '=', true).executeTakeFirstOrThrow();
  fs.writeFileSync(path.join(workDir, 'root.pem'), root.certificate_pem);
  execFileSync('certutil', ['-A', '-d', `sql:${nssDir}`, '-n', 'onecity-demo-root', '-t', 'CT,C,C', '-i', path.join(workDir, 'root.pem')]);
});
afterAll(async () => {
  await t?.dispose();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

function pdfsig(bytes: Buffer | Uint8Array, name: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, bytes);
  const result = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

async function citizenDocuments() {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/documents', headers: as('citizen') });
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; kind: string; dossierCode: string; signatureCount: number; status: string; verificationUrl: string }[];
}

describe('documents issued for dossiers', () => {
  it('are signed by the official and sealed by the agency, and pdfsig accepts both signatures', async () => {
    const documents = await citizenDocuments();
    const result = documents.find((document) => document.kind === 'result');
    expect(result).toBeDefined();
    expect(result?.signatureCount).toBe(2);
    expect(result?.verificationUrl).toMatch(new RegExp(`/verify/${result?.id}$`));
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${result?.id}/pdf`, headers: as('citizen') });
    expect(pdf.statusCode).toBe(200);
    const output = pdfsig(pdf.rawPayload, 'result.pdf');
    expect(output.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(output.match(/Certificate is Trusted\./g)).toHaveLength(2);
    expect(output).toContain('Signer Certificate Common Name: Trương Công Minh');
    expect(output).toContain('Signer Certificate Common Name: PHƯỜNG PHÚ XUÂN');
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(output).toContain('Total document signed');
    const text = execFileSync('pdftotext', [path.join(workDir, 'result.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain(result?.dossierCode ?? '?');
  });

  it('verify publicly with four independent checks and no personal data', async () => {
    const [document] = await citizenDocuments();
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${document?.id}/verification` });
    expect(response.statusCode).toBe(200);
    const verification = response.json();
    expect(verification.integrity.result).toBe('PASSED');
    expect(verification.signature).toMatchObject({ status: 'SIGNED', indication: 'TOTAL_PASSED' });
    expect(verification.signature.signatures.map((s: { indication: string; level: string }) => [s.indication, s.level])).toEqual([
      ['TOTAL_PASSED', 'PAdES-B-B'],
      ['TOTAL_PASSED', 'PAdES-B-B'],
    ]);
    expect(verification.status).toMatchObject({ value: 'valid', reason: null });
    expect(verification.issuer).toMatchObject({ agencyCode: 'PHUXUAN', signerName: 'Trương Công Minh' });
    expect(response.body).not.toContain('Nguyễn Thị Hoa');
    expect(response.body).not.toContain('046190000123');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/documents/00000000-0000-4000-8000-000000000000/verification' });
    expect(unknown.statusCode).toBe(404);
  });

  it('catch one changed byte, both in pdfsig and in our verification of an upload', async () => {
    const [document] = await citizenDocuments();
    const original = (await t.app.inject({ method: 'GET', url: `/api/v1/documents/${document?.id}/pdf`, headers: as('citizen') })).rawPayload;
    const matched = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: original });
    expect(matched.json()).toMatchObject({ indication: 'TOTAL_PASSED', matchedDocument: { id: document?.id, status: 'valid' } });

    const tampered = Buffer.from(original);
    // Change one byte inside the first page's content (well before the first signature's /Contents).
    const offset = tampered.indexOf(Buffer.from('stream')) + 20;
    tampered[offset] = tampered[offset] === 0x41 ? 0x42 : 0x41;
    const output = pdfsig(tampered, 'tampered.pdf');
    expect(output).not.toContain('Signature is Valid.');
    const report = (await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: tampered })).json();
    expect(report.indication).toBe('TOTAL_FAILED');
    expect(report.signatures[0]).toMatchObject({ integrity: 'invalid', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(report.matchedDocument).toBeNull();
  });

  it('answer uploads that are not PDFs, unsigned PDFs and wrong media types clearly, never with a 5xx', async () => {
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('hello, not a pdf') });
    expect(text.statusCode).toBe(200);
    expect(text.json()).toMatchObject({ status: 'NOT_PDF', indication: null, signatures: [] });
    const unsigned = await PDFDocument.create();
    unsigned.addPage();
    const plain = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from(await unsigned.save()) });
    expect(plain.json()).toMatchObject({ status: 'NO_SIGNATURES', signatures: [] });
    const truncated = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.7\n1 0 obj <</ByteRange [0 10 20 30] /Contents <3082') });
    expect(truncated.statusCode).toBe(200);
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(wrongType.statusCode).toBe(415);
  });
});

describe('electronic copies', () => {
  it('are the original plus the agency seal with a text stamp; all three signatures verify, in pdfsig too', async () => {
    const [document] = await citizenDocuments();
    const byCitizen = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${document?.id}/copies`, headers: as('citizen'), payload: { copyType: 'sao_y' } });
    expect(byCitizen.statusCode).toBe(403);
    const copy = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${document?.id}/copies`, headers: as('desk'), payload: { copyType: 'sao_y' } });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ kind: 'copy', signature: { indication: 'TOTAL_PASSED' } });
    expect(copy.json().titleVi).toMatch(/^SAO Y: /);
    expect(copy.json().signature.signatures).toHaveLength(3);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${copy.json().id}/pdf`, headers: as('citizen') });
    const output = pdfsig(pdf.rawPayload, 'copy.pdf');
    expect(output.match(/Signature is Valid\./g)).toHaveLength(3);
    expect(output).toContain('Total document signed');
    // The copy starts with the original's bytes: its signatures are untouched.
    const original = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${document?.id}/pdf`, headers: as('citizen') });
    expect(pdf.rawPayload.subarray(0, original.rawPayload.length).equals(original.rawPayload)).toBe(true);
  });
});

describe('revocation, certificates and keys', () => {
  it('lets a lead of the issuing agency revoke a document, shown at once by verification', async () => {
    const documents = await citizenDocuments();
    const target = documents.find((document) => document.status === 'valid' && document.kind !== 'copy');
    const byCitizen = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${target?.id}/revoke`, headers: as('citizen'), payload: { status: 'revoked', reason: 'x' } });
    expect(byCitizen.statusCode).toBe(403);
    const byOtherAgency = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${target?.id}/revoke`, headers: as('deptLead'), payload: { status: 'revoked', reason: 'x' } });
    expect(byOtherAgency.statusCode).toBe(404);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${target?.id}/revoke`, headers: as('lead'), payload: { status: 'revoked', reason: 'Ghi sai ngày sinh của trẻ' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toMatchObject({ value: 'revoked', reason: 'Ghi sai ngày sinh của trẻ' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${target?.id}/revoke`, headers: as('lead'), payload: { status: 'revoked', reason: 'x' } });
    expect(again.statusCode).toBe(409);
    const audited = await t.handle.db.selectFrom('audit_log').select('action').where('target_id', '=', target?.id ?? '').orderBy('seq').execute();
    expect(audited.map((row) => row.action)).toEqual(['document.issue', 'document.revoke']);
  });

  it('reports a document signed with a later revoked certificate, and never signs with a revoked or expired one', async () => {
    const lead = await t.handle.db.selectFrom('users').select('id').where('email', '=', 'ward.lead@demo.onecity.local').executeTakeFirstOrThrow();
    const before = await t.handle.db.selectFrom('signing_certificates').select(['id', 'serial_number']).where('user_id', '=', lead.id).executeTakeFirstOrThrow();
    await t.handle.db.updateTable('signing_certificates').set({ revoked_at: new Date(), revocation_reason: 'keyCompromise' }).where('id', '=', before.id).execute();
    const [document] = await citizenDocuments();
    const verification = (await t.app.inject({ method: 'GET', url: `/api/v1/documents/${document?.id}/verification` })).json();
    expect(verification.signature.signatures[0]).toMatchObject({ chain: 'revoked', indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    // The seal's certificate is not revoked.
    expect(verification.signature.signatures[1].indication).toBe('TOTAL_PASSED');

    // Signing again picks a certificate that is valid now (the demo CA issues a new one).
    const { prepareSignedDocument } = await import('./documents.service.ts');
    const agency = await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'PHUXUAN').executeTakeFirstOrThrow();
    const content = { parentAgencyNameVi: 'UBND THÀNH PHỐ HUẾ', agencyNameVi: 'ỦY BAN NHÂN DÂN PHƯỜNG PHÚ XUÂN', numberSymbol: '01/TB-UBND', placeVi: 'Huế', titleVi: 'THÔNG BÁO', paragraphs: ['Thử ký lại.'], signerTitleVi: 'CHỦ TỊCH' };
    const prepared = await prepareSignedDocument(t.app.ctx, { kind: 'notice', agencyId: agency.id, ownerUserId: null, dossierCode: null, signerUserId: lead.id, signerName: 'Trương Công Minh', issuedAt: new Date(), content });
    expect(prepared.signatureCount).toBe(2);
    const after = await t.handle.db.selectFrom('signing_certificates').select(['serial_number']).where('user_id', '=', lead.id).where('revoked_at', 'is', null).execute();
    expect(after.map((row) => row.serial_number)).not.toContain(before.serial_number);
    expect(after).toHaveLength(1);
  });

  it('keeps private keys encrypted at rest and out of every answer', async () => {
    const rows = await t.handle.db.selectFrom('signing_certificates').select(['encrypted_key']).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.encrypted_key?.toString('latin1')).not.toContain('PRIVATE KEY');
      // A PKCS#8 RSA key starts with the DER sequence 30 82; the stored bytes start with our format version instead.
      expect(row.encrypted_key?.[0]).toBe(1);
    }
    const [document] = await citizenDocuments();
    for (const url of [`/api/v1/documents/${document?.id}/verification`, '/api/v1/documents']) {
      const response = await t.app.inject({ method: 'GET', url, headers: as('admin') });
      expect(response.body).not.toMatch(/PRIVATE KEY|encrypted_key|encryptedKey/);
    }
  });

  it('counts the share of issued documents that are signed', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/documents/statistics?agencyCode=PHUXUAN&from=${today}&to=${today}`, headers: as('lead') });
    expect(response.statusCode, response.body).toBe(200);
    const issued = await t.handle.db.selectFrom('documents').select(['signature_count']).execute();
    expect(response.json()).toMatchObject({ issued: issued.length, signed: issued.filter((row) => row.signature_count > 0).length });
    expect(response.json().signedShare).toBe(1);
  });
});
