import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { safeNextPath } from '../../app/guards.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { LoginField } from './identity-fields.tsx';
import { useForm } from './use-form.ts';
import { checkRequired, normaliseLogin } from './validation.ts';

const FIELDS = ['login', 'password'] as const;

/** /login?next=…: opens a cookie session, then returns to where the visitor was going. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, logIn } = useSession();
  const [searchParams] = useSearchParams();
  const { formRef, values, update, errorFor, validate, submit, isSubmitting, error } = useForm(FIELDS, {
    login: searchParams.get('login') ?? '',
    password: '',
  });
  const nextPath = safeNextPath(searchParams.get('next'));

  if (session.status === 'authenticated' && !isSubmitting) return <Navigate to={nextPath} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only presence is checked here: old accounts may have passwords shorter than today's rule.
    if (!validate({ login: checkRequired(values.login, t), password: checkRequired(values.password, t) })) return;
    const result = await submit(() => logIn(normaliseLogin(values.login), values.password));
    if (result.ok) void navigate(nextPath, { replace: true });
  }

  const isNotVerified = error instanceof ApiError && error.code === 'identity.not_verified';
  const notice =
    searchParams.get('verified') === '1'
      ? t('identity.login.verified')
      : searchParams.get('reset') === '1'
        ? t('identity.login.passwordReset')
        : undefined;

  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.login.title')}</PageTitle>
      <StatusMessage message={error === undefined ? notice : undefined} />
      <ErrorAlert error={error}>
        {isNotVerified && (
          <p>
            <Link to={`/verify-account?login=${encodeURIComponent(normaliseLogin(values.login))}`}>
              {t('identity.login.goToVerify')}
            </Link>
          </p>
        )}
      </ErrorAlert>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <LoginField value={values.login} onChange={update('login')} error={errorFor('login')} />
        <PasswordField
          label={t('identity.fields.password')}
          name="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={update('password')}
          error={errorFor('password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
          {isSubmitting ? t('identity.login.submitting') : t('identity.login.submit')}
        </button>
      </form>
      <p className="form-footer">
        <Link to="/forgot-password">{t('identity.login.forgotPassword')}</Link>
      </p>
      <p className="form-footer">
        {t('identity.login.noAccount')} <Link to="/register">{t('identity.login.registerLink')}</Link>
      </p>
    </section>
  );
}
