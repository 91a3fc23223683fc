import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@onecity/contracts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { actOnDossier } from './procedures.api.ts';

const REASON_MAX = 2000;

/** "Rút hồ sơ": the citizen gives a reason, then confirms in a second step; the API stops the dossier (status 7). */
export function WithdrawBox({ dossier, onDone }: { dossier: DossierDetail; onDone: (dossier: DossierDetail) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [isConfirming, setIsConfirming] = useState(false);
  const request = useFormSubmit(['reason'] as const);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);

  function handleContinue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(t('procedures.withdraw.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    setIsConfirming(true);
  }

  async function handleConfirm() {
    const result = await request.submit(() => actOnDossier(dossier.code, { type: 'withdraw', reason: reason.trim() }));
    if (result.ok) onDone(result.value);
    else setIsConfirming(false);
  }

  return (
    <details className="disclosure dossier-box">
      <summary>{t('procedures.withdraw.title')}</summary>
      <ErrorAlert error={request.error} />
      {isConfirming ? (
        <div className="alert alert--error" role="alertdialog" aria-labelledby="withdraw-confirm-text">
          <p id="withdraw-confirm-text">{t('procedures.withdraw.confirmText', { code: dossier.code })}</p>
          <p>
            <strong>{t('procedures.withdraw.reason')}:</strong> {reason.trim()}
          </p>
          <div className="form-actions">
            <button ref={confirmRef} type="button" className="button button--danger" disabled={request.isSubmitting} onClick={() => void handleConfirm()}>
              {t('procedures.withdraw.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={request.isSubmitting} onClick={() => setIsConfirming(false)}>
              {t('procedures.withdraw.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" noValidate onSubmit={handleContinue}>
          <p className="field__hint">{t('procedures.withdraw.hint')}</p>
          <TextareaField
            ref={reasonRef}
            label={t('procedures.withdraw.reason')}
            required
            rows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={reasonError ?? request.serverFieldErrors.reason}
          />
          <button type="submit" className="button button--danger">
            {t('procedures.withdraw.continue')}
          </button>
        </form>
      )}
    </details>
  );
}
