import { sign as rsaSign } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../pdf/official-document.ts';
import { createDemoCa, issueSigningCertificate, privateKeyToPem } from './demo-ca.ts';
import { signPdf, type ExternalSigningKey } from './pades.ts';
import { verifyPdfSignatures } from './verify.ts';

const content = {
  parentAgencyNameVi: 'UBND THÀNH PHỐ HUẾ',
  agencyNameVi: 'SỞ TƯ PHÁP',
  numberSymbol: '15/TB-STP',
  placeVi: 'Huế',
  issuedAt: new Date('2026-11-29T03:00:00Z'),
  titleVi: 'THÔNG BÁO',
  paragraphs: ['Ký bằng khóa giữ ở dịch vụ ký số từ xa.'],
  signerTitleVi: 'GIÁM ĐỐC',
  signerName: 'Đặng Văn Phúc',
};

describe('signing with a key held elsewhere (remote signing service, HSM)', () => {
  it('produces a signature that our verifier and pdfsig accept, without the key entering signPdf', async () => {
    const ca = await createDemoCa();
    const official = await issueSigningCertificate(ca, { commonName: 'Đặng Văn Phúc', organization: 'Sở Tư pháp', kind: 'personal', validDays: 30 });
    const keyPem = await privateKeyToPem(official.privateKey);
    const calls: number[] = [];
    // What the adapter of a remote service does: send the bytes to be signed, get the RSA PKCS#1 v1.5 signature back.
    const remote: ExternalSigningKey = { kind: 'external', sign: async (data) => (calls.push(data.length), new Uint8Array(rsaSign('sha256', data, keyPem))) };
    const pdf = await signPdf(await renderOfficialDocument(content), { certificateChain: [official.pem, ...official.chainPem], privateKey: remote }, { reason: 'Ký từ xa', location: 'Huế', name: 'Đặng Văn Phúc', signingTime: new Date() });
    expect(calls).toHaveLength(1);
    const report = await verifyPdfSignatures(pdf, { roots: [ca.root.pem] });
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED', integrity: 'valid', signerCommonName: 'Đặng Văn Phúc' });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-remote-'));
    try {
      fs.writeFileSync(path.join(dir, 'root.pem'), ca.root.pem);
      execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
      execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', path.join(dir, 'root.pem')]);
      fs.writeFileSync(path.join(dir, 'signed.pdf'), pdf);
      const output = spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, path.join(dir, 'signed.pdf')], { encoding: 'utf8' }).stdout;
      expect(output).toContain('Signature is Valid.');
      expect(output).toContain('Certificate is Trusted.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is caught when the service signs with the wrong key', async () => {
    const ca = await createDemoCa();
    const official = await issueSigningCertificate(ca, { commonName: 'A', organization: 'B', kind: 'personal', validDays: 30 });
    const other = await issueSigningCertificate(ca, { commonName: 'C', organization: 'B', kind: 'personal', validDays: 30 });
    const wrongKey = await privateKeyToPem(other.privateKey);
    const remote: ExternalSigningKey = { kind: 'external', sign: async (data) => new Uint8Array(rsaSign('sha256', data, wrongKey)) };
    const pdf = await signPdf(await renderOfficialDocument(content), { certificateChain: [official.pem, ...official.chainPem], privateKey: remote }, { reason: 'x', location: 'Huế', name: 'A', signingTime: new Date() });
    const report = await verifyPdfSignatures(pdf, { roots: [ca.root.pem] });
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
  });
});
