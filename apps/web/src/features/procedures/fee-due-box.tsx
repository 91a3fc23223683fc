import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { FeePayment } from './fee-payment.tsx';
import { formatMoney, nameIn } from './procedure-format.ts';

/** "Yêu cầu thực hiện nghĩa vụ tài chính": how much is due, fee by fee, and how to pay today. */
export function FeeDueBox({ dossier, onPaid }: { dossier: DossierDetail; onPaid?: (dossier: DossierDetail) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <section className="card dossier-box dossier-box--attention" aria-labelledby="fee-due-title">
      <h2 id="fee-due-title">{t('procedures.fee.title')}</h2>
      <p className="fee-due__total">
        {t('procedures.fee.total')} <strong>{formatMoney(dossier.feeTotal)}</strong>
      </p>
      {dossier.fees.length > 0 && (
        <ul className="fee-list" aria-label={t('procedures.fee.itemised')}>
          {dossier.fees.map((fee) => (
            <li key={fee.code}>
              <span>{nameIn(locale, fee)}</span> <strong>{formatMoney(fee.amount)}</strong>
            </li>
          ))}
        </ul>
      )}
      <p>{t('procedures.fee.atDesk', { agency: locale === 'vi' ? dossier.agencyNameVi : dossier.agencyNameEn })}</p>
      <FeePayment dossier={dossier} {...(onPaid ? { onPaid } : {})} />
    </section>
  );
}
