/**
 * The payments module: cashless payment of fees — payment intents per amount owed, VietQR transfers confirmed by the
 * bank feed, a VNPay-compatible gateway confirmed by its IPN, receipts, refunds, the reconciliation queue and the
 * nightly reconciliation, the Decision 766 online-payment figures. Other modules use only what is exported here.
 */
export { paymentsRoutes } from './payments.routes.ts';
export { RECONCILE_CRON, RECONCILE_PAYMENTS, reconcileYesterday, SWEEP_PAYMENTS, sweepPayments } from './jobs/payment-jobs.ts';
export { seedDemoPayments } from './payments.seed.ts';
