import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Locale, User } from '@onecity/contracts';
import { LOCALES, chooseLocale, currentLocale, isLocale } from '../../app/i18n/index.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { formatDate } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { FullNameField } from './identity-fields.tsx';
import { changePassword, updateProfile } from './identity.api.ts';
import { NewPasswordFields, checkNewPasswordFields } from './new-password-fields.tsx';
import { useForm } from './use-form.ts';
import { checkFullName, checkRequired } from './validation.ts';

/** /profile: the user's details, language, password, roles, and logging out. Only for logged-in users. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session.status !== 'authenticated') return null; // RequireRoles guards the route.
  const { user } = session;
  return (
    <section className="page page--narrow">
      <PageTitle>{t('identity.profile.title')}</PageTitle>
      <AccountSummary user={user} />
      <DetailsForm user={user} />
      <PasswordForm user={user} />
      <RolesList user={user} />
      <LogoutSection />
    </section>
  );
}

function AccountSummary({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const notProvided = t('common.notProvided');
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('identity.profile.email')}</dt>
        <dd>{user.email ?? notProvided}</dd>
      </div>
      <div>
        <dt>{t('identity.profile.phone')}</dt>
        <dd>{user.phone ?? notProvided}</dd>
      </div>
      <div>
        <dt>{t('identity.profile.status')}</dt>
        <dd>{user.isVerified ? t('identity.profile.verified') : t('identity.profile.notVerified')}</dd>
      </div>
      <div>
        <dt>{t('identity.profile.assurance')}</dt>
        <dd>{user.assurance >= 2 ? t('identity.profile.assuranceLevel2') : t('identity.profile.assuranceLevel1')}</dd>
      </div>
      <div>
        <dt>{t('identity.profile.memberSince')}</dt>
        <dd>{formatDate(user.createdAt, currentLocale(i18n))}</dd>
      </div>
    </dl>
  );
}

const DETAILS_FIELDS = ['fullName'] as const;

function DetailsForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const { replaceUser } = useSession();
  // The language is a choice from a list, so only the name is typed in and checked.
  const { formRef, values, update, errorFor, validate, submit, isSubmitting, error } = useForm(DETAILS_FIELDS, {
    fullName: user.fullName,
  });
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    if (!validate({ fullName: checkFullName(values.fullName, t) })) return;
    const result = await submit(() => updateProfile({ fullName: values.fullName.trim(), locale }));
    if (!result.ok) return;
    replaceUser(result.value);
    // The account language is also the interface language: choosing it here switches the screen too.
    if (result.value.locale !== currentLocale(i18n)) await chooseLocale(i18n, result.value.locale);
    setNotice(i18n.t('identity.profile.saved'));
  }

  return (
    <section className="card" aria-labelledby="profile-details-title">
      <h2 id="profile-details-title">{t('identity.profile.detailsTitle')}</h2>
      <ErrorAlert error={error} />
      <StatusMessage message={notice} />
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FullNameField value={values.fullName} onChange={update('fullName')} error={errorFor('fullName')} />
        <div className="field">
          <label className="field__label" htmlFor="profile-locale">
            {t('identity.profile.language')}
          </label>
          <p className="field__hint" id="profile-locale-hint">
            {t('identity.profile.languageHint')}
          </p>
          <select
            id="profile-locale"
            className="field__input"
            aria-describedby="profile-locale-hint"
            value={locale}
            onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {t(`language.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('identity.profile.saving') : t('identity.profile.saveDetails')}
        </button>
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

function PasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const emptyValues = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const { formRef, values, setValues, update, errorFor, validate, submit, isSubmitting, error } = useForm(
    PASSWORD_FIELDS,
    emptyValues,
  );
  const [notice, setNotice] = useState<string | undefined>(undefined);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const found = {
      currentPassword: checkRequired(values.currentPassword, t),
      ...checkNewPasswordFields('newPassword', values, t),
    };
    if (!validate(found)) return;
    const result = await submit(() =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    );
    if (!result.ok) return;
    setValues(emptyValues);
    setNotice(t('identity.profile.passwordChanged'));
  }

  return (
    <section className="card" aria-labelledby="profile-password-title">
      <h2 id="profile-password-title">{t('identity.profile.passwordTitle')}</h2>
      <ErrorAlert error={error} />
      <StatusMessage message={notice} />
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.email ?? user.phone ?? ''} readOnly hidden />
        <PasswordField
          label={t('identity.fields.currentPassword')}
          name="currentPassword"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={update('currentPassword')}
          error={errorFor('currentPassword')}
        />
        <NewPasswordFields name="newPassword" values={values} onChange={update} errorFor={errorFor} />
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('identity.profile.changingPassword') : t('identity.profile.changePassword')}
        </button>
      </form>
    </section>
  );
}

function RolesList({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="profile-roles-title">
      <h2 id="profile-roles-title">{t('identity.profile.rolesTitle')}</h2>
      <ul className="role-list">
        {user.roles.map((grant) => (
          <li key={`${grant.role}:${grant.agencyId ?? '*'}`}>
            <span className="role-list__role">{t(`roles.${grant.role}`)}</span>
            {grant.role !== 'citizen' && (
              <span className="role-list__agency"> — {grant.agencyName ?? t('identity.profile.roleEverywhere')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LogoutSection() {
  const { t } = useTranslation();
  const { logOut } = useSession();
  const navigate = useNavigate();
  const [isLoggingOut, setIsLoggingOut] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  async function handleLogout() {
    setIsLoggingOut(true);
    setError(undefined);
    try {
      await logOut(() => void navigate('/', { replace: true, state: { loggedOut: true } }));
    } catch (caught) {
      setError(caught);
      setIsLoggingOut(false);
    }
  }

  return (
    <div className="logout">
      <ErrorAlert error={error} />
      <button type="button" className="button button--danger" disabled={isLoggingOut} onClick={() => void handleLogout()}>
        {isLoggingOut ? t('identity.profile.loggingOut') : t('identity.profile.logout')}
      </button>
    </div>
  );
}
