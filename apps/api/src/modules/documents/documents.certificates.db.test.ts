import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin = '';
let dir = '';
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** A CA of a (pretend) licensed provider, and an official's certificate from it, made with OpenSSL as a real CA would. */
function makeCertificates(): void {
  fs.writeFileSync(path.join(dir, 'sign.ext'), 'keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n');
  fs.writeFileSync(path.join(dir, 'nosign.ext'), 'keyUsage=critical,keyEncipherment\nbasicConstraints=CA:FALSE\n');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/C=VN/O=Test Provider/CN=Test Provider Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  for (const [name, ext] of [['official', 'sign.ext'], ['nosign', 'nosign.ext']] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', '/C=VN/O=UBND phường Phú Xuân/CN=Ngô Thị Lan');
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '365', '-extfile', ext);
  }
  openssl('pkcs12', '-export', '-inkey', 'official.key', '-in', 'official.pem', '-certfile', 'ca.pem', '-out', 'official.p12', '-passout', 'pass:mật-khẩu-đúng');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'self.key', '-out', 'self.pem', '-days', '365', '-subj', '/C=VN/CN=Self Signed', '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginToken(t.app, 'admin@demo.onecity.local');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-certs-'));
  makeCertificates();
  // The deployment trusts this provider's root, as TRUSTED_ROOTS_FILE would make it.
  await t.handle.db.insertInto('trust_anchors').values({ name: 'Test Provider Root CA', certificate_pem: read('ca.pem') }).execute();
});
afterAll(async () => {
  await t?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const post = (payload: object, token = admin) => t.app.inject({ method: 'POST', url: '/api/v1/documents/certificates', headers: { authorization: `Bearer ${token}` }, payload });

describe('importing signing certificates', () => {
  let civilOfficer = '';
  beforeAll(async () => {
    civilOfficer = (await t.handle.db.selectFrom('users').select('id').where('email', '=', 'civil.officer@demo.onecity.local').executeTakeFirstOrThrow()).id;
  });

  it('refuses a wrong PKCS#12 password, unusable or untrusted certificates and mismatched keys, storing nothing', async () => {
    const before = (await t.handle.db.selectFrom('signing_certificates').select('id').execute()).length;
    const p12 = fs.readFileSync(path.join(dir, 'official.p12')).toString('base64');
    const wrong = await post({ kind: 'personal', userId: civilOfficer, pkcs12Base64: p12, password: 'sai' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('documents.wrong_key_password');
    const usage = await post({ kind: 'personal', userId: civilOfficer, certificatePem: read('nosign.pem'), chainPem: read('ca.pem'), privateKeyPem: read('nosign.key') });
    expect(usage.json().code).toBe('documents.certificate_usage');
    const untrusted = await post({ kind: 'personal', userId: civilOfficer, certificatePem: read('self.pem'), privateKeyPem: read('self.key') });
    expect(untrusted.json().code).toBe('documents.untrusted_certificate');
    const mismatch = await post({ kind: 'personal', userId: civilOfficer, certificatePem: read('official.pem'), chainPem: read('ca.pem'), privateKeyPem: read('self.key') });
    expect(mismatch.json().code).toBe('documents.invalid_certificate');
    const notAdmin = await post({ kind: 'personal', userId: civilOfficer, pkcs12Base64: p12, password: 'mật-khẩu-đúng' }, await loginToken(t.app, 'ward.lead@demo.onecity.local'));
    expect(notAdmin.statusCode).toBe(403);
    expect((await t.handle.db.selectFrom('signing_certificates').select('id').execute()).length).toBe(before);
  });

  it('imports a PKCS#12 file, keeps its key encrypted and out of every answer, and signs with it', async () => {
    const p12 = fs.readFileSync(path.join(dir, 'official.p12')).toString('base64');
    const imported = await post({ kind: 'personal', userId: civilOfficer, pkcs12Base64: p12, password: 'mật-khẩu-đúng' });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ kind: 'personal', commonName: 'Ngô Thị Lan', issuerCommonName: 'Test Provider Root CA', isDemo: false, holderName: 'Ngô Thị Lan' });
    expect(imported.body).not.toMatch(/PRIVATE KEY|BEGIN RSA/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/documents/certificates', headers: { authorization: `Bearer ${admin}` } });
    expect(list.body).not.toMatch(/PRIVATE KEY/);
    const keyPem = read('official.key');
    const stored = await t.handle.db.selectFrom('signing_certificates').select('encrypted_key').where('id', '=', imported.json().id).executeTakeFirstOrThrow();
    const keyDer = execFileSync('openssl', ['pkey', '-in', path.join(dir, 'official.key'), '-outform', 'DER']);
    expect(stored.encrypted_key?.includes(keyDer.subarray(0, 64))).toBe(false);
    expect(keyPem).toContain('PRIVATE KEY');

    const { prepareSignedDocument } = await import('./documents.service.ts');
    const agency = await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'PHUXUAN').executeTakeFirstOrThrow();
    const prepared = await prepareSignedDocument(t.app.ctx, {
      kind: 'notice',
      agencyId: agency.id,
      ownerUserId: null,
      dossierCode: null,
      signerUserId: civilOfficer,
      signerName: 'Ngô Thị Lan',
      issuedAt: new Date(),
      content: { parentAgencyNameVi: 'UBND THÀNH PHỐ HUẾ', agencyNameVi: 'ỦY BAN NHÂN DÂN PHƯỜNG PHÚ XUÂN', numberSymbol: '02/TB-UBND', placeVi: 'Huế', titleVi: 'THÔNG BÁO', paragraphs: ['Ký bằng chứng thư số đã nhập.'], signerTitleVi: 'CÔNG CHỨC' },
    });
    const { verifyPdfSignatures } = await import('../../core/signing/verify.ts');
    const roots = (await t.handle.db.selectFrom('trust_anchors').select('certificate_pem').execute()).map((row) => row.certificate_pem);
    const report = await verifyPdfSignatures(prepared.pdf, { roots });
    expect(report.signatures[0]).toMatchObject({ signerCommonName: 'Ngô Thị Lan', issuerCommonName: 'Test Provider Root CA', indication: 'TOTAL_PASSED' });

    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/documents/certificates/${imported.json().id}/revoke`, headers: { authorization: `Bearer ${admin}` }, payload: { reason: 'Cán bộ chuyển công tác' } });
    expect(revoked.statusCode).toBe(204);
    const audited = await t.handle.db.selectFrom('audit_log').select(['action', 'diff']).where('target_id', '=', imported.json().id).orderBy('seq').execute();
    expect(audited.map((row) => row.action)).toEqual(['signing_certificate.import', 'signing_certificate.revoke']);
    expect(JSON.stringify(audited)).not.toMatch(/PRIVATE KEY/);
  });
});
