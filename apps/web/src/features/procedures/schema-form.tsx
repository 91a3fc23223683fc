import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n/index.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import {
  checkFormValues,
  fieldDescription,
  fieldTitle,
  initialFormValues,
  optionLabel,
  parseFormSchema,
  type FormErrors,
  type FormValues,
  type SchemaField,
} from './form-schema.ts';
import { withRequiredMark } from './procedure-format.ts';

export { checkFormValues, initialFormValues, parseFormSchema, type FormErrors, type FormValues, type SchemaField } from './form-schema.ts';

/**
 * The state of a form drawn from a JSON Schema: the fields, what is typed, the errors shown (from the
 * client check or the API), and `validate`, which checks everything and returns the formData to send.
 */
export function useSchemaForm(schema: Record<string, unknown> | undefined, initialData?: Record<string, unknown>) {
  const { t } = useTranslation();
  const fields = useMemo(() => parseFormSchema(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() => initialFormValues(fields, initialData));
  const [errors, setErrors] = useState<FormErrors>({});
  const setValue = useCallback((name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value })), []);
  const validate = useCallback(() => {
    const result = checkFormValues(fields, values, t);
    setErrors(result.errors);
    return result;
  }, [fields, values, t]);
  return { fields, values, errors, setValue, setErrors, validate };
}

/**
 * Draws the fields of a procedure's form (see form-schema.ts for the keywords understood): text, date, choice,
 * number and check box inputs, labelled in the reader's language, required ones marked with a star, each with
 * its hint and its announced error. Controlled: the caller keeps values and errors (useSchemaForm does).
 */
export function SchemaForm({
  fields,
  values,
  errors,
  onChange,
  disabled,
}: {
  fields: readonly SchemaField[];
  values: FormValues;
  errors: FormErrors;
  onChange: (name: string, value: string | boolean) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <>
      {fields.map((field) => {
        const label = withRequiredMark(fieldTitle(field, locale), field.isRequired || field.mustBeTrue === true);
        const hint = fieldDescription(field, locale);
        const error = errors[field.name];
        const value = values[field.name];
        const text = typeof value === 'string' ? value : '';
        const common = { label, hint, error, name: `formData.${field.name}`, required: field.isRequired, disabled };
        switch (field.kind) {
          case 'checkbox':
            return <CheckboxField key={field.name} label={label} hint={hint} error={error} name={common.name} required={field.mustBeTrue === true} disabled={disabled} checked={value === true} onChange={(checked) => onChange(field.name, checked)} />;
          case 'select':
            return (
              <SelectField
                key={field.name}
                {...common}
                placeholder={t('procedures.form.choose')}
                options={(field.options ?? []).map((option) => ({ value: option.value, label: optionLabel(option, locale) }))}
                value={text}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
          case 'textarea':
            return <TextareaField key={field.name} {...common} rows={4} maxLength={field.maxLength} value={text} onChange={(event) => onChange(field.name, event.target.value)} />;
          case 'integer':
          case 'number':
            return (
              <TextField
                key={field.name}
                {...common}
                inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
                autoComplete="off"
                value={text}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
          default:
            return (
              <TextField
                key={field.name}
                {...common}
                type={field.kind === 'date' ? 'date' : field.kind === 'email' ? 'email' : 'text'}
                maxLength={field.maxLength}
                value={text}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
        }
      })}
    </>
  );
}

/** A labelled check box with a hint and an announced error, laid out like the app's other check boxes. */
function CheckboxField({
  label,
  hint,
  error,
  name,
  required,
  disabled,
  checked,
  onChange,
}: {
  label: string;
  hint: string | undefined;
  error: string | undefined;
  name: string;
  required: boolean;
  disabled: boolean | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['checkbox', error ? 'field--invalid' : undefined].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        name={name}
        required={required}
        disabled={disabled}
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error checkbox__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
