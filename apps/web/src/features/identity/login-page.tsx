import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { safeNextPath } from '../../app/guards.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../components/forms.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmit } from './use-form-submit.ts';
import { checkRequired, normaliseLogin } from './validation.ts';

const FIELDS = ['login', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** /login?next=…: opens a cookie session, then returns to where the visitor was going. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, logIn } = useSession();
  const [searchParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ login: searchParams.get('login') ?? '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { isSubmitting, error, serverFieldErrors, submit } = useFormSubmit(FIELDS);
  useFocusFirstInvalid(formRef, failedAttempts);
  const nextPath = safeNextPath(searchParams.get('next'));

  if (session.status === 'authenticated' && !isSubmitting) return <Navigate to={nextPath} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only presence is checked here: old accounts may have passwords shorter than today's rule.
    const found: FieldErrors<Field> = {
      login: checkRequired(values.login, t),
      password: checkRequired(values.password, t),
    };
    setErrors(found);
    if (hasErrors(found)) {
      setFailedAttempts((count) => count + 1);
      return;
    }
    const result = await submit(() => logIn(normaliseLogin(values.login), values.password));
    if (result.ok) void navigate(nextPath, { replace: true });
    else setFailedAttempts((count) => count + 1);
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
            <Link to={`/verify?login=${encodeURIComponent(normaliseLogin(values.login))}`}>
              {t('identity.login.goToVerify')}
            </Link>
          </p>
        )}
      </ErrorAlert>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          label={t('identity.fields.login')}
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.login}
          onChange={(event) => setValues((current) => ({ ...current, login: event.target.value }))}
          error={errors.login ?? serverFieldErrors.login}
        />
        <PasswordField
          label={t('identity.fields.password')}
          name="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(event) => setValues((current) => ({ ...current, password: event.target.value }))}
          error={errors.password ?? serverFieldErrors.password}
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
