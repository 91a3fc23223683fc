import { useEffect, type RefObject } from 'react';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** Whether a validation result has any error. */
export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

/**
 * After a failed submit, moves keyboard focus to the first invalid field so screen-reader and keyboard
 * users land on the problem. `attempt` changes on every failed submit.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, attempt]);
}
