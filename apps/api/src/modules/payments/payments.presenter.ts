/** Intent rows → what leaves the server. */
import type { PaymentDiscrepancy, PaymentIntent, PaymentMethods } from '@onecity/contracts';
import type { AgencyName } from '../agencies/index.ts';
import type { DiscrepancyRow, IntentRow, RefundRow } from './payments.repository.ts';
import type { PaymentProviders } from './providers/index.ts';
import { isOpen, refundableAmount } from './workflow/intent-machine.ts';
import { stateOf } from './payments.confirmation.ts';

/** The public address of an intent's QR image (the web app shows it in an <img>). */
export const qrImagePath = (id: string) => `/api/v1/payments/intents/${id}/vietqr.png`;

/** How an intent can be paid now: nothing once it is closed or paid. */
export function methodsOf(row: IntentRow, providers: PaymentProviders): PaymentMethods {
  const open = isOpen(row.status);
  const vietqr = open && providers.vietqr
    ? {
        bankBin: providers.vietqr.bankBin,
        bankName: providers.vietqr.bankName,
        accountNumber: providers.vietqr.accountNumber,
        accountName: providers.vietqr.accountName,
        payload: providers.vietqr.payload(row.reference, row.amount),
        imageUrl: qrImagePath(row.id),
      }
    : null;
  return { vietqr, vnpay: open && providers.vnpay !== null, isSandbox: providers.isSandbox };
}

/** The intent as the API returns it. */
export function presentIntent(row: IntentRow, agency: AgencyName, providers: PaymentProviders, refunds: RefundRow[], names: Map<string, string>): PaymentIntent {
  return {
    id: row.id,
    reference: row.reference,
    dossierCode: row.dossier_code,
    procedureCode: row.procedure_code,
    agencyCode: agency.code,
    agencyNameVi: agency.nameVi,
    agencyNameEn: agency.nameEn,
    amount: row.amount,
    currency: 'VND',
    items: row.items,
    description: row.description,
    status: row.status,
    amountReceived: row.amount_received,
    amountRefunded: row.amount_refunded,
    refundable: refundableAmount(stateOf(row)),
    provider: row.provider === 'vietqr' || row.provider === 'vnpay' ? row.provider : null,
    providerTransactionId: row.provider_transaction_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    succeededAt: row.succeeded_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    closeReason: row.close_reason,
    receiptDocumentId: row.receipt_document_id,
    methods: methodsOf(row, providers),
    refunds: refunds.map((refund) => ({
      id: refund.id,
      amount: refund.amount,
      reason: refund.reason,
      status: refund.status,
      createdAt: refund.created_at.toISOString(),
      createdByName: names.get(refund.created_by) ?? null,
    })),
  };
}

/** A discrepancy as the API returns it (`names`: user id → full name, for who resolved it). */
export function presentDiscrepancy(row: DiscrepancyRow, names: Map<string, string>): PaymentDiscrepancy {
  return {
    id: row.id,
    kind: row.kind,
    day: row.day,
    intentId: row.intent_id,
    intentReference: row.reference,
    provider: row.provider,
    providerTransactionId: row.provider_transaction_id,
    expectedAmount: row.expected_amount,
    actualAmount: row.actual_amount,
    details: row.details,
    status: row.status,
    detectedAt: row.detected_at.toISOString(),
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedByName: row.resolved_by ? (names.get(row.resolved_by) ?? null) : null,
  };
}
