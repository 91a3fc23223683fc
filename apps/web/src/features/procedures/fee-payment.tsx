import type { DossierDetail } from '@onecity/contracts';
import { FeePaymentBox } from '../payments/fee-payment-box.tsx';
import { FeeReceipt } from '../payments/fee-receipt.tsx';

/**
 * Online payment of a dossier's fees inside FeeDueBox: the payments feature's box (VietQR code, card/e-wallet
 * gateway, sandbox transfer in the demo). It calls `onPaid` with the updated dossier once the payment is confirmed.
 */
export function FeePayment({ dossier, onPaid, pollMs }: { dossier: DossierDetail; onPaid?: (dossier: DossierDetail) => void; pollMs?: number }) {
  return (
    <div className="fee-payment" data-slot="fee-payment" data-dossier={dossier.code}>
      <FeePaymentBox dossier={dossier} {...(onPaid ? { onPaid } : {})} {...(pollMs !== undefined ? { pollMs } : {})} />
    </div>
  );
}

/** The receipts (biên lai) of a dossier's online payment, shown on its page once the fee was paid online. */
export function FeePaymentReceipt({ dossier }: { dossier: DossierDetail }) {
  return dossier.feePaidVia === 'online' ? <FeeReceipt dossierCode={dossier.code} /> : null;
}
