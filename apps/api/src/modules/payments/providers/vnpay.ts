/**
 * The VNPay-compatible gateway (protocol in workflow/vnpay.ts). The return URL only shows the outcome; the IPN
 * (payments.vnpay.ts) changes state.
 */
import type { PaymentsConfig } from '../../../config.ts';
import { buildVnpayPaymentUrl, isVnpaySignatureValid } from '../workflow/vnpay.ts';
import type { GatewayProvider } from './provider.ts';

/** The gateway provider for the configured terminal; returnUrl is where the browser comes back to. */
export function createVnpayProvider(config: NonNullable<PaymentsConfig['vnpay']>, returnUrl: string): GatewayProvider {
  return {
    key: 'vnpay',
    tmnCode: config.tmnCode,
    checkoutUrl: (checkout) =>
      buildVnpayPaymentUrl({
        gatewayUrl: config.paymentUrl,
        tmnCode: config.tmnCode,
        hashSecret: config.hashSecret,
        amount: checkout.amount,
        txnRef: checkout.txnRef,
        orderInfo: checkout.orderInfo,
        returnUrl,
        ipAddress: checkout.ipAddress,
        createdAt: checkout.now,
        expiresAt: checkout.expiresAt,
        locale: checkout.locale,
      }),
    isSignatureValid: (params) => isVnpaySignatureValid(params, config.hashSecret),
  };
}
