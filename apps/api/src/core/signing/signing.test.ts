/**
 * End-to-end checks of the signing engine on real files: a demo CA, an official and an agency seal sign a
 * rendered Vietnamese document one after the other, and the result is checked by poppler's pdfsig (with an
 * NSS trust store holding the demo root, built with certutil from libnss3-tools), by openssl cms, by
 * pdftotext, and by our own verifier, including the failure cases. Needs poppler-utils, openssl and
 * libnss3-tools (certutil, pk12util) on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocumentWithSlot, type SignatureSlot } from '../pdf/official-document.ts';
import { createCrl, createDemoCa, issueSigningCertificate, issueTimestampingCertificate, privateKeyToPem, type DemoCa, type DemoCertificate } from './demo-ca.ts';
import { OID, toArrayBuffer } from './der.ts';
import { signPdf, type PadesSigner } from './pades.ts';
import { createDemoTsa, createTimestampRequest, timestampTokenFromResponse } from './timestamp.ts';
import { verifyPdfSignatures } from './verify.ts';

const DAY = 86_400_000;
const BODY = 'Họ, chữ đệm, tên: Nguyễn Thị Hoa; sinh ngày 05/01/2026 tại Bệnh viện Trung ương Huế';

const work = mkdtempSync(path.join(os.tmpdir(), 'onecity-signing-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let fileCounter = 0;
function tempFile(bytes: Uint8Array, extension = 'pdf'): string {
  const file = path.join(work, `file-${++fileCounter}.${extension}`);
  writeFileSync(file, bytes);
  return file;
}

/** An NSS database that trusts `rootPem` for signing (certutil trust flags CT,C,C). */
function nssDatabase(rootPem: string): string {
  const dir = mkdtempSync(path.join(work, 'nss-'));
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'onecity-demo-root', '-t', 'CT,C,C', '-i', tempFile(new TextEncoder().encode(rootPem), 'pem')]);
  return dir;
}

/**
 * Runs pdfsig and returns its output whatever its exit status (it exits non-zero for invalid signatures).
 * Not with -no-ocsp: poppler 22.12 then reports "Unknown issue with Certificate" for certificates without a
 * CRL distribution point. Our certificates name no OCSP responder, so pdfsig goes to no network either way.
 */
function pdfsig(pdf: Uint8Array, nssDir: string): string {
  const result = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, tempFile(pdf)], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

/** pdfsig's per-signature blocks ("Signature #1:" …). */
function pdfsigBlocks(output: string): string[] {
  return output.split(/^Signature #\d+:$/m).slice(1);
}

function signerOf(cert: DemoCertificate): PadesSigner {
  return { certificateChain: [cert.pem, ...cert.chainPem], privateKey: cert.privateKey };
}

async function png(svg: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** Signed attributes of the CMS in the given signature (0-based) of a PDF we produced. */
function signedAttributeTypes(pdf: Uint8Array, index: number): { signed: string[]; unsigned: string[] } {
  const text = Buffer.from(pdf).toString('latin1');
  const contents = [...text.matchAll(/\/Contents <([0-9a-f]+)>/g)][index]![1]!;
  const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(new Uint8Array(Buffer.from(contents, 'hex')))).result });
  const signerInfo = new pkijs.SignedData({ schema: contentInfo.content }).signerInfos[0]!;
  return {
    signed: signerInfo.signedAttrs?.attributes.map((attribute) => attribute.type) ?? [],
    unsigned: signerInfo.unsignedAttrs?.attributes.map((attribute) => attribute.type) ?? [],
  };
}

describe('PAdES signing engine', () => {
  let ca: DemoCa;
  let official: DemoCertificate;
  let seal: DemoCertificate;
  let unsigned: Uint8Array;
  let slot: SignatureSlot;
  let signedOnce: Uint8Array;
  let signedTwice: Uint8Array;
  let nss: string;
  let signMs: number;

  beforeAll(async () => {
    ca = await createDemoCa();
    [official, seal] = await Promise.all([
      issueSigningCertificate(ca, {
        commonName: 'Trương Công Minh',
        organization: 'UBND phường Phú Xuân',
        organizationalUnit: 'Phó Chủ tịch',
        kind: 'personal',
        validDays: 365,
        crlDistributionPointUrl: 'http://localhost:3000/pki/demo-issuing.crl',
      }),
      issueSigningCertificate(ca, { commonName: 'UBND PHƯỜNG PHÚ XUÂN', organization: 'UBND phường Phú Xuân', kind: 'seal', validDays: 365 }),
    ]);
    const rendered = await renderOfficialDocumentWithSlot({
      parentAgencyNameVi: 'UBND THÀNH PHỐ HUẾ',
      agencyNameVi: 'UBND PHƯỜNG PHÚ XUÂN',
      numberSymbol: '125/TLKS-UBND',
      placeVi: 'Huế',
      issuedAt: new Date('2026-11-29T03:00:00Z'),
      titleVi: 'TRÍCH LỤC KHAI SINH',
      paragraphs: [BODY],
      signerTitleVi: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      signerName: 'Trương Công Minh',
    });
    unsigned = rendered.pdf;
    slot = rendered.signatureSlot;
    const signatureImage = await png('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path d="M10 70 C 60 10, 90 100, 140 40 S 220 20, 290 60" stroke="#1a3c9e" stroke-width="5" fill="none"/></svg>');
    const sealImage = await png('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="90" stroke="#d0021b" stroke-width="8" fill="none"/><circle cx="100" cy="100" r="60" stroke="#d0021b" stroke-width="4" fill="none"/><polygon points="100,70 108,92 131,92 112,106 119,128 100,114 81,128 88,106 69,92 92,92" fill="#d0021b"/></svg>');

    const started = performance.now();
    signedOnce = await signPdf(unsigned, signerOf(official), {
      reason: 'Phê duyệt trích lục khai sinh',
      location: 'Huế, Việt Nam',
      name: 'Trương Công Minh',
      contactInfo: 'vanthu@phuxuan.hue.gov.vn',
      signingTime: new Date(),
      appearance: { pageIndex: slot.pageIndex, rect: slot, imagePng: signatureImage },
    });
    signMs = performance.now() - started;
    // Decree 30/2020: the seal overlaps about a third of the signature, on its left.
    signedTwice = await signPdf(signedOnce, { certificateChain: [seal.pem, ca.issuing.pem], privateKey: await privateKeyToPem(seal.privateKey) }, {
      reason: 'Đóng dấu cơ quan',
      location: 'Huế, Việt Nam',
      name: 'UBND PHƯỜNG PHÚ XUÂN',
      signingTime: new Date(),
      appearance: { pageIndex: slot.pageIndex, rect: { x: slot.x - slot.height / 3, y: slot.y, width: slot.height, height: slot.height }, imagePng: sealImage },
    });
    nss = nssDatabase(ca.root.pem);
  });

  it('issues DEMO certificates with UTF-8 names, non-repudiation and the CRL distribution point', () => {
    const text = execFileSync('openssl', ['x509', '-in', tempFile(new TextEncoder().encode(official.pem), 'pem'), '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space'], { encoding: 'utf8' });
    expect(text).toContain('Subject: C=VN, O=UBND phường Phú Xuân, OU=Phó Chủ tịch, CN=Trương Công Minh');
    expect(text).toContain('Issuer: C=VN, O=OneCity Demo, CN=OneCity DEMO Issuing CA - not for production');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toContain('URI:http://localhost:3000/pki/demo-issuing.crl');
    expect(ca.root.commonName).toBe('OneCity DEMO Root CA - not for production');
    const chainCheck = spawnSync('openssl', ['verify', '-CAfile', tempFile(new TextEncoder().encode(ca.root.pem), 'pem'), '-untrusted', tempFile(new TextEncoder().encode(ca.issuing.pem), 'pem'), tempFile(new TextEncoder().encode(official.pem), 'pem')], { encoding: 'utf8' });
    expect(chainCheck.stdout).toContain(': OK');
  });

  it('appends each signature as an incremental update, keeping the earlier bytes intact', () => {
    expect(Buffer.from(signedOnce.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(true);
    expect(Buffer.from(signedTwice.subarray(0, signedOnce.length)).equals(Buffer.from(signedOnce))).toBe(true);
    console.info(`signPdf: ${signMs.toFixed(0)} ms for one signature (${(signedOnce.length / 1024).toFixed(1)} KB signed file)`);
    expect(signMs).toBeLessThan(5000);
  });

  it('is accepted by poppler pdfsig: both valid and trusted, the seal covering the whole document', () => {
    const output = pdfsig(signedTwice, nss);
    const [first, second] = pdfsigBlocks(output);
    expect(first).toContain('Signer Certificate Common Name: Trương Công Minh');
    expect(first).toContain('Signature Type: ETSI.CAdES.detached');
    expect(first).toContain('Signature Validation: Signature is Valid.');
    expect(first).toContain('Certificate Validation: Certificate is Trusted.');
    expect(first).toContain('Not total document signed');
    expect(second).toContain('Signer Certificate Common Name: UBND PHƯỜNG PHÚ XUÂN');
    expect(second).toContain('Signature Type: ETSI.CAdES.detached');
    expect(second).toContain('Signature Validation: Signature is Valid.');
    expect(second).toContain('Certificate Validation: Certificate is Trusted.');
    expect(second).toContain('Total document signed');
    expect(second).not.toContain('Not total document signed');
  });

  it('builds a PAdES B-B CMS: content-type, message-digest, signing-certificate-v2, no signing-time', () => {
    for (const index of [0, 1]) {
      const { signed, unsigned: unsignedAttrs } = signedAttributeTypes(signedTwice, index);
      expect(new Set(signed)).toEqual(new Set([OID.contentType, OID.messageDigest, OID.signingCertificateV2]));
      expect(signed).not.toContain(OID.signingTime);
      expect(unsignedAttrs).toEqual([]);
    }
  });

  it('verifies with openssl cms as well (independent CMS implementation)', () => {
    const text = Buffer.from(signedTwice).toString('latin1');
    const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g;
    const ranges = [...text.matchAll(match)].map((found) => found.slice(1, 5).map(Number));
    const [, b, c, d] = ranges[1]!;
    const content = Buffer.concat([Buffer.from(signedTwice.subarray(0, b)), Buffer.from(signedTwice.subarray(c!, c! + d!))]);
    const hex = Buffer.from(signedTwice.subarray(b! + 1, c! - 1)).toString('latin1');
    // The /Contents placeholder is zero-padded: the CMS is as long as its outer DER header says (stripping trailing
    // zeros instead would cut a signature whose last byte happens to be zero).
    const padded = Buffer.from(hex, 'hex');
    const lengthBytes = (padded[1] ?? 0) & 0x80 ? (padded[1] ?? 0) & 0x7f : 0;
    const length = lengthBytes === 0 ? (padded[1] ?? 0) : padded.subarray(2, 2 + lengthBytes).reduce((total, byte) => total * 256 + byte, 0);
    const der = padded.subarray(0, 2 + lengthBytes + length);
    const result = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', tempFile(der, 'p7s'), '-content', tempFile(content, 'bin'), '-CAfile', tempFile(new TextEncoder().encode(ca.root.pem), 'pem'), '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
    expect(result.stderr).toContain('Verification successful');
  });

  it('keeps the Vietnamese text extractable (pdftotext)', () => {
    const text = execFileSync('pdftotext', [tempFile(signedTwice), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('Nguyễn Thị Hoa');
    expect(text).toContain('Trương Công Minh');
  });

  it('draws the visible appearances: the blue signature and the red seal appear on the rendered page', async () => {
    const prefix = path.join(work, 'page');
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', String(slot.pageIndex + 1), '-l', String(slot.pageIndex + 1), '-singlefile', tempFile(signedTwice), prefix]);
    const { data, info } = await sharp(`${prefix}.png`).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    let blue = 0;
    for (let offset = 0; offset < data.length; offset += info.channels) {
      const [r, g, b] = [data[offset]!, data[offset + 1]!, data[offset + 2]!];
      if (r > 150 && g < 90 && b < 90) red++;
      if (b > 120 && r < 90 && g < 120) blue++;
    }
    // The renderer draws black only, so colour can come from the two appearance streams alone.
    expect(red).toBeGreaterThan(50);
    expect(blue).toBeGreaterThan(50);
  });

  it('verifies both signatures itself: TOTAL_PASSED, B-B, in signing order', async () => {
    const report = await verifyPdfSignatures(signedTwice, { roots: [ca.root.pem] });
    expect(report.status).toBe('SIGNED');
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.lastSignatureCoversWholeDocument).toBe(true);
    const [first, second] = report.signatures;
    expect(first).toMatchObject({
      index: 0,
      signerCommonName: 'Trương Công Minh',
      signerSerial: official.serialNumber,
      issuerCommonName: 'OneCity DEMO Issuing CA - not for production',
      subFilter: 'ETSI.CAdES.detached',
      coversWholeDocument: false,
      integrity: 'valid',
      chain: 'trusted',
      indication: 'TOTAL_PASSED',
      level: 'PAdES-B-B',
      reason: 'Phê duyệt trích lục khai sinh',
      location: 'Huế, Việt Nam',
      signingTimeSource: 'claimed',
    });
    expect(first!.subIndication).toBeUndefined();
    expect(second).toMatchObject({ index: 1, signerCommonName: 'UBND PHƯỜNG PHÚ XUÂN', signerSerial: seal.serialNumber, coversWholeDocument: true, indication: 'TOTAL_PASSED' });
  });

  it('interoperates with poppler: a third signature added by pdfsig keeps ours valid and passes our verifier', async () => {
    const poppler = await issueSigningCertificate(ca, { commonName: 'Đặng Văn Poppler', organization: 'UBND phường Phú Xuân', kind: 'personal', validDays: 30 });
    const keyFile = tempFile(new TextEncoder().encode(await privateKeyToPem(poppler.privateKey)), 'pem');
    const p12 = path.join(work, 'poppler.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', keyFile, '-in', tempFile(new TextEncoder().encode(poppler.pem), 'pem'), '-certfile', tempFile(new TextEncoder().encode(ca.issuing.pem), 'pem'), '-name', 'poppler-signer', '-passout', 'pass:demo', '-out', p12]);
    const dir = nssDatabase(ca.root.pem);
    execFileSync('pk12util', ['-i', p12, '-d', `sql:${dir}`, '-W', 'demo']);
    const output = path.join(work, 'poppler-signed.pdf');
    spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, '-add-signature', '-nick', 'poppler-signer', '-reason', 'Kiểm tra', tempFile(signedTwice), output]);
    const threeSigned = new Uint8Array(readFileSync(output));
    expect(pdfsig(threeSigned, dir).match(/Signature is Valid\./g)).toHaveLength(3);
    const report = await verifyPdfSignatures(threeSigned, { roots: [ca.root.pem] });
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures.map((signature) => [signature.signerCommonName, signature.subFilter, signature.coversWholeDocument])).toEqual([
      ['Trương Công Minh', 'ETSI.CAdES.detached', false],
      ['UBND PHƯỜNG PHÚ XUÂN', 'ETSI.CAdES.detached', false],
      ['Đặng Văn Poppler', 'adbe.pkcs7.detached', true],
    ]);
  });

  it('reports appended unsigned changes at document level', async () => {
    const appended = Buffer.concat([Buffer.from(signedTwice), Buffer.from('\n% appended\n')]);
    const report = await verifyPdfSignatures(appended, { roots: [ca.root.pem] });
    expect(report.signatures.map((signature) => signature.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(report.lastSignatureCoversWholeDocument).toBe(false);
    expect(report.indication).toBe('INDETERMINATE');
  });

  it('detects a flipped byte: pdfsig Digest Mismatch, our HASH_FAILURE', async () => {
    const tampered = new Uint8Array(signedTwice);
    // Change one byte of the Info dictionary's /Producer string, which both signatures cover.
    const at = Buffer.from(tampered).indexOf('/Producer') + 12;
    expect(at).toBeGreaterThan(12);
    tampered[at] = tampered[at]! ^ 0x01;
    const output = pdfsig(tampered, nss);
    expect(output).toContain('Digest Mismatch');
    expect(output).not.toContain('Signature is Valid.');
    const report = await verifyPdfSignatures(tampered, { roots: [ca.root.pem] });
    expect(report.indication).toBe('TOTAL_FAILED');
    for (const signature of report.signatures) {
      expect(signature).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', integrity: 'invalid' });
    }
  });

  it('detects a changed signature value: SIG_CRYPTO_FAILURE', async () => {
    const tampered = new Uint8Array(signedOnce);
    const text = Buffer.from(tampered).toString('latin1');
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    // Walk to the last non-padding byte of the CMS, which is inside the RSA signature value.
    let end = text.indexOf('>', contents) - 1;
    while (text[end] === '0') end--;
    tampered[end - 4] = tampered[end - 4] === 0x61 ? 0x62 : 0x61;
    const report = await verifyPdfSignatures(tampered, { roots: [ca.root.pem] });
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE', integrity: 'invalid' });
  });

  it('gives INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND against another root', async () => {
    const other = await createDemoCa();
    const report = await verifyPdfSignatures(signedTwice, { roots: [other.root.pem] });
    expect(report.indication).toBe('INDETERMINATE');
    for (const signature of report.signatures) {
      expect(signature).toMatchObject({ integrity: 'valid', chain: 'untrusted', indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    }
    const output = pdfsig(signedTwice, nssDatabase(other.root.pem));
    expect(output).toContain('Signature is Valid.');
    expect(output).not.toContain('Certificate is Trusted.');
  });

  it('gives INDETERMINATE / OUT_OF_BOUNDS_NO_POE for an expired signer without a time-stamp', async () => {
    const notBefore = new Date(Date.now() - 400 * DAY);
    const oldCa = await createDemoCa({ notBefore: new Date(notBefore.getTime() - DAY) });
    const expired = await issueSigningCertificate(oldCa, { commonName: 'Lê Văn Hết Hạn', organization: 'UBND phường Phú Xuân', kind: 'personal', validDays: 30, notBefore });
    const pdf = await signPdf(unsigned, signerOf(expired), { reason: 'Thử', location: 'Huế', name: 'Lê Văn Hết Hạn', signingTime: new Date(notBefore.getTime() + DAY) });
    const report = await verifyPdfSignatures(pdf, { roots: [oldCa.root.pem] });
    expect(report.signatures[0]).toMatchObject({ integrity: 'valid', chain: 'expired', indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
    expect(pdfsig(pdf, nssDatabase(oldCa.root.pem))).toContain('Certificate has Expired');
    // Validated at a time inside the certificate's validity, the same signature passes.
    const then = await verifyPdfSignatures(pdf, { roots: [oldCa.root.pem], now: new Date(notBefore.getTime() + 2 * DAY) });
    expect(then.signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('gives REVOKED_NO_POE for a revoked signer listed in the CRL, and uses the CRL for the others', async () => {
    const crl = await createCrl(ca, [{ serialNumber: official.serialNumber, reason: 1 }]);
    const report = await verifyPdfSignatures(signedTwice, { roots: [ca.root.pem], crls: [crl] });
    expect(report.signatures[0]).toMatchObject({ chain: 'revoked', revocation: 'revoked', indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    expect(report.signatures[1]).toMatchObject({ revocation: 'good', indication: 'TOTAL_PASSED' });
    expect(report.indication).toBe('INDETERMINATE');
    // A CRL signed by someone else is ignored.
    const other = await createDemoCa();
    const forged = await createCrl(other, [official.serialNumber]);
    const ignored = await verifyPdfSignatures(signedTwice, { roots: [ca.root.pem], crls: [forged] });
    expect(ignored.signatures[0]).toMatchObject({ revocation: 'unknown', indication: 'TOTAL_PASSED' });
    const strict = await verifyPdfSignatures(signedTwice, { roots: [ca.root.pem], requireRevocationData: true });
    expect(strict.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    // Revoking the issuing CA (a CRL from the root) affects every signature under it.
    const caCrl = await createCrl(ca, [ca.issuing.serialNumber], { issuer: 'root' });
    const caRevoked = await verifyPdfSignatures(signedTwice, { roots: [ca.root.pem], crls: [caCrl] });
    for (const signature of caRevoked.signatures) expect(signature).toMatchObject({ chain: 'revoked', indication: 'INDETERMINATE', subIndication: 'REVOKED_CA_NO_POE' });
  });

  it('adds an RFC 3161 signature time-stamp (B-T) that proves existence before expiry and revocation', async () => {
    const tsa = await issueTimestampingCertificate(ca, { commonName: 'OneCity DEMO TSA - not for production', validDays: 3650 });
    const shortLived = await issueSigningCertificate(ca, { commonName: 'Phan Thị Thời Gian', organization: 'UBND phường Phú Xuân', kind: 'personal', validDays: 30 });
    const timestamp = createDemoTsa(tsa);
    const pdf = await signPdf(unsigned, signerOf(shortLived), { reason: 'Thử B-T', location: 'Huế', name: 'Phan Thị Thời Gian', signingTime: new Date(), timestamp });
    expect(signedAttributeTypes(pdf, 0).unsigned).toEqual([OID.signatureTimeStampToken]);
    expect(pdfsig(pdf, nss)).toContain('Signature is Valid.');

    const now = await verifyPdfSignatures(pdf, { roots: [ca.root.pem] });
    expect(now.signatures[0]).toMatchObject({ level: 'PAdES-B-T', signingTimeSource: 'timestamp', indication: 'TOTAL_PASSED' });
    expect(now.signatures[0]!.timestamp).toMatchObject({ valid: true, tsaCommonName: 'OneCity DEMO TSA - not for production' });
    expect(Math.abs(now.signatures[0]!.signingTime!.getTime() - Date.now())).toBeLessThan(60_000);

    // Sixty days on, the certificate has expired, but the time-stamp shows the signature was made in time.
    const later = new Date(Date.now() + 60 * DAY);
    expect((await verifyPdfSignatures(pdf, { roots: [ca.root.pem], now: later })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    // Revoked tomorrow: the signature, time-stamped today, stays valid; revoked yesterday: TOTAL_FAILED / REVOKED.
    const revokedLater = await createCrl(ca, [{ serialNumber: shortLived.serialNumber, revokedAt: new Date(Date.now() + DAY) }], { thisUpdate: new Date(Date.now() + 2 * DAY) });
    expect((await verifyPdfSignatures(pdf, { roots: [ca.root.pem], crls: [revokedLater], now: new Date(Date.now() + 3 * DAY) })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    const revokedBefore = await createCrl(ca, [{ serialNumber: shortLived.serialNumber, revokedAt: new Date(Date.now() - DAY) }]);
    expect((await verifyPdfSignatures(pdf, { roots: [ca.root.pem], crls: [revokedBefore] })).signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'REVOKED' });

    // A time-stamp from an untrusted TSA is reported and not used as proof.
    const otherCa = await createDemoCa();
    const rogueTsa = createDemoTsa(await issueTimestampingCertificate(otherCa, { commonName: 'Rogue TSA', validDays: 10 }));
    const rogue = await signPdf(unsigned, signerOf(shortLived), { reason: 'Thử', location: 'Huế', name: 'x', signingTime: new Date(), timestamp: rogueTsa });
    const rogueReport = await verifyPdfSignatures(rogue, { roots: [ca.root.pem] });
    expect(rogueReport.signatures[0]).toMatchObject({ level: 'PAdES-B-B', signingTimeSource: 'claimed', indication: 'TOTAL_PASSED' });
    expect(rogueReport.signatures[0]!.timestamp?.valid).toBe(false);
  });

  it('rejects a time-stamp token that covers something else', async () => {
    const tsa = await issueTimestampingCertificate(ca, { commonName: 'OneCity DEMO TSA - not for production', validDays: 30 });
    const demoTsa = createDemoTsa(tsa);
    const wrong = async () => demoTsa(Buffer.alloc(32, 7));
    await expect(signPdf(unsigned, signerOf(official), { reason: 'x', location: 'y', name: 'z', signingTime: new Date(), timestamp: wrong })).rejects.toThrow(/message imprint/);
  });

  it('builds RFC 3161 requests and reads granted responses', () => {
    const request = createTimestampRequest(new Uint8Array(32).fill(1));
    const parsed = pkijs.TimeStampReq.fromBER(toArrayBuffer(request));
    expect(parsed.messageImprint.hashAlgorithm.algorithmId).toBe(OID.sha256);
    expect(parsed.certReq).toBe(true);
    const rejection = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2 }) });
    expect(() => timestampTokenFromResponse(new Uint8Array(rejection.toSchema().toBER(false)))).toThrow(/PKIStatus 2/);
  });

  it('signs with a P-256 ECDSA key too', async () => {
    const ecdsa = await issueSigningCertificate(ca, { commonName: 'Võ Thị Elliptic', organization: 'UBND phường Phú Xuân', kind: 'personal', validDays: 30, keyAlgorithm: 'ECDSA-P256' });
    const pdf = await signPdf(unsigned, signerOf(ecdsa), { reason: 'ECDSA', location: 'Huế', name: 'Võ Thị Elliptic', signingTime: new Date() });
    expect(pdfsig(pdf, nss)).toContain('Signature is Valid.');
    expect((await verifyPdfSignatures(pdf, { roots: [ca.root.pem] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('signs files whose cross-reference sections are streams (pdf-lib object streams), twice', async () => {
    const loaded = await PDFDocument.load(unsigned);
    const compact = await loaded.save({ useObjectStreams: true });
    expect(Buffer.from(compact).toString('latin1')).toContain('/Type /XRef');
    const once = await signPdf(compact, signerOf(official), { reason: 'x', location: 'Huế', name: 'a', signingTime: new Date() });
    const twice = await signPdf(once, signerOf(seal), { reason: 'y', location: 'Huế', name: 'b', signingTime: new Date(), appearance: { pageIndex: 0, rect: { x: 400, y: 700, width: 60, height: 60 } } });
    const output = pdfsig(twice, nss);
    expect(output.match(/Signature is Valid\./g)).toHaveLength(2);
    const report = await verifyPdfSignatures(twice, { roots: [ca.root.pem] });
    expect(report.indication).toBe('TOTAL_PASSED');
    // pdf-lib, a second parser, still reads the document and its two signature fields.
    const reread = await PDFDocument.load(twice);
    expect(reread.getForm().getFields().map((field) => field.getName())).toEqual(['Signature1', 'Signature2']);
  });

  it('returns clear results for a non-PDF, an unsigned PDF and a truncated signed PDF', async () => {
    const trust = { roots: [ca.root.pem] };
    const notPdf = await verifyPdfSignatures(new TextEncoder().encode('GIF89a not a pdf at all'), trust);
    expect(notPdf).toMatchObject({ status: 'NOT_PDF', indication: null, signatureCount: 0, signatures: [] });
    const empty = await verifyPdfSignatures(new Uint8Array(0), trust);
    expect(empty.status).toBe('NOT_PDF');
    const none = await verifyPdfSignatures(unsigned, trust);
    expect(none).toMatchObject({ status: 'NO_SIGNATURES', indication: null, signatures: [] });

    const cut = signedTwice.subarray(0, signedTwice.length - 2000);
    const truncated = await verifyPdfSignatures(cut, trust);
    expect(truncated.signatures.map((signature) => signature.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_FAILED']);
    expect(truncated.signatures[1]!.subIndication).toBe('FORMAT_FAILURE');
    expect(truncated.indication).toBe('TOTAL_FAILED');

    const garbage = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /ByteRange [0 10 20 5] /Contents <3082zz> >> endobj\n2 0 obj << /ByteRange [0 99999999 5 5] >>\n/ByteRange [0 2 4 1] /Contents <00>');
    const odd = await verifyPdfSignatures(garbage, trust);
    expect(odd.status).toBe('SIGNED');
    expect(odd.signatures.every((signature) => signature.indication === 'TOTAL_FAILED' && signature.subIndication === 'FORMAT_FAILURE')).toBe(true);
  });

  it('refuses bad arguments with clear errors', async () => {
    await expect(verifyPdfSignatures(signedTwice, { roots: ['not a certificate'] })).rejects.toThrow(TypeError);
    await expect(signPdf(new TextEncoder().encode('not a pdf'), signerOf(official), { reason: 'x', location: 'y', name: 'z', signingTime: new Date() })).rejects.toThrow();
    await expect(signPdf(unsigned, signerOf(official), { reason: 'x', location: 'y', name: 'z', signingTime: new Date(), appearance: { pageIndex: 9, rect: slot } })).rejects.toThrow(/page 9/);
  });
});
