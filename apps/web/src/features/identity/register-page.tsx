import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../components/forms.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { registerCitizen } from './identity.api.ts';
import { useFormSubmit } from './use-form-submit.ts';
import {
  MIN_PASSWORD_LENGTH,
  checkConfirmation,
  checkFullName,
  checkLogin,
  checkNewPassword,
  normaliseLogin,
} from './validation.ts';

const FIELDS = ['fullName', 'login', 'password', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

/** /register: a citizen creates an account, then goes on to /verify with the code sent to them. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ fullName: '', login: '', password: '', confirmPassword: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const { isSubmitting, error, serverFieldErrors, submit } = useFormSubmit(FIELDS);
  useFocusFirstInvalid(formRef, failedAttempts);

  const update = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      fullName: checkFullName(values.fullName, t),
      login: checkLogin(values.login, t),
      password: checkNewPassword(values.password, t),
      confirmPassword: checkConfirmation(values.password, values.confirmPassword, t),
    };
    setErrors(found);
    if (hasErrors(found)) {
      setFailedAttempts((count) => count + 1);
      return;
    }
    const login = normaliseLogin(values.login);
    const result = await submit(() =>
      registerCitizen({ login, password: values.password, fullName: values.fullName.trim(), locale: currentLocale(i18n) }),
    );
    if (result.ok) {
      void navigate(`/verify?login=${encodeURIComponent(login)}`, { state: { verification: result.value.verification } });
    } else {
      setFailedAttempts((count) => count + 1);
    }
  }

  const errorFor = (field: Field) => errors[field] ?? serverFieldErrors[field];

  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.register.title')}</PageTitle>
      <p className="lead">{t('identity.register.intro')}</p>
      <ErrorAlert error={error} />
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          label={t('identity.fields.fullName')}
          name="fullName"
          autoComplete="name"
          required
          value={values.fullName}
          onChange={update('fullName')}
          error={errorFor('fullName')}
        />
        <TextField
          label={t('identity.fields.login')}
          hint={t('identity.hints.login')}
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.login}
          onChange={update('login')}
          error={errorFor('login')}
        />
        <PasswordField
          label={t('identity.fields.password')}
          hint={t('identity.hints.password', { min: MIN_PASSWORD_LENGTH })}
          name="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={values.password}
          onChange={update('password')}
          error={errorFor('password')}
        />
        <PasswordField
          label={t('identity.fields.confirmPassword')}
          name="confirmPassword"
          autoComplete="new-password"
          required
          value={values.confirmPassword}
          onChange={update('confirmPassword')}
          error={errorFor('confirmPassword')}
        />
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
          {isSubmitting ? t('identity.register.submitting') : t('identity.register.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('identity.register.haveAccount')} <Link to="/login">{t('identity.register.loginLink')}</Link>
      </p>
    </section>
  );
}
