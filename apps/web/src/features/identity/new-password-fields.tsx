import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/forms.ts';
import { PasswordField } from '../../components/password-field.tsx';
import { MIN_PASSWORD_LENGTH, checkConfirmation, checkNewPassword } from './validation.ts';

/**
 * The form field that holds the new password: `password` when an account is created ("Mật khẩu"),
 * `newPassword` when one replaces a password ("Mật khẩu mới"). The confirmation is always `confirmPassword`.
 */
export type NewPasswordName = 'password' | 'newPassword';
type NewPasswordField<Name extends NewPasswordName> = Name | 'confirmPassword';

const LABEL_KEYS = {
  password: { password: 'identity.fields.password', confirmation: 'identity.fields.confirmPassword' },
  newPassword: { password: 'identity.fields.newPassword', confirmation: 'identity.fields.confirmNewPassword' },
} as const;

/** Checks a new password and its confirmation; the errors are keyed by the form's field names. */
export function checkNewPasswordFields<Name extends NewPasswordName>(
  name: Name,
  values: Readonly<Record<NewPasswordField<Name>, string>>,
  t: TFunction,
): FieldErrors<NewPasswordField<Name>> {
  const errors: FieldErrors<NewPasswordField<Name>> = {};
  errors[name] = checkNewPassword(values[name], t);
  errors.confirmPassword = checkConfirmation(values[name], values.confirmPassword, t);
  return errors;
}

/** The "new password" and "confirm it" inputs of a form, with the length rule as a hint. */
export function NewPasswordFields<Name extends NewPasswordName>({
  name,
  values,
  onChange,
  errorFor,
}: {
  name: Name;
  values: Readonly<Record<NewPasswordField<Name>, string>>;
  onChange: (field: NewPasswordField<Name>) => (event: { target: { value: string } }) => void;
  errorFor: (field: NewPasswordField<Name>) => string | undefined;
}) {
  const { t } = useTranslation();
  const labels = LABEL_KEYS[name];
  return (
    <>
      <PasswordField
        label={t(labels.password)}
        hint={t('identity.hints.password', { min: MIN_PASSWORD_LENGTH })}
        name={name}
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={values[name]}
        onChange={onChange(name)}
        error={errorFor(name)}
      />
      <PasswordField
        label={t(labels.confirmation)}
        name="confirmPassword"
        autoComplete="new-password"
        required
        value={values.confirmPassword}
        onChange={onChange('confirmPassword')}
        error={errorFor('confirmPassword')}
      />
    </>
  );
}
