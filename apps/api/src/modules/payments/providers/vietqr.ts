/**
 * VietQR transfers to the collection account: the dynamic payload (exact amount, reference as description) and its
 * QR image. Confirmation arrives through the bank feed (payments.bank-feed.ts).
 */
import QRCode from 'qrcode';
import type { PaymentsConfig } from '../../../config.ts';
import { findPinnedBank } from '../workflow/bank-bins.ts';
import { buildVietQrPayload } from '../workflow/vietqr-payload.ts';
import type { TransferProvider } from './provider.ts';

/** The VietQR provider for the configured account; throws when its bank is not in the pinned list. */
export function createVietQrProvider(config: NonNullable<PaymentsConfig['vietqr']>): TransferProvider {
  const bank = findPinnedBank(config.bankBin);
  if (!bank) throw new Error(`PAYMENT_VIETQR_BANK_BIN ${config.bankBin} is not in the pinned bank list (modules/payments/workflow/bank-bins.ts)`);
  return {
    key: 'vietqr',
    bankBin: bank.bin,
    bankName: bank.shortName,
    accountNumber: config.accountNumber,
    accountName: config.accountName,
    feedSecret: config.feedSecret,
    payload: (reference, amount) => buildVietQrPayload({ bankBin: bank.bin, accountNumber: config.accountNumber, amount, purpose: reference }),
    // Error correction M and a four-module quiet zone: what banking apps read reliably from a phone screen.
    png: (payload) => QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 360 }),
    isCollectionAccount: (accountNumber, bankBin) => accountNumber === config.accountNumber && (bankBin === undefined || bankBin === bank.bin),
  };
}
