/**
 * VietQR (NAPAS 247, EMVCo merchant-presented) payloads for a transfer of an exact amount to the collection account.
 * Built and parsed by vietnam-qr-pay, wrapped in the checks it does not make itself (anchors-services.md §1.3):
 * ASCII only, purpose (62-08) at most 25 characters, a BIN from the pinned list, a dynamic code (01 = 12) with the
 * amount, and a decode of the result that must give back the same fields with a valid CRC.
 */
import { QRPay, VietQRService } from 'vietnam-qr-pay';
import { findPinnedBank } from './bank-bins.ts';

export const MAX_PURPOSE_LENGTH = 25;

export interface VietQrTransfer {
  bankBin: string;
  accountNumber: string;
  /** Integer đồng. */
  amount: number;
  /** Field 62-08, the transfer description: our payment reference. */
  purpose: string;
}

export interface DecodedVietQr {
  isValid: boolean;
  initMethod: string;
  bankBin: string | undefined;
  accountNumber: string | undefined;
  amount: number | null;
  purpose: string | undefined;
  service: string | undefined;
  crc: string | undefined;
}

/** A payload that breaks one of our rules. */
export class VietQrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VietQrError';
  }
}

/** Checks a transfer against our rules; throws VietQrError naming the first problem. */
export function checkTransfer(transfer: VietQrTransfer): void {
  if (!findPinnedBank(transfer.bankBin)) throw new VietQrError(`bank BIN ${transfer.bankBin} is not in the pinned list`);
  if (!/^[0-9A-Za-z]{1,19}$/.test(transfer.accountNumber)) throw new VietQrError('account number must be 1-19 letters or digits');
  // EMVCo field 54 holds at most 13 characters.
  if (!Number.isSafeInteger(transfer.amount) || transfer.amount <= 0 || String(transfer.amount).length > 13) throw new VietQrError('amount must be a positive whole number of đồng, at most 13 digits');
  if (!/^[\x20-\x7e]+$/.test(transfer.purpose)) throw new VietQrError('purpose must be printable ASCII (no diacritics)');
  if (transfer.purpose.length > MAX_PURPOSE_LENGTH) throw new VietQrError(`purpose must be at most ${MAX_PURPOSE_LENGTH} characters`);
}

/** Decodes any VietQR payload (CRC checked by the library). */
export function decodeVietQr(payload: string): DecodedVietQr {
  const parsed = new QRPay(payload);
  return {
    isValid: parsed.isValid,
    initMethod: parsed.initMethod,
    bankBin: parsed.consumer?.bankBin,
    accountNumber: parsed.consumer?.bankNumber,
    amount: parsed.amount === undefined ? null : Number(parsed.amount),
    purpose: parsed.additionalData?.purpose,
    service: parsed.provider?.service,
    crc: parsed.crc,
  };
}

/** The dynamic VietQR payload for a transfer, after our checks and a round trip through the decoder. */
export function buildVietQrPayload(transfer: VietQrTransfer): string {
  checkTransfer(transfer);
  const payload = QRPay.initVietQR({
    bankBin: transfer.bankBin,
    bankNumber: transfer.accountNumber,
    amount: String(transfer.amount),
    purpose: transfer.purpose,
    service: VietQRService.BY_ACCOUNT_NUMBER,
    initMethod: '12',
  }).build();
  if (!/^[\x20-\x7e]+$/.test(payload)) throw new VietQrError('payload is not ASCII');
  const decoded = decodeVietQr(payload);
  const isSame =
    decoded.isValid &&
    decoded.initMethod === '12' &&
    decoded.bankBin === transfer.bankBin &&
    decoded.accountNumber === transfer.accountNumber &&
    decoded.amount === transfer.amount &&
    decoded.purpose === transfer.purpose &&
    decoded.service === 'QRIBFTTA';
  if (!isSame) throw new VietQrError('payload does not decode to the transfer it was built from');
  return payload;
}
