import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useCountdown } from '../../components/use-countdown.ts';
import { CodeField, LoginField } from './identity-fields.tsx';
import { confirmPasswordReset, requestPasswordReset } from './identity.api.ts';
import { NewPasswordFields, checkNewPasswordFields } from './new-password-fields.tsx';
import { useForm } from './use-form.ts';
import { checkCode, checkLogin, normaliseLogin } from './validation.ts';

const FIELDS = ['login', 'code', 'newPassword', 'confirmPassword'] as const;
const RESEND_COOLDOWN_SECONDS = 60; // The API allows one resend a minute.

/** /forgot-password: first ask for a code, then set a new password with it. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [step, setStep] = useState<'request' | 'confirm'>('request');
  const { formRef, values, setValues, update, errorFor, validate, submit, clearErrors, isSubmitting, error } = useForm(FIELDS, {
    login: '',
    code: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [cooldown, setCooldown] = useCountdown();
  const login = normaliseLogin(values.login);

  async function sendCode(): Promise<boolean> {
    const result = await submit(() => requestPasswordReset(login));
    if (result.ok) setCooldown(RESEND_COOLDOWN_SECONDS);
    return result.ok;
  }

  async function handleRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    if (!validate({ login: checkLogin(values.login, t) })) return;
    if (await sendCode()) {
      setNotice(t('identity.forgot.sent', { login }));
      setStep('confirm');
    }
  }

  async function handleResend() {
    setNotice(undefined);
    if (await sendCode()) setNotice(t('identity.forgot.resent'));
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    if (!validate({ code: checkCode(values.code, t), ...checkNewPasswordFields('newPassword', values, t) })) return;
    const result = await submit(() =>
      confirmPasswordReset({ login, code: values.code.trim(), newPassword: values.newPassword }),
    );
    if (result.ok) void navigate(`/login?login=${encodeURIComponent(login)}&reset=1`);
  }

  function changeLogin() {
    clearErrors();
    setNotice(undefined);
    setValues((current) => ({ ...current, code: '', newPassword: '', confirmPassword: '' }));
    setStep('request');
  }

  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.forgot.title')}</PageTitle>
      {step === 'request' && <p className="lead">{t('identity.forgot.intro')}</p>}
      <ErrorAlert error={error} />
      <StatusMessage message={notice} />
      {step === 'request' ? (
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleRequest(event)}>
          <LoginField value={values.login} onChange={update('login')} error={errorFor('login')} />
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('identity.forgot.requesting') : t('identity.forgot.requestSubmit')}
          </button>
        </form>
      ) : (
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleConfirm(event)}>
          <CodeField
            value={values.code}
            onChange={(code) => setValues((current) => ({ ...current, code }))}
            error={errorFor('code')}
          />
          <NewPasswordFields name="newPassword" values={values} onChange={update} errorFor={errorFor} />
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('identity.forgot.confirming') : t('identity.forgot.confirmSubmit')}
          </button>
          <div className="form-actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={isSubmitting || cooldown > 0}
              onClick={() => void handleResend()}
            >
              {cooldown > 0 ? t('identity.verify.resendIn', { seconds: cooldown }) : t('identity.forgot.resend')}
            </button>
            <button type="button" className="button button--link" onClick={changeLogin}>
              {t('identity.forgot.changeLogin')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
