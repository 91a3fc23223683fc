import { sign as rsaSign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { createDemoCa, issueSigningCertificate, privateKeyToPem, type DemoCertificate } from '../../core/signing/demo-ca.ts';
import { verifyPdfSignatures } from '../../core/signing/verify.ts';

let t: TestApp;
let server: http.Server;
let official: DemoCertificate;
let rootPem = '';
const keys = new Map<string, string>();
const requests: { keyId: string; algorithm: string }[] = [];

/** A remote signing service speaking the documented protocol, holding keys OneCity never sees. */
async function startRemoteSigner(): Promise<string> {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { keyId: string; algorithm: string; data: string };
      requests.push({ keyId: body.keyId, algorithm: body.algorithm });
      const key = keys.get(body.keyId);
      if (!key) return response.writeHead(404).end();
      const signature = rsaSign('sha256', Buffer.from(body.data, 'base64'), key).toString('base64');
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ signature }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign`;
}

beforeAll(async () => {
  const ca = await createDemoCa();
  rootPem = ca.root.pem;
  official = await issueSigningCertificate(ca, { commonName: 'Ngô Thị Lan', organization: 'UBND phường Phú Xuân', kind: 'personal', validDays: 90 });
  const other = await issueSigningCertificate(ca, { commonName: 'Khác', organization: 'X', kind: 'personal', validDays: 90 });
  keys.set('hsm-key-lan', await privateKeyToPem(official.privateKey));
  keys.set('hsm-key-other', await privateKeyToPem(other.privateKey));
  t = await createTestApp({ env: { REMOTE_SIGNER_URL: await startRemoteSigner() } });
  await t.handle.db.insertInto('trust_anchors').values({ name: 'Remote provider root', certificate_pem: rootPem }).execute();
});
afterAll(async () => {
  await t?.dispose();
  server?.close();
});

describe('keys held by a remote signing service', () => {
  it('imports a certificate by its remote key id after a proof of possession, and signs through the service', async () => {
    const admin = { authorization: `Bearer ${await loginToken(t.app, 'admin@demo.onecity.local')}` };
    const civil = await t.handle.db.selectFrom('users').select('id').where('email', '=', 'civil.officer@demo.onecity.local').executeTakeFirstOrThrow();
    const payload = { kind: 'personal', userId: civil.id, certificatePem: official.pem, chainPem: official.chainPem.join('\n') };
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/documents/certificates', headers: admin, payload: { ...payload, remoteKeyId: 'hsm-key-other' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('documents.invalid_certificate');
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/documents/certificates', headers: admin, payload: { ...payload, remoteKeyId: 'hsm-key-lan' } });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ keyProvider: 'remote', commonName: 'Ngô Thị Lan' });
    const stored = await t.handle.db.selectFrom('signing_certificates').select(['encrypted_key', 'remote_key_id']).where('id', '=', imported.json().id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ encrypted_key: null, remote_key_id: 'hsm-key-lan' });

    const { prepareSignedDocument } = await import('./documents.service.ts');
    const agency = await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'PHUXUAN').executeTakeFirstOrThrow();
    const request = {
      kind: 'notice' as const,
      agencyId: agency.id,
      ownerUserId: null,
      dossierCode: null,
      signerUserId: civil.id,
      signerName: 'Ngô Thị Lan',
      issuedAt: new Date(),
      content: { parentAgencyNameVi: 'UBND THÀNH PHỐ HUẾ', agencyNameVi: 'ỦY BAN NHÂN DÂN PHƯỜNG PHÚ XUÂN', numberSymbol: '03/TB-UBND', placeVi: 'Huế', titleVi: 'THÔNG BÁO', paragraphs: ['Ký qua dịch vụ ký số từ xa.'], signerTitleVi: 'CÔNG CHỨC' },
    };
    requests.length = 0;
    const prepared = await prepareSignedDocument(t.app.ctx, request);
    expect(requests).toEqual([{ keyId: 'hsm-key-lan', algorithm: 'RSASSA-PKCS1-v1_5-SHA256' }]);
    const report = await verifyPdfSignatures(prepared.pdf, { roots: [rootPem] });
    expect(report.signatures[0]).toMatchObject({ signerCommonName: 'Ngô Thị Lan', indication: 'TOTAL_PASSED' });

    // The service is down: nothing is signed, and the caller is told plainly.
    keys.delete('hsm-key-lan');
    await expect(prepareSignedDocument(t.app.ctx, request)).rejects.toMatchObject({ code: 'documents.signer_unavailable' });
  });
});
