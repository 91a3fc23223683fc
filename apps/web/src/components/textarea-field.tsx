import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './field-frame.tsx';

export type TextareaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & {
  label: string;
  hint?: string;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line input with an optional hint and an error that is announced and tied to it. */
export function TextareaField({ label, hint, error, className, ref, id: givenId, rows = 4, ...textareaProps }: TextareaFieldProps) {
  const ids = useFieldIds(givenId, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} className={className}>
      <textarea {...textareaProps} ref={ref} id={ids.id} rows={rows} className="field__input field__textarea" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} />
    </FieldFrame>
  );
}
