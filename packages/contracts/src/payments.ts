import { Type, type Static, type TSchema } from 'typebox';
import { DossierCode } from './procedures.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Money = Type.Integer({ minimum: 0, description: 'Integer đồng' });
const DateTime = Type.String({ format: 'date-time' });

export const PAYMENT_INTENT_STATUSES = ['requires_payment', 'processing', 'succeeded', 'failed', 'cancelled', 'expired', 'refunded', 'partially_refunded'] as const;
export const PaymentIntentStatusSchema = Type.Enum(PAYMENT_INTENT_STATUSES);
export type PaymentIntentStatus = (typeof PAYMENT_INTENT_STATUSES)[number];

export const PAYMENT_PROVIDERS = ['vietqr', 'vnpay'] as const;
export const PaymentProviderSchema = Type.Enum(PAYMENT_PROVIDERS);
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/** The code a transfer carries in its description: ASCII capitals and digits, at most 19 characters. */
export const PaymentReference = Type.String({ pattern: '^[A-Z0-9]{1,19}$' });

export const PaymentItem = Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String(), amount: Money });
export type PaymentItem = Static<typeof PaymentItem>;

export const PaymentRefund = Type.Object({
  id: Type.String(),
  amount: Money,
  reason: Type.String(),
  /** succeeded: returned through the provider; recorded: returned by the agency's accountant by bank transfer. */
  status: Type.Enum(['succeeded', 'recorded']),
  createdAt: DateTime,
  createdByName: Nullable(Type.String()),
});
export type PaymentRefund = Static<typeof PaymentRefund>;

/** How the intent can be paid now (none when it is no longer open). */
export const PaymentMethods = Type.Object({
  vietqr: Nullable(
    Type.Object({
      bankBin: Type.String(),
      bankName: Type.String(),
      accountNumber: Type.String(),
      accountName: Type.String(),
      payload: Type.String({ description: 'The EMVCo payload the QR code holds' }),
      imageUrl: Type.String(),
    }),
  ),
  vnpay: Type.Boolean(),
  /** The built-in simulator stands in for the bank and the gateway (demo). */
  isSandbox: Type.Boolean(),
});
export type PaymentMethods = Static<typeof PaymentMethods>;

export const PaymentIntent = Type.Object({
  id: Type.String(),
  reference: PaymentReference,
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  agencyCode: Type.String(),
  agencyNameVi: Type.String(),
  agencyNameEn: Type.String(),
  amount: Money,
  currency: Type.Literal('VND'),
  items: Type.Array(PaymentItem),
  description: Type.String(),
  status: PaymentIntentStatusSchema,
  amountReceived: Money,
  amountRefunded: Money,
  refundable: Money,
  provider: Nullable(PaymentProviderSchema),
  providerTransactionId: Nullable(Type.String()),
  createdAt: DateTime,
  expiresAt: DateTime,
  succeededAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  closeReason: Nullable(Type.String()),
  receiptDocumentId: Nullable(Type.String()),
  methods: PaymentMethods,
  refunds: Type.Array(PaymentRefund),
});
export type PaymentIntent = Static<typeof PaymentIntent>;

export const PaymentIntentList = Type.Object({ items: Type.Array(PaymentIntent), total: Type.Integer() });
export type PaymentIntentList = Static<typeof PaymentIntentList>;

export const CreatePaymentIntentRequest = Type.Object({ dossierCode: DossierCode }, { additionalProperties: false });
export type CreatePaymentIntentRequest = Static<typeof CreatePaymentIntentRequest>;

export const StartPaymentAttemptRequest = Type.Object({ provider: Type.Literal('vnpay'), locale: Type.Optional(Type.Enum(['vn', 'en'])) }, { additionalProperties: false });
export type StartPaymentAttemptRequest = Static<typeof StartPaymentAttemptRequest>;

export const PaymentAttemptStarted = Type.Object({ attemptId: Type.String(), provider: PaymentProviderSchema, redirectUrl: Type.String() });
export type PaymentAttemptStarted = Static<typeof PaymentAttemptStarted>;

export const CancelPaymentIntentRequest = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type CancelPaymentIntentRequest = Static<typeof CancelPaymentIntentRequest>;

export const RefundRequest = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }), reason: Type.String({ minLength: 5, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RefundRequest = Static<typeof RefundRequest>;

// ------------------------------------------------------------------ bank feed and reconciliation

/** One transaction of the bank's balance-change feed (credits are money in; debits are ignored). */
export const BankFeedTransaction = Type.Object(
  {
    bankReference: Type.String({ pattern: '^[\\x21-\\x7e]{1,64}$', description: 'The bank’s own transaction reference (unique)' }),
    accountNumber: Type.String({ pattern: '^[0-9A-Za-z]{1,19}$' }),
    bankBin: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    type: Type.Enum(['credit', 'debit']),
    amount: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }),
    description: Type.String({ maxLength: 500 }),
    transactionAt: DateTime,
  },
  { additionalProperties: false },
);
export type BankFeedTransaction = Static<typeof BankFeedTransaction>;

export const BankFeedRequest = Type.Object({ transactions: Type.Array(BankFeedTransaction, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export type BankFeedRequest = Static<typeof BankFeedRequest>;

export const BANK_FEED_OUTCOMES = ['matched', 'duplicate', 'queued', 'ignored'] as const;
export const BankFeedResponse = Type.Object({
  results: Type.Array(Type.Object({ bankReference: Type.String(), outcome: Type.Enum(BANK_FEED_OUTCOMES), intentId: Nullable(Type.String()), reason: Nullable(Type.String()) })),
});
export type BankFeedResponse = Static<typeof BankFeedResponse>;

export const CREDIT_STATUSES = ['matched', 'unmatched', 'linked', 'not_ours'] as const;
export const ReconciliationItem = Type.Object({
  id: Type.String(),
  bankReference: Type.String(),
  accountNumber: Type.String(),
  amount: Money,
  description: Type.String(),
  transactionAt: DateTime,
  receivedAt: DateTime,
  status: Type.Enum(CREDIT_STATUSES),
  /** Why the credit was not matched: no_reference, unknown_reference, amount_mismatch, wrong_account, intent_closed, already_paid. */
  reason: Nullable(Type.String()),
  intentId: Nullable(Type.String()),
  intentReference: Nullable(Type.String()),
  resolvedAt: Nullable(DateTime),
  resolvedByName: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});
export type ReconciliationItem = Static<typeof ReconciliationItem>;

export const ResolveCreditRequest = Type.Union([
  Type.Object({ action: Type.Literal('link'), intentId: Type.String({ format: 'uuid' }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('not_ours'), note: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false }),
]);
export type ResolveCreditRequest = Static<typeof ResolveCreditRequest>;

/** refunded: the money was returned; corrected: the record was put right; not_an_error: nothing was wrong. */
export const DISCREPANCY_RESOLUTIONS = ['refunded', 'corrected', 'not_an_error'] as const;
export type DiscrepancyResolution = (typeof DISCREPANCY_RESOLUTIONS)[number];

export const PaymentDiscrepancy = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  day: Type.String({ format: 'date' }),
  intentId: Nullable(Type.String()),
  intentReference: Nullable(Type.String()),
  provider: Nullable(Type.String()),
  providerTransactionId: Nullable(Type.String()),
  expectedAmount: Nullable(Type.Integer()),
  actualAmount: Nullable(Type.Integer()),
  details: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Enum(['open', 'resolved']),
  detectedAt: DateTime,
  /** How staff closed it (null while open). */
  resolution: Nullable(Type.Enum(DISCREPANCY_RESOLUTIONS)),
  resolutionNote: Nullable(Type.String()),
  resolvedAt: Nullable(DateTime),
  resolvedByName: Nullable(Type.String()),
});
export type PaymentDiscrepancy = Static<typeof PaymentDiscrepancy>;

/** Closing a discrepancy: what was done about it, and a note saying why (5 to 1000 characters once trimmed). */
export const ResolveDiscrepancyRequest = Type.Object(
  { resolution: Type.Enum(DISCREPANCY_RESOLUTIONS), note: Type.String({ minLength: 5, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ResolveDiscrepancyRequest = Static<typeof ResolveDiscrepancyRequest>;

export const ReconciliationRun = Type.Object({ day: Type.String({ format: 'date' }), checked: Type.Integer(), found: Type.Integer(), new: Type.Integer() });
export type ReconciliationRun = Static<typeof ReconciliationRun>;

// ------------------------------------------------------------------ reports

export const PaymentDay = Type.Object({ day: Type.String({ format: 'date' }), count: Type.Integer(), amount: Money, refunded: Money, byProvider: Type.Record(Type.String(), Type.Integer()) });
export type PaymentDay = Static<typeof PaymentDay>;

const Share = Type.Object({ numerator: Type.Integer(), denominator: Type.Integer(), share: Nullable(Type.Number()) });

/** Decision 766/QĐ-TTg online-payment indicators (group "Thanh toán trực tuyến") for an agency and period. */
export const PaymentStatistics = Type.Object({
  agencyCode: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  /** 3.6: fee-bearing dossiers received in the period and paid online ÷ fee-bearing dossiers received (fee total > 0). */
  dossiersPaidOnline: Share,
  /** 3.5: fee-bearing procedures that accept online payment ÷ fee-bearing procedures of the agency. */
  proceduresAcceptingOnline: Share,
  /** 3.5b: fee-bearing procedures with at least one online payment in the period ÷ fee-bearing procedures. */
  proceduresWithOnlinePayments: Share,
  collected: Money,
  refunded: Money,
  payments: Type.Integer(),
  providers: Type.Array(PaymentProviderSchema),
});
export type PaymentStatistics = Static<typeof PaymentStatistics>;
