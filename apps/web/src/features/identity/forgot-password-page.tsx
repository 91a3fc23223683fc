import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../components/forms.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useCountdown } from '../../components/use-countdown.ts';
import { confirmPasswordReset, requestPasswordReset } from './identity.api.ts';
import { useFormSubmit } from './use-form-submit.ts';
import { MIN_PASSWORD_LENGTH, checkCode, checkConfirmation, checkLogin, checkNewPassword, normaliseLogin } from './validation.ts';

const FIELDS = ['login', 'code', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];
const RESEND_COOLDOWN_SECONDS = 60; // The API allows one resend a minute.

/** /forgot-password: first ask for a code, then set a new password with it. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState<'request' | 'confirm'>('request');
  const [values, setValues] = useState<Record<Field, string>>({ login: '', code: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [cooldown, setCooldown] = useCountdown();
  const { isSubmitting, error, serverFieldErrors, submit, clearError } = useFormSubmit(FIELDS);
  useFocusFirstInvalid(formRef, failedAttempts);

  const update = (field: Field, clean: (value: string) => string = (value) => value) =>
    (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: clean(event.target.value) }));
  const login = normaliseLogin(values.login);

  function fail(found: FieldErrors<Field>): boolean {
    setErrors(found);
    if (!hasErrors(found)) return false;
    setFailedAttempts((count) => count + 1);
    return true;
  }

  async function sendCode(): Promise<boolean> {
    const result = await submit(() => requestPasswordReset(login));
    if (!result.ok) {
      setFailedAttempts((count) => count + 1);
      return false;
    }
    setCooldown(RESEND_COOLDOWN_SECONDS);
    return true;
  }

  async function handleRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    if (fail({ login: checkLogin(values.login, t) })) return;
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
    const found: FieldErrors<Field> = {
      code: checkCode(values.code, t),
      newPassword: checkNewPassword(values.newPassword, t),
      confirmPassword: checkConfirmation(values.newPassword, values.confirmPassword, t),
    };
    if (fail(found)) return;
    const result = await submit(() =>
      confirmPasswordReset({ login, code: values.code.trim(), newPassword: values.newPassword }),
    );
    if (result.ok) void navigate(`/login?login=${encodeURIComponent(login)}&reset=1`);
    else setFailedAttempts((count) => count + 1);
  }

  function changeLogin() {
    clearError();
    setNotice(undefined);
    setErrors({});
    setValues((current) => ({ ...current, code: '', newPassword: '', confirmPassword: '' }));
    setStep('request');
  }

  const errorFor = (field: Field) => errors[field] ?? serverFieldErrors[field];

  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.forgot.title')}</PageTitle>
      {step === 'request' && <p className="lead">{t('identity.forgot.intro')}</p>}
      <ErrorAlert error={error} />
      <StatusMessage message={notice} />
      {step === 'request' ? (
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleRequest(event)}>
          <TextField
            label={t('identity.fields.login')}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.login}
            onChange={update('login')}
            error={errorFor('login')}
          />
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('identity.forgot.requesting') : t('identity.forgot.requestSubmit')}
          </button>
        </form>
      ) : (
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleConfirm(event)}>
          <TextField
            label={t('identity.fields.code')}
            hint={t('identity.hints.code')}
            name="code"
            className="field--code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={values.code}
            onChange={update('code', (value) => value.replace(/\D/g, ''))}
            error={errorFor('code')}
          />
          <PasswordField
            label={t('identity.fields.newPassword')}
            hint={t('identity.hints.password', { min: MIN_PASSWORD_LENGTH })}
            name="newPassword"
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={update('newPassword')}
            error={errorFor('newPassword')}
          />
          <PasswordField
            label={t('identity.fields.confirmNewPassword')}
            name="confirmPassword"
            autoComplete="new-password"
            required
            value={values.confirmPassword}
            onChange={update('confirmPassword')}
            error={errorFor('confirmPassword')}
          />
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
