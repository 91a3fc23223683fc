/**
 * The providers behind one interface. Two kinds exist in Vietnam and they confirm money differently:
 * - a push transfer (VietQR over NAPAS 247): the citizen's bank app pays a QR code; the bank never calls us back, so
 *   confirmation comes from the collection account's balance-change feed (a signed webhook) matched on the reference;
 * - a gateway (VNPay, and the national payment platform PayGov): the citizen's browser goes to the gateway's page,
 *   which redirects back (display only) and calls our IPN server to server, which alone changes state.
 * Configuration (PAYMENT_PROVIDERS) chooses which exist; `sandbox` puts the built-in simulator behind both.
 */
import type { PaymentProvider } from '@onecity/contracts';

/** A line of a provider's own statement (what it says it collected), for the daily reconciliation. */
export interface StatementLine {
  provider: PaymentProvider;
  providerTransactionId: string;
  reference: string;
  amount: number;
}

/** A push-transfer provider: the QR code to pay and the account credits must reach. */
export interface TransferProvider {
  key: 'vietqr';
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  feedSecret: string;
  /** The EMVCo payload for an exact amount with the reference as the transfer description. */
  payload(reference: string, amount: number): string;
  /** The QR code image (PNG) of a payload. */
  png(payload: string): Promise<Buffer>;
  /** True when a credit reached the collection account. */
  isCollectionAccount(accountNumber: string, bankBin: string | undefined): boolean;
}

export interface GatewayCheckout {
  txnRef: string;
  amount: number;
  /** ASCII, no diacritics. */
  orderInfo: string;
  ipAddress: string;
  locale: 'vn' | 'en';
  now: Date;
  expiresAt: Date;
}

/** A redirect gateway: where the citizen's browser goes, and how its server-to-server notifications are verified. */
export interface GatewayProvider {
  key: 'vnpay';
  tmnCode: string;
  /** The signed URL of the gateway's payment page for one attempt. */
  checkoutUrl(checkout: GatewayCheckout): string;
  /** True when the notification's parameters carry a valid signature. */
  isSignatureValid(params: Record<string, string | undefined>): boolean;
}

/**
 * The slot for the national payment platform (PayGov, Cổng thanh toán của Cổng Dịch vụ công quốc gia), live since
 * 2020 with intermediaries such as NAPAS, VNPay and MoMo. Its developer specification is not public, so no adapter
 * ships; one implements this interface (a gateway: a checkout URL keyed by the dossier code and a verified
 * server-to-server confirmation) and registers as a provider; see the module README.
 */
export interface PayGovAdapter {
  key: 'paygov';
  checkoutUrl(checkout: GatewayCheckout & { dossierCode: string; agencyCode: string }): string;
  isSignatureValid(params: Record<string, string | undefined>): boolean;
}

export interface PaymentProviders {
  vietqr: TransferProvider | null;
  vnpay: GatewayProvider | null;
  /** Always null until an adapter exists (see PayGovAdapter). */
  paygov: PayGovAdapter | null;
  isSandbox: boolean;
  /** The providers citizens may use, in display order. */
  offered: PaymentProvider[];
}
