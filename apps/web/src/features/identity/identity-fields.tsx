import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from '../../components/text-field.tsx';

/** The login input (phone number or e-mail) of the identity forms, named so password managers fill it. */
export function LoginField({ hint, value, onChange, error }: Pick<TextFieldProps, 'hint' | 'value' | 'onChange' | 'error'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('identity.fields.login')}
      hint={hint}
      name="login"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** The full-name input of the registration and profile forms. */
export function FullNameField({ value, onChange, error }: Pick<TextFieldProps, 'value' | 'onChange' | 'error'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('identity.fields.fullName')}
      name="fullName"
      autoComplete="name"
      required
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** The input for a 6-digit one-time code; anything but digits is dropped as it is typed or pasted. */
export function CodeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('identity.fields.code')}
      hint={t('identity.hints.code')}
      name="code"
      className="field--code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      error={error}
    />
  );
}
