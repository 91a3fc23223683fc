import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { createDemoCa, issueTimestampingCertificate } from '../../core/signing/demo-ca.ts';
import { createDemoTsa } from '../../core/signing/timestamp.ts';

let t: TestApp;
let server: http.Server;
let tsaRootPem = '';

/** A small RFC 3161 time-stamping authority over HTTP, as an accredited TSA would answer. */
async function startTsa(): Promise<string> {
  const ca = await createDemoCa();
  tsaRootPem = ca.root.pem;
  const stamp = createDemoTsa(await issueTimestampingCertificate(ca, { commonName: 'Test TSA', validDays: 30 }));
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const query = pkijs.TimeStampReq.fromBER(new Uint8Array(Buffer.concat(chunks)).buffer);
      const token = await stamp(Buffer.from(query.messageImprint.hashedMessage.valueBlock.valueHexView));
      const reply = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }), timeStampToken: pkijs.ContentInfo.fromBER(new Uint8Array(token).buffer) });
      response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(reply.toSchema().toBER(false)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
}

beforeAll(async () => {
  const url = await startTsa();
  t = await createTestApp({ env: { TSA_URL: url } });
  // Verification trusts the TSA's root, as a deployment configures its accredited TSA's root.
  await t.handle.db.insertInto('trust_anchors').values({ name: 'Test TSA root', certificate_pem: tsaRootPem }).execute();
});
afterAll(async () => {
  await t?.dispose();
  server?.close();
});

describe('signing with a time-stamping authority', () => {
  it('gives PAdES B-T signatures whose time comes from the TSA', async () => {
    const token = await loginToken(t.app, 'citizen@demo.onecity.local');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/documents', headers: { authorization: `Bearer ${token}` } });
    const [document] = list.json().items as { id: string }[];
    const verification = (await t.app.inject({ method: 'GET', url: `/api/v1/documents/${document?.id}/verification` })).json();
    expect(verification.signature.indication).toBe('TOTAL_PASSED');
    for (const signature of verification.signature.signatures) expect(signature).toMatchObject({ level: 'PAdES-B-T', signingTimeSource: 'timestamp', indication: 'TOTAL_PASSED' });
  });

  it('issues nothing when the TSA is unreachable, and says so', async () => {
    server.close();
    server.closeAllConnections();
    const lead = await loginToken(t.app, 'ward.lead@demo.onecity.local');
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?queue=all&status=processing', headers: { authorization: `Bearer ${lead}` } });
    const civil = await loginToken(t.app, 'civil.officer@demo.onecity.local');
    // The seeded dossier in review goes to approval, then approval fails for want of a time-stamp.
    const code = (queue.json().items as { code: string }[])[0]?.code ?? '';
    const forwarded = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { authorization: `Bearer ${civil}` }, payload: { type: 'forward' } });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const documentsBefore = await t.handle.db.selectFrom('documents').select('id').execute();
    const approved = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { authorization: `Bearer ${lead}` }, payload: { type: 'approve' } });
    expect(approved.statusCode).toBe(503);
    expect(approved.json().code).toBe('documents.timestamp_unavailable');
    expect((await t.handle.db.selectFrom('documents').select('id').execute()).length).toBe(documentsBefore.length);
    const dossier = await t.handle.db.selectFrom('dossiers').select('status').where('code', '=', code).executeTakeFirstOrThrow();
    expect(dossier.status).toBe(4);
  });
});
