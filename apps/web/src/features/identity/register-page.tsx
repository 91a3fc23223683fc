import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { FullNameField, LoginField } from './identity-fields.tsx';
import { registerCitizen } from './identity.api.ts';
import { NewPasswordFields, checkNewPasswordFields } from './new-password-fields.tsx';
import { useForm } from './use-form.ts';
import { checkFullName, checkLogin, normaliseLogin } from './validation.ts';

const FIELDS = ['fullName', 'login', 'password', 'confirmPassword'] as const;

/** /register: a citizen creates an account, then goes on to /verify with the code sent to them. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { formRef, values, update, errorFor, validate, submit, isSubmitting, error } = useForm(FIELDS, {
    fullName: '',
    login: '',
    password: '',
    confirmPassword: '',
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      fullName: checkFullName(values.fullName, t),
      login: checkLogin(values.login, t),
      ...checkNewPasswordFields('password', values, t),
    };
    if (!validate(found)) return;
    const login = normaliseLogin(values.login);
    const result = await submit(() =>
      registerCitizen({ login, password: values.password, fullName: values.fullName.trim(), locale: currentLocale(i18n) }),
    );
    if (result.ok) {
      void navigate(`/verify-account?login=${encodeURIComponent(login)}`, { state: { verification: result.value.verification } });
    }
  }

  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.register.title')}</PageTitle>
      <p className="lead">{t('identity.register.intro')}</p>
      <ErrorAlert error={error} />
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FullNameField value={values.fullName} onChange={update('fullName')} error={errorFor('fullName')} />
        <LoginField hint={t('identity.hints.login')} value={values.login} onChange={update('login')} error={errorFor('login')} />
        <NewPasswordFields name="password" values={values} onChange={update} errorFor={errorFor} />
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
