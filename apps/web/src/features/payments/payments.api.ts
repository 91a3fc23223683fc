import type {
  DossierDetail,
  PaymentAttemptStarted,
  PaymentDay,
  PaymentDiscrepancy,
  PaymentIntent,
  PaymentIntentList,
  PaymentStatistics,
  ReconciliationItem,
  ResolveCreditRequest,
  ResolveDiscrepancyRequest,
} from '@onecity/contracts';
import { API_PREFIX, api } from '../../app/api.ts';
import { sendIdempotent } from './idempotency.ts';

export type { PaymentIntent } from '@onecity/contracts';
export type PeriodQuery = { agencyCode: string; from: string; to: string };

const intentPath = (id: string) => `/payments/intents/${encodeURIComponent(id)}`;

/** A POST that creates or changes money: sent with its action's Idempotency-Key (see idempotency.ts). */
const postMoney = <T>(path: string, body: unknown) => sendIdempotent(`POST ${path} ${JSON.stringify(body)}`, (headers) => api.post<T>(path, body, { headers }));

/** The open payment intent of a dossier (created by the API when there is none; the same one on every call). */
export const openPaymentIntent = (dossierCode: string) => postMoney<PaymentIntent>('/payments/intents', { dossierCode });

/** The intent as it stands now (polled until the payment is confirmed). */
export const fetchPaymentIntent = (id: string) => api.get<PaymentIntent>(intentPath(id));

/** Starts a card/wallet payment: the browser then goes to the returned gateway address. */
export const startGatewayPayment = (id: string, locale: 'vi' | 'en') => postMoney<PaymentAttemptStarted>(`${intentPath(id)}/attempts`, { provider: 'vnpay', locale: locale === 'vi' ? 'vn' : 'en' });

/** SANDBOX ONLY: asks the simulated bank to credit the collection account as the QR code says. */
export const simulateBankTransfer = (intentId: string) => postMoney<{ bankReference: string }>('/payments/sandbox/bank-feed/credits', { intentId });

/** The payments of one dossier (its page shows the receipts of those paid). */
export const dossierIntentsPath = (dossierCode: string) => `/payments/intents?${new URLSearchParams({ dossierCode, limit: '20' })}`;

/** The dossier after its payment (the fee box hands it to the dossier page). */
export const fetchDossier = (code: string) => api.get<DossierDetail>(`/dossiers/${encodeURIComponent(code)}`);

/** GET paths and calls of the staff console. */
export const paymentIntentsPath = (query: PeriodQuery & { limit?: number }) => `/payments/intents?${new URLSearchParams({ agencyCode: query.agencyCode, from: query.from, to: query.to, limit: String(query.limit ?? 100) })}`;
export const paymentDaysPath = (query: PeriodQuery) => `/payments/daily?${new URLSearchParams(query)}`;
export const paymentStatisticsPath = (query: PeriodQuery) => `/payments/statistics?${new URLSearchParams(query)}`;
export const reconciliationPath = (status: 'open' | 'resolved') => `/payments/reconciliation?status=${status}`;
export const discrepanciesPath = (status: 'open' | 'resolved') => `/payments/discrepancies?status=${status}`;
/** The CSV in bank-statement columns, for a download link. */
export const paymentsCsvUrl = (query: PeriodQuery) => `${API_PREFIX}/payments/export.csv?${new URLSearchParams(query)}`;

export const findIntentByReference = (reference: string) => api.get<PaymentIntentList>(`/payments/intents?${new URLSearchParams({ reference, limit: '1' })}`);
export const resolveCredit = (id: string, body: ResolveCreditRequest) => postMoney<{ status: string; intentId: string | null }>(`/payments/reconciliation/${encodeURIComponent(id)}/resolve`, body);
export const refundPayment = (id: string, amount: number, reason: string) => postMoney<PaymentIntent>(`${intentPath(id)}/refunds`, { amount, reason });
export const resolveDiscrepancy = (id: string, body: ResolveDiscrepancyRequest) => postMoney<PaymentDiscrepancy>(`/payments/discrepancies/${encodeURIComponent(id)}/resolve`, body);

export type { PaymentDay, PaymentDiscrepancy, PaymentIntentList, PaymentStatistics, ReconciliationItem };
