/**
 * The VNPay 2.1.0 protocol, pure: the payment URL, the secure hash and its check, dates in GMT+7, the IPN answer codes.
 *
 * Signature (anchors-services.md §2.1): vnp_SecureHash = HMAC-SHA512(hash secret, sign data), hex. The sign data is
 * every vnp_ parameter except vnp_SecureHash / vnp_SecureHashType, with empty values left out, keys sorted, each key
 * and value form-encoded (application/x-www-form-urlencoded, so a space is "+", as VNPay's reference code and
 * lehuygiang28/vnpay produce) and joined as key=value with "&". The query string sent to the gateway is the same text
 * plus the hash. Version 2.1.0 sends no vnp_SecureHashType.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const VNPAY_VERSION = '2.1.0';

/** The merchant's answers to an IPN call ({RspCode, Message}). */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidChecksum: { RspCode: '97', Message: 'Invalid Checksum' },
  unknownError: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

const HASH_KEYS = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/** application/x-www-form-urlencoded encoding of one component (space → "+"). */
function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}

/** The text that is signed: sorted, form-encoded key=value pairs without the hash fields or empty values. */
export function vnpaySignData(params: Record<string, string | number | undefined | null>): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && !HASH_KEYS.has(key))
    .filter((key) => params[key] !== undefined && params[key] !== null && String(params[key]) !== '')
    .sort()
    .map((key) => `${formEncode(key)}=${formEncode(String(params[key]))}`)
    .join('&');
}

/** The vnp_SecureHash of the parameters (lower-case hex HMAC-SHA512). */
export function signVnpay(params: Record<string, string | number | undefined | null>, secret: string): string {
  return createHmac('sha512', secret).update(Buffer.from(vnpaySignData(params), 'utf-8')).digest('hex');
}

/** True when vnp_SecureHash matches the other parameters (constant-time comparison). */
export function isVnpaySignatureValid(params: Record<string, string | undefined>, secret: string): boolean {
  const given = params.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(signVnpay(params, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** yyyyMMddHHmmss in GMT+7 (Vietnam keeps no daylight saving time). */
export function vnpayDate(at: Date): string {
  const local = new Date(at.getTime() + 7 * 60 * 60 * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}`;
}

export interface VnpayPaymentRequest {
  gatewayUrl: string;
  tmnCode: string;
  hashSecret: string;
  /** Integer đồng; sent ×100 as VNPay expects. */
  amount: number;
  txnRef: string;
  /** ASCII, no diacritics. */
  orderInfo: string;
  returnUrl: string;
  ipAddress: string;
  createdAt: Date;
  expiresAt: Date;
  locale: 'vn' | 'en';
}

/** The gateway parameters (without the hash) of a payment. */
export function vnpayPaymentParams(request: VnpayPaymentRequest): Record<string, string> {
  return {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: request.tmnCode,
    vnp_Amount: String(request.amount * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: request.txnRef,
    vnp_OrderInfo: request.orderInfo,
    vnp_OrderType: 'other',
    vnp_ReturnUrl: request.returnUrl,
    vnp_IpAddr: request.ipAddress,
    vnp_CreateDate: vnpayDate(request.createdAt),
    vnp_ExpireDate: vnpayDate(request.expiresAt),
    vnp_Locale: request.locale,
  };
}

/** The signed payment URL the citizen's browser is sent to. */
export function buildVnpayPaymentUrl(request: VnpayPaymentRequest): string {
  const params = vnpayPaymentParams(request);
  const signData = vnpaySignData(params);
  const hash = createHmac('sha512', request.hashSecret).update(Buffer.from(signData, 'utf-8')).digest('hex');
  const separator = request.gatewayUrl.includes('?') ? '&' : '?';
  return `${request.gatewayUrl}${separator}${signData}&vnp_SecureHash=${hash}`;
}

/** Success means both the response code and the transaction status say 00. */
export function isVnpaySuccess(params: Record<string, string | undefined>): boolean {
  return params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00';
}

/** The amount in đồng of vnp_Amount (which is ×100), or null when it is not a whole number of đồng. */
export function vnpayAmountOf(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,18}$/.test(value)) return null;
  const hundredths = Number(value);
  if (!Number.isSafeInteger(hundredths) || hundredths % 100 !== 0) return null;
  return hundredths / 100;
}
