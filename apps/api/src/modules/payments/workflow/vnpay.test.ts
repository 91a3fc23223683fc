import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildVnpayPaymentUrl, isVnpaySignatureValid, signVnpay, vnpayAmountOf, vnpayDate, vnpayPaymentParams, vnpaySignData } from './vnpay.ts';

const SECRET = 'ONECITYTESTSECRET0123456789ABCDEF';
const REQUEST = {
  gatewayUrl: 'https://gateway.example/paymentv2/vpcpay.html',
  tmnCode: 'ONECITY1',
  hashSecret: SECRET,
  amount: 200_000,
  txnRef: 'OC0123456789AB1',
  orderInfo: 'Thanh toan phi ho so OC0123456789AB',
  returnUrl: 'https://onecity.example/api/v1/payments/vnpay/return',
  ipAddress: '127.0.0.1',
  // 09:30:00 and 09:45:00 on 1 Dec 2026 in Hà Nội (GMT+7).
  createdAt: new Date('2026-12-01T02:30:00Z'),
  expiresAt: new Date('2026-12-01T02:45:00Z'),
  locale: 'vn' as const,
};

// The documented rule applied by hand: keys sorted, values form-encoded (space → "+", ":" → %3A, "/" → %2F).
const SIGN_DATA =
  'vnp_Amount=20000000&vnp_Command=pay&vnp_CreateDate=20261201093000&vnp_CurrCode=VND&vnp_ExpireDate=20261201094500' +
  '&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+phi+ho+so+OC0123456789AB&vnp_OrderType=other' +
  '&vnp_ReturnUrl=https%3A%2F%2Fonecity.example%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn&vnp_TmnCode=ONECITY1' +
  '&vnp_TxnRef=OC0123456789AB1&vnp_Version=2.1.0';
// HMAC-SHA512 of SIGN_DATA with SECRET, computed outside Node (openssl dgst -sha512 -hmac).
const EXPECTED_HASH = '6d0bd2d357ca3f1d200c1ed0dbfd31cd7143a230309c9ca8ff4809924937325ff525285a2d07a68123ef0f329a9c01962afc19a838a354fb0dda939b51c56f16';

describe('VNPay 2.1.0', () => {
  it('signs the sorted, form-encoded parameters with HMAC-SHA512 (known vector)', () => {
    const params = vnpayPaymentParams(REQUEST);
    expect(params.vnp_Amount).toBe('20000000');
    expect(params.vnp_CreateDate).toBe('20261201093000');
    expect(vnpaySignData(params)).toBe(SIGN_DATA);
    expect(signVnpay(params, SECRET)).toBe(EXPECTED_HASH);
    expect(createHmac('sha512', SECRET).update(SIGN_DATA).digest('hex')).toBe(EXPECTED_HASH);
  });

  it('builds the payment URL with the signed query and no hash type', () => {
    const url = new URL(buildVnpayPaymentUrl(REQUEST));
    expect(url.origin + url.pathname).toBe('https://gateway.example/paymentv2/vpcpay.html');
    expect(url.search).toBe(`?${SIGN_DATA}&vnp_SecureHash=${EXPECTED_HASH}`);
    expect(url.searchParams.get('vnp_OrderInfo')).toBe(REQUEST.orderInfo);
    expect(url.searchParams.has('vnp_SecureHashType')).toBe(false);
    const received = Object.fromEntries(url.searchParams);
    expect(isVnpaySignatureValid(received, SECRET)).toBe(true);
  });

  it('leaves empty values and the hash fields out of the signed text', () => {
    expect(vnpaySignData({ vnp_B: '2', vnp_A: 'a b', vnp_Empty: '', vnp_SecureHash: 'x', vnp_SecureHashType: 'SHA512', other: 'ignored' })).toBe('vnp_A=a+b&vnp_B=2');
  });

  it('rejects a changed parameter, a wrong secret and malformed hashes', () => {
    const params: Record<string, string> = { ...vnpayPaymentParams(REQUEST) };
    params.vnp_SecureHash = signVnpay(params, SECRET);
    expect(isVnpaySignatureValid(params, SECRET)).toBe(true);
    expect(isVnpaySignatureValid({ ...params, vnp_SecureHash: params.vnp_SecureHash.toUpperCase() }, SECRET)).toBe(true);
    expect(isVnpaySignatureValid({ ...params, vnp_Amount: '20000100' }, SECRET)).toBe(false);
    expect(isVnpaySignatureValid(params, `${SECRET}x`)).toBe(false);
    expect(isVnpaySignatureValid({ ...params, vnp_SecureHash: 'abc' }, SECRET)).toBe(false);
    const { vnp_SecureHash: _dropped, ...unsigned } = params;
    expect(isVnpaySignatureValid(unsigned, SECRET)).toBe(false);
  });

  it('writes dates in GMT+7 and reads amounts ×100', () => {
    expect(vnpayDate(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    expect(vnpayAmountOf('20000000')).toBe(200_000);
    expect(vnpayAmountOf('20000050')).toBeNull();
    expect(vnpayAmountOf('-100')).toBeNull();
    expect(vnpayAmountOf(undefined)).toBeNull();
  });
});
