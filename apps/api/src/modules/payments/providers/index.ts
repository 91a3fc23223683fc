/** The providers configuration chooses (PAYMENT_PROVIDERS). */
import type { PaymentProvider } from '@onecity/contracts';
import type { Config } from '../../../config.ts';
import type { PaymentProviders } from './provider.ts';
import { createVietQrProvider } from './vietqr.ts';
import { createVnpayProvider } from './vnpay.ts';

export type { GatewayProvider, PaymentProviders, PayGovAdapter, StatementLine, TransferProvider } from './provider.ts';

/** Builds the configured providers; throws on a configuration the module cannot use (e.g. an unpinned bank). */
export function createProviders(config: Config): PaymentProviders {
  const { payments } = config;
  const vietqr = payments.vietqr ? createVietQrProvider(payments.vietqr) : null;
  const vnpay = payments.vnpay ? createVnpayProvider(payments.vnpay, `${config.publicUrl}/api/v1/payments/vnpay/return`) : null;
  const offered: PaymentProvider[] = [...(vietqr ? (['vietqr'] as const) : []), ...(vnpay ? (['vnpay'] as const) : [])];
  return { vietqr, vnpay, paygov: null, isSandbox: payments.isSandbox, offered };
}
