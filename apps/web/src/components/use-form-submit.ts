import { useState } from 'react';
import { ApiError } from '../app/api.ts';
import type { FieldErrors } from './forms.ts';

/**
 * Runs a form's API call and keeps what the form shows: whether it is sending, the error (shown as the
 * API's localised detail) and the API's field errors for the fields this form has.
 */
export function useFormSubmit<Field extends string>(fields: readonly Field[]) {
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [serverFieldErrors, setServerFieldErrors] = useState<FieldErrors<Field>>({});

  async function submit<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    setIsSubmitting(true);
    setError(undefined);
    setServerFieldErrors({});
    try {
      const value = await call();
      return { ok: true, value };
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) {
        const byField = caught.fieldErrors;
        const known: FieldErrors<Field> = {};
        for (const field of fields) if (byField[field] !== undefined) known[field] = byField[field];
        setServerFieldErrors(known);
      }
      return { ok: false, error: caught };
    } finally {
      setIsSubmitting(false);
    }
  }

  function clearError() {
    setError(undefined);
    setServerFieldErrors({});
  }

  return { isSubmitting, error, serverFieldErrors, submit, clearError };
}
