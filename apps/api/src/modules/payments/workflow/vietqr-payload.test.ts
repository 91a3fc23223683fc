import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { Banks } from 'vietnam-qr-pay';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-words.ts';
import { PINNED_BANKS } from './bank-bins.ts';
import { isReference, newReference, referencesIn, toAscii } from './reference.ts';
import { buildVietQrPayload, decodeVietQr, VietQrError } from './vietqr-payload.ts';

const TRANSFER = { bankBin: '970415', accountNumber: '113366668888', amount: 200_000, purpose: 'OC0123456789AB' };

/** CRC-16/CCITT-FALSE written independently of the library (poly 0x1021, init 0xFFFF). */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('VietQR payloads', () => {
  it('reproduces the third-party vector (VietinBank, 120 000 đ) through the same library', () => {
    const vector = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(crc16(vector.slice(0, -4))).toBe('C15C');
    expect(decodeVietQr(vector)).toMatchObject({ isValid: true, bankBin: '970415', accountNumber: '0011001932418', amount: 120_000, purpose: 'ung ho lu lut', initMethod: '12' });
  });

  it('builds a dynamic payload that decodes back with a valid CRC', () => {
    const payload = buildVietQrPayload(TRANSFER);
    expect(payload).toMatch(/^000201010212/);
    expect(payload).toContain('0010A000000727');
    expect(payload).toContain('0208QRIBFTTA');
    expect(payload).toContain('5303704');
    expect(payload).toContain('5406200000');
    expect(payload).toContain('5802VN');
    expect(payload).toContain(`0814${TRANSFER.purpose}`);
    expect(payload.slice(-4)).toBe(crc16(payload.slice(0, -4)));
    expect(decodeVietQr(payload)).toMatchObject({ isValid: true, initMethod: '12', bankBin: '970415', accountNumber: '113366668888', amount: 200_000, purpose: TRANSFER.purpose, service: 'QRIBFTTA' });
    const tampered = payload.replace('5406200000', '5406100000');
    expect(decodeVietQr(tampered).isValid).toBe(false);
  });

  it('refuses what vietnam-qr-pay would let through', () => {
    expect(() => buildVietQrPayload({ ...TRANSFER, purpose: 'Phí hồ sơ' })).toThrow(VietQrError);
    expect(() => buildVietQrPayload({ ...TRANSFER, purpose: 'A'.repeat(26) })).toThrow(/at most 25/);
    expect(() => buildVietQrPayload({ ...TRANSFER, bankBin: '999999' })).toThrow(/pinned/);
    expect(() => buildVietQrPayload({ ...TRANSFER, amount: 1.5 })).toThrow(/whole number/);
    expect(() => buildVietQrPayload({ ...TRANSFER, amount: 0 })).toThrow(/whole number/);
    expect(() => buildVietQrPayload({ ...TRANSFER, accountNumber: '12 34' })).toThrow(/account/);
    expect(buildVietQrPayload({ ...TRANSFER, purpose: 'A'.repeat(25) })).toContain('A'.repeat(25));
  });

  it('renders a PNG that a real reader (zbarimg) decodes to the same payload', async () => {
    const payload = buildVietQrPayload(TRANSFER);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vietqr-')), 'qr.png');
    fs.writeFileSync(file, await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 360 }));
    expect(execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim()).toBe(payload);
  });

  it('pins bank BINs that agree with the library’s bank table', () => {
    for (const bank of PINNED_BANKS) {
      const entries = Banks.filter((candidate) => candidate.bin === bank.bin && !candidate.deprecated);
      expect(entries.map((entry) => entry.shortName), bank.bin).toEqual([bank.shortName]);
      expect(entries[0]?.name.normalize('NFC'), bank.bin).toBe(bank.nameVi.normalize('NFC'));
    }
    expect(PINNED_BANKS.find((bank) => bank.bin === '970415')?.shortName).toBe('VietinBank');
    expect(PINNED_BANKS.find((bank) => bank.bin === '970436')?.shortName).toBe('Vietcombank');
  });
});

describe('payment references', () => {
  it('are the prefix and 12 base32 characters, at most 19 ASCII characters', () => {
    const reference = newReference('HUE');
    expect(reference).toMatch(/^HUE[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(isReference(reference)).toBe(true);
    expect(isReference('A'.repeat(20))).toBe(false);
    expect(newReference('OC', new Uint8Array(12).fill(255))).toBe('OCZZZZZZZZZZZZ');
  });

  it('are found in memos that banks rewrote', () => {
    const reference = 'OC0123456789AB';
    expect(referencesIn(`NGUYEN THI HOA chuyen tien ${reference}`, 'OC')).toEqual([reference]);
    expect(referencesIn(`MBVCB.123.oc0123-4567-89ab.CT tu 0011`, 'OC')).toEqual([reference]);
    expect(referencesIn('chuyển khoản phí', 'OC')).toEqual([]);
    expect(referencesIn('OC01234', 'OC')).toEqual([]);
  });

  it('fold Vietnamese to ASCII', () => {
    expect(toAscii('Lệ phí Đăng ký')).toBe('Le phi Dang ky');
  });
});

describe('amount in words', () => {
  it('writes đồng as receipts do', () => {
    expect(amountInWords(8_000)).toBe('Tám nghìn đồng');
    expect(amountInWords(105)).toBe('Một trăm linh năm đồng');
    expect(amountInWords(21)).toBe('Hai mươi mốt đồng');
    expect(amountInWords(15)).toBe('Mười lăm đồng');
    expect(amountInWords(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
    expect(amountInWords(1_500_000_000)).toBe('Một tỷ năm trăm triệu đồng');
    expect(amountInWords(1_000_000_000_000)).toBe('Một nghìn tỷ đồng');
  });
});
