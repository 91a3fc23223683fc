import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './field-frame.tsx';

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  label: string;
  options: readonly SelectOption[];
  /** A first, empty choice ("all", "choose…"), selected when the value is ''. */
  placeholder?: string;
  hint?: string;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
};

/** A labelled drop-down with an optional hint and an error that is announced and tied to it. */
export function SelectField({ label, options, placeholder, hint, error, className, ref, id: givenId, ...selectProps }: SelectFieldProps) {
  const ids = useFieldIds(givenId, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} className={className}>
      <select {...selectProps} ref={ref} id={ids.id} className="field__input field__select" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
