import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { API_PREFIX, api } from '../../app/api.ts';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useCountdown } from '../../components/use-countdown.ts';
import { CodeField, LoginField } from './identity-fields.tsx';
import { resendVerificationCode, verifyAccount, type Verification } from './identity.api.ts';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useForm } from './use-form.ts';
import { checkCode, checkLogin, normaliseLogin } from './validation.ts';

const FIELDS = ['login', 'code'] as const;
const RESEND_COOLDOWN_SECONDS = 60; // The API allows one resend a minute.

/** /verify-account?login=…: enter the 6-digit code sent at registration; the code can be sent again. */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { state } = useLocation() as { state: { verification?: Verification } | null };
  const loginFromAddress = searchParams.get('login') ?? '';
  const { formRef, values, setValues, update, errorFor, validate, submit, isSubmitting, error } = useForm(FIELDS, {
    login: loginFromAddress,
    code: '',
  });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const resend = useFormSubmit(FIELDS);
  const [cooldown, setCooldown] = useCountdown();
  const isDevOutboxAvailable = useDevOutboxProbe(normaliseLogin(loginFromAddress));

  const destination = state?.verification?.destination;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    if (!validate({ login: checkLogin(values.login, t), code: checkCode(values.code, t) })) return;
    const login = normaliseLogin(values.login);
    const result = await submit(() => verifyAccount({ login, code: values.code.trim() }));
    if (result.ok) void navigate(`/login?login=${encodeURIComponent(login)}&verified=1`);
  }

  async function handleResend() {
    setNotice(undefined);
    if (!validate({ login: checkLogin(values.login, t) })) return;
    // Sent apart from the form's own request: a failure shows in the alert only, without moving focus.
    const result = await resend.submit(() => resendVerificationCode(normaliseLogin(values.login)));
    if (result.ok) {
      setNotice(t('identity.verify.resent'));
      setCooldown(RESEND_COOLDOWN_SECONDS);
    }
  }

  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.verify.title')}</PageTitle>
      <p className="lead">
        {destination ? t('identity.verify.sentTo', { destination }) : t('identity.verify.sentGeneric')}
      </p>
      <ErrorAlert error={error ?? resend.error} />
      <StatusMessage message={notice} />
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        {loginFromAddress === '' && (
          <LoginField value={values.login} onChange={update('login')} error={errorFor('login')} />
        )}
        <CodeField
          value={values.code}
          onChange={(code) => setValues((current) => ({ ...current, code }))}
          error={errorFor('code')}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('identity.verify.submitting') : t('identity.verify.submit')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={resend.isSubmitting || cooldown > 0}
            onClick={() => void handleResend()}
          >
            {cooldown > 0 ? t('identity.verify.resendIn', { seconds: cooldown }) : t('identity.verify.resend')}
          </button>
        </div>
      </form>
      {isDevOutboxAvailable && (
        <aside className="dev-hint">
          <p>
            {t('identity.verify.devHint')}{' '}
            <a href={`${API_PREFIX}/dev/outbox?to=${encodeURIComponent(normaliseLogin(loginFromAddress))}`}>
              {t('identity.verify.devLink')}
            </a>
          </p>
        </aside>
      )}
    </section>
  );
}

/**
 * Whether the API runs with the development message sender, whose outbox lists the codes it "sent".
 * Production answers 404, so the hint never shows there.
 */
function useDevOutboxProbe(login: string): boolean {
  const [isAvailable, setIsAvailable] = useState(false);
  useEffect(() => {
    if (login === '') return;
    let isCurrent = true;
    api
      .get<unknown>(`/dev/outbox?to=${encodeURIComponent(login)}`)
      .then(() => isCurrent && setIsAvailable(true))
      .catch(() => isCurrent && setIsAvailable(false));
    return () => {
      isCurrent = false;
    };
  }, [login]);
  return isAvailable;
}
