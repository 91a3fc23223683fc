import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame, useFieldIds } from './field-frame.tsx';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & {
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Rendered inside the input row, after the input (e.g. a show/hide button). */
  addon?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input with an optional hint and an error that is announced and tied to the input. */
export function TextField({ label, hint, error, addon, className, ref, id: givenId, ...inputProps }: TextFieldProps) {
  const ids = useFieldIds(givenId, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} className={className}>
      <div className="field__row">
        <input {...inputProps} ref={ref} id={ids.id} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} />
        {addon}
      </div>
    </FieldFrame>
  );
}
