import type { TFunction } from 'i18next';
import { NewPassword } from '@onecity/contracts';

// The schema object carries its options at run time, but TString's type does not list them.
const newPasswordSchema = NewPassword as { minLength?: number };

/** Minimum new-password length, read from the shared contract so the form and the API agree. */
export const MIN_PASSWORD_LENGTH: number = newPasswordSchema.minLength ?? 10;

const PHONE_PATTERN = /^(\+84|0)[0-9]{9}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE_PATTERN = /^[0-9]{6}$/;

/** Trims the login; a phone number typed with spaces, dots or dashes ("091 234 5678") loses them. */
export function normaliseLogin(raw: string): string {
  const trimmed = raw.trim();
  const compact = trimmed.replace(/[\s.-]/g, '');
  return PHONE_PATTERN.test(compact) ? compact : trimmed;
}

/** Whether the login is a Vietnamese phone number or an e-mail address. */
export function isValidLogin(login: string): boolean {
  const normalised = normaliseLogin(login);
  return PHONE_PATTERN.test(normalised) || EMAIL_PATTERN.test(normalised);
}

/** The error for a required field, or undefined. */
export function checkRequired(value: string, t: TFunction): string | undefined {
  return value.trim() === '' ? t('validation.required') : undefined;
}

/** The error for a login field, or undefined. */
export function checkLogin(value: string, t: TFunction): string | undefined {
  return checkRequired(value, t) ?? (isValidLogin(value) ? undefined : t('validation.login'));
}

/** The error for a new password, or undefined. */
export function checkNewPassword(value: string, t: TFunction): string | undefined {
  if (value === '') return t('validation.required');
  return value.length < MIN_PASSWORD_LENGTH ? t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : undefined;
}

/** The error for a password confirmation, or undefined. */
export function checkConfirmation(password: string, confirmation: string, t: TFunction): string | undefined {
  if (confirmation === '') return t('validation.required');
  return password === confirmation ? undefined : t('validation.passwordMismatch');
}

/** The error for a 6-digit one-time code, or undefined. */
export function checkCode(value: string, t: TFunction): string | undefined {
  if (value.trim() === '') return t('validation.required');
  return CODE_PATTERN.test(value.trim()) ? undefined : t('validation.code');
}

/** The error for a full name (2 to 120 characters), or undefined. */
export function checkFullName(value: string, t: TFunction): string | undefined {
  const length = value.trim().length;
  if (length === 0) return t('validation.required');
  return length < 2 || length > 120 ? t('validation.fullNameLength') : undefined;
}
