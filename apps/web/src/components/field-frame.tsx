import { useId, type ReactNode } from 'react';

export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
  /** For aria-describedby: the hint and the error, when present. */
  describedBy: string | undefined;
}

/** The ids that tie a control to its label, hint and error. */
export function useFieldIds(givenId: string | undefined, hint: string | undefined, error: string | undefined): FieldIds {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/** The label, hint and announced error around one form control. */
export function FieldFrame({ ids, label, hint, error, className, children }: { ids: FieldIds; label: string; hint?: string | undefined; error?: string | undefined; className?: string | undefined; children: ReactNode }) {
  return (
    <div className={['field', error ? 'field--invalid' : undefined, className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field__error" id={ids.errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
