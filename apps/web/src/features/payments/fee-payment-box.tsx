import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DossierDetail, PaymentIntent } from '@onecity/contracts';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { formatMoney } from '../procedures/procedure-format.ts';
import { fetchDossier, fetchPaymentIntent, openPaymentIntent, simulateBankTransfer, startGatewayPayment } from './payments.api.ts';
import './payments.css';

/** How often the box asks whether the payment was confirmed. */
export const PAYMENT_POLL_MS = 3000;

const PAID: ReadonlySet<PaymentIntent['status']> = new Set(['succeeded', 'partially_refunded', 'refunded']);
const OPEN: ReadonlySet<PaymentIntent['status']> = new Set(['requires_payment', 'processing']);

type State = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'error'; error: unknown } | { kind: 'ready'; intent: PaymentIntent };

/**
 * Online payment of a dossier's fees: the VietQR code any banking app can pay (with its text), a button to the card
 * and wallet gateway, and — in the demo sandbox — a clearly labelled button that makes the simulated bank report the
 * transfer. The box asks the API every few seconds until the payment is confirmed (only the bank feed or the
 * gateway's IPN confirm it), then hands the updated dossier to `onPaid`.
 */
export function FeePaymentBox({
  dossier,
  onPaid,
  pollMs = PAYMENT_POLL_MS,
  goTo = (url: string) => window.location.assign(url),
}: {
  dossier: DossierDetail;
  onPaid?: (dossier: DossierDetail) => void;
  pollMs?: number;
  /** Sends the browser to the gateway (replaced in tests). */
  goTo?: (url: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [searchParams] = useSearchParams();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [isBusy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const isPaidReported = useRef(false);
  const returned = searchParams.get('payment');

  // The open intent of the dossier (the API creates it once; asking again returns the same one).
  useEffect(() => {
    let isCurrent = true;
    openPaymentIntent(dossier.code)
      .then((intent) => isCurrent && setState({ kind: 'ready', intent }))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.code === 'payments.not_offered') setState({ kind: 'unavailable' });
        else setState({ kind: 'error', error });
      });
    return () => {
      isCurrent = false;
    };
  }, [dossier.code, attempt]);

  const intent = state.kind === 'ready' ? state.intent : undefined;
  const intentId = intent?.id;
  const isOpen = intent !== undefined && OPEN.has(intent.status);

  const reportPaid = useCallback(async () => {
    if (isPaidReported.current) return;
    isPaidReported.current = true;
    try {
      onPaid?.(await fetchDossier(dossier.code));
    } catch {
      // The dossier page reloads on its own; the box already shows the payment.
    }
  }, [dossier.code, onPaid]);

  // Poll while the intent is open; stop as soon as it is paid (or closed).
  useEffect(() => {
    if (intentId === undefined || !isOpen) return undefined;
    let isCurrent = true;
    const timer = window.setInterval(() => {
      fetchPaymentIntent(intentId)
        .then((fresh) => isCurrent && setState({ kind: 'ready', intent: fresh }))
        .catch(() => undefined);
    }, pollMs);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
    };
  }, [intentId, isOpen, pollMs]);

  useEffect(() => {
    if (intent && PAID.has(intent.status)) void reportPaid();
  }, [intent, reportPaid]);

  if (state.kind === 'loading') return <p className="payment-box__note">{t('payments.box.loading')}</p>;
  if (state.kind === 'unavailable') return <p className="payment-box__note">{t('payments.box.notOffered')}</p>;
  if (state.kind === 'error') return <ErrorAlert error={state.error} />;
  const current = state.intent;
  const amount = formatMoney(current.amount);

  if (PAID.has(current.status)) {
    return (
      <div className="payment-box" data-testid="payment-box">
        <StatusMessage message={t('payments.box.paid', { amount: formatMoney(current.amountReceived) })} />
      </div>
    );
  }
  if (!OPEN.has(current.status)) {
    return (
      <div className="payment-box" data-testid="payment-box">
        <p>{t('payments.box.closed', { status: t(`payments.status.${current.status}`) })}</p>
        <button type="button" className="button button--secondary" onClick={() => setAttempt((count) => count + 1)}>
          {t('payments.box.renew')}
        </button>
      </div>
    );
  }

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
    } catch (error) {
      setActionError(error);
      setBusy(false);
    }
  };
  const payByGateway = () =>
    run(async () => {
      const started = await startGatewayPayment(current.id, locale);
      goTo(started.redirectUrl);
    });
  const simulateTransfer = () =>
    run(async () => {
      await simulateBankTransfer(current.id);
      setState({ kind: 'ready', intent: await fetchPaymentIntent(current.id) });
      setBusy(false);
    });

  const vietqr = current.methods.vietqr;
  const returnedMessage = returned === 'success' ? 'returnedSuccess' : returned === 'failed' ? 'returnedFailed' : returned === 'invalid' ? 'returnedInvalid' : null;
  return (
    <div className="payment-box" data-testid="payment-box">
      {returnedMessage && <p className="payment-box__note" role="status">{t(`payments.box.${returnedMessage}`)}</p>}
      {vietqr && (
        <section className="payment-box__qr" aria-labelledby={`payment-qr-${current.id}`}>
          <h3 id={`payment-qr-${current.id}`}>{t('payments.box.qrTitle')}</h3>
          <img src={vietqr.imageUrl} width={240} height={240} alt={t('payments.box.qrAlt', { amount, code: current.dossierCode })} />
          <p className="payment-box__hint">{t('payments.box.qrHint')}</p>
          <dl className="payment-box__facts">
            <div>
              <dt>{t('payments.box.amount')}</dt>
              <dd>{amount}</dd>
            </div>
            <div>
              <dt>{t('payments.box.bank')}</dt>
              <dd>{vietqr.bankName}</dd>
            </div>
            <div>
              <dt>{t('payments.box.account')}</dt>
              <dd>{vietqr.accountNumber}</dd>
            </div>
            <div>
              <dt>{t('payments.box.accountName')}</dt>
              <dd>{vietqr.accountName}</dd>
            </div>
            <div>
              <dt>{t('payments.box.reference')}</dt>
              <dd>
                <code>{current.reference}</code>
              </dd>
            </div>
          </dl>
          <details>
            <summary>{t('payments.box.payload')}</summary>
            <pre className="payment-box__payload" data-testid="vietqr-payload">
              {vietqr.payload}
            </pre>
          </details>
        </section>
      )}
      {current.methods.vnpay && (
        <section className="payment-box__gateway" aria-labelledby={`payment-card-${current.id}`}>
          <h3 id={`payment-card-${current.id}`}>{t('payments.box.cardTitle')}</h3>
          <button type="button" className="button button--primary" onClick={() => void payByGateway()} disabled={isBusy}>
            {t('payments.box.vnpay')}
          </button>
        </section>
      )}
      <p className="payment-box__note" aria-live="polite">
        {current.status === 'processing' ? t('payments.box.processing') : t('payments.box.waiting')}
      </p>
      <ErrorAlert error={actionError} />
      {current.methods.isSandbox && vietqr && (
        <aside className="payment-box__sandbox" aria-labelledby={`payment-sandbox-${current.id}`}>
          <h3 id={`payment-sandbox-${current.id}`}>{t('payments.box.sandboxTitle')}</h3>
          <p>{t('payments.box.sandboxHint')}</p>
          <button type="button" className="button button--secondary" onClick={() => void simulateTransfer()} disabled={isBusy}>
            {t('payments.box.sandboxPay')}
          </button>
        </aside>
      )}
    </div>
  );
}
