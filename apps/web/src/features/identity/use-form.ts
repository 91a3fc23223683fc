import { useRef, useState } from 'react';
import { hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../components/forms.ts';
import { useFormSubmit } from '../../components/use-form-submit.ts';

/**
 * What an identity form keeps: the typed values, the errors found before sending, the API call with its
 * error and field errors (see useFormSubmit), and focus handling: after every failed attempt, invalid input
 * or an API error, focus moves to the first invalid field of the form `formRef` is attached to.
 */
export function useForm<Field extends string>(fields: readonly Field[], initialValues: Readonly<Record<Field, string>>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>(initialValues);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const request = useFormSubmit(fields);
  useFocusFirstInvalid(formRef, failedAttempts);
  const countFailure = () => setFailedAttempts((count) => count + 1);

  /** The change handler of one field's input. */
  const update = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  /** The error to show next to a field: the form's own check first, else the API's. */
  const errorFor = (field: Field) => errors[field] ?? request.serverFieldErrors[field];

  /** Shows the errors found in the input; true when there are none and the form may be sent. */
  function validate(found: FieldErrors<Field>): boolean {
    setErrors(found);
    if (!hasErrors(found)) return true;
    countFailure();
    return false;
  }

  /** Runs the API call as useFormSubmit does; a failed call counts as a failed attempt. */
  async function submit<T>(call: () => Promise<T>) {
    const result = await request.submit(call);
    if (!result.ok) countFailure();
    return result;
  }

  /** Forgets every error, the form's own and the API's. */
  function clearErrors() {
    setErrors({});
    request.clearError();
  }

  return {
    formRef,
    values,
    setValues,
    update,
    errorFor,
    validate,
    submit,
    clearErrors,
    isSubmitting: request.isSubmitting,
    error: request.error,
  };
}
