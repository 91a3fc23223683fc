import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@onecity/contracts';

/**
 * SLOT: online payment of a dossier's fees (payment gateway / National Public Service Portal payment platform).
 * Not built yet: today the one-stop desk takes the payment and records it (record_payment), which moves the
 * dossier on. When online payment arrives, this component starts the payment for `dossier` and calls `onPaid`
 * with the updated dossier; FeeDueBox already renders it in the right place.
 */
export function FeePayment({ dossier, onPaid: _onPaid }: { dossier: DossierDetail; onPaid?: (dossier: DossierDetail) => void }) {
  const { t } = useTranslation();
  return (
    <div className="fee-payment" data-slot="fee-payment" data-dossier={dossier.code}>
      <button type="button" className="button button--secondary" disabled aria-describedby={`fee-payment-${dossier.code}-note`}>
        {t('procedures.fee.payOnline')}
      </button>{' '}
      <span className="badge badge--small">{t('common.comingSoon')}</span>
      <p className="note" id={`fee-payment-${dossier.code}-note`}>
        {t('procedures.fee.payOnlineSoon')}
      </p>
    </div>
  );
}
