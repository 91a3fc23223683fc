import type { PaymentIntent } from '@onecity/contracts';
import { DOSSIER_CODE } from '../procedures/procedure-fixtures.ts';

export const INTENT_ID = 'a0000000-0000-4000-8000-000000000001';
export const PAYLOAD = '00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA53037045404800054028000005802VN62180814OC0123456789AB6304ABCD';

/** An open intent for the fixture dossier (8 000 đ, VietQR and VNPay, sandbox). */
export function makeIntent(overrides: Partial<PaymentIntent> = {}): PaymentIntent {
  return {
    id: INTENT_ID,
    reference: 'OC0123456789AB',
    dossierCode: DOSSIER_CODE,
    procedureCode: '1.001193',
    agencyCode: 'PHUXUAN',
    agencyNameVi: 'Phường Phú Xuân',
    agencyNameEn: 'Phu Xuan Ward',
    amount: 8000,
    currency: 'VND',
    items: [{ code: 'le_phi', nameVi: 'Lệ phí đăng ký khai sinh', nameEn: 'Birth registration fee', amount: 8000 }],
    description: `Le phi ho so ${DOSSIER_CODE}`,
    status: 'requires_payment',
    amountReceived: 0,
    amountRefunded: 0,
    refundable: 0,
    provider: null,
    providerTransactionId: null,
    createdAt: '2026-11-29T03:00:00.000Z',
    expiresAt: '2026-11-30T03:00:00.000Z',
    succeededAt: null,
    closedAt: null,
    closeReason: null,
    receiptDocumentId: null,
    methods: {
      vietqr: { bankBin: '970415', bankName: 'VietinBank', accountNumber: '113366668888', accountName: 'KHO BAC NHA NUOC (DEMO)', payload: PAYLOAD, imageUrl: `/api/v1/payments/intents/${INTENT_ID}/vietqr.png` },
      vnpay: true,
      isSandbox: true,
    },
    refunds: [],
    ...overrides,
  };
}

/** The same intent once paid. */
export function makePaidIntent(): PaymentIntent {
  return makeIntent({ status: 'succeeded', amountReceived: 8000, refundable: 8000, provider: 'vietqr', providerTransactionId: 'FT123', succeededAt: '2026-11-29T03:05:00.000Z', receiptDocumentId: 'b0000000-0000-4000-8000-000000000001', methods: { vietqr: null, vnpay: false, isSandbox: true } });
}
