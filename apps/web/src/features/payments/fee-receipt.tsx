import { useTranslation } from 'react-i18next';
import type { PaymentIntent, PaymentIntentList } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDateTime } from '../../components/format.ts';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { documentPdfUrl } from '../documents/documents.api.ts';
import { formatMoney } from '../procedures/procedure-format.ts';
import { dossierIntentsPath } from './payments.api.ts';
import './payments.css';

const PAID: ReadonlySet<PaymentIntent['status']> = new Set(['succeeded', 'partially_refunded', 'refunded']);

/**
 * The receipts (biên lai) of a dossier's online payments, on its page: each paid payment with how and when it was
 * paid and its receipt to download. A receipt whose rendering failed at payment time is issued by the API's sweep
 * shortly after; until then the box says so.
 */
export function FeeReceipt({ dossierCode }: { dossierCode: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [intents, reload] = useApiResource<PaymentIntentList>(dossierIntentsPath(dossierCode));
  return (
    <section className="card dossier-box payment-receipt" aria-labelledby="payment-receipt-title">
      <h2 id="payment-receipt-title">{t('payments.receipt.title')}</h2>
      <ResourceView resource={intents} reload={reload}>
        {(data) => {
          const paid = data.items.filter((intent) => PAID.has(intent.status));
          if (paid.length === 0) return <p>{t('payments.receipt.none')}</p>;
          return (
            <ul className="payment-receipt__list">
              {paid.map((intent) => (
                <li key={intent.id}>
                  <p>
                    {t('payments.receipt.paid', {
                      amount: formatMoney(intent.amountReceived),
                      provider: t(`payments.provider.${intent.provider ?? 'none'}`),
                      time: intent.succeededAt ? formatDateTime(intent.succeededAt, locale) : '—',
                    })}
                    {intent.amountRefunded > 0 && ` ${t('payments.receipt.refunded', { amount: formatMoney(intent.amountRefunded) })}`}
                  </p>
                  {intent.receiptDocumentId ? (
                    <a className="button button--primary" href={documentPdfUrl(intent.receiptDocumentId)} download={`bien-lai-${intent.reference}.pdf`}>
                      {t('payments.receipt.download')}
                    </a>
                  ) : (
                    <p className="payment-box__note">
                      {t('payments.receipt.pending')}{' '}
                      <button type="button" className="button button--secondary" onClick={reload}>
                        {t('common.retry')}
                      </button>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </ResourceView>
    </section>
  );
}
