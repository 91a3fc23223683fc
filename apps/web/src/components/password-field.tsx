import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './text-field.tsx';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'addon'>;

/** A password input with a show/hide button, so people can check what they typed on a phone keyboard. */
export function PasswordField(props: PasswordFieldProps) {
  const { t, i18n } = useTranslation();
  const [isVisible, setIsVisible] = useState(false);
  const inputId = useId();
  const verb = isVisible ? t('common.hide') : t('common.show');
  // The name repeats the visible word first (WCAG 2.5.3) and adds which field, as a page may have three.
  const buttonName = `${verb} ${props.label.toLocaleLowerCase(i18n.language)}`;
  return (
    <TextField
      {...props}
      type={isVisible ? 'text' : 'password'}
      id={inputId}
      spellCheck={false}
      autoCapitalize="none"
      addon={
        <button
          type="button"
          className="field__toggle"
          aria-controls={inputId}
          aria-label={buttonName}
          onClick={() => setIsVisible((visible) => !visible)}
        >
          {verb}
        </button>
      }
    />
  );
}
