/**
 * Password rules after NIST SP 800-63B §3.1.1.2: length matters, composition rules do not; refuse
 * passwords that are common or that repeat the user's own identifiers.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890', '0123456789', '12345678910', 'qwertyuiop', 'password123', 'password1234', 'matkhau123', 'matkhau1234',
  'abcd123456', 'abc1234567', '1111111111', '0000000000', 'iloveyou123', 'admin12345', 'administrator', '123456789a',
  'a123456789', 'anhyeuem123', 'onecity2026', 'huecity2026',
]);

export type PasswordProblem = 'too_short' | 'common' | 'contains_login' | 'repeated';

/** Returns the first reason the password is unacceptable, or null when it is fine. */
export function checkPassword(password: string, identifiers: string[]): PasswordProblem | null {
  if ([...password].length < 10) return 'too_short';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  if (/^(.)\1+$/.test(password)) return 'repeated';
  for (const identifier of identifiers) {
    const core = identifier.toLowerCase().split('@')[0] ?? '';
    if (core.length >= 4 && lower.includes(core)) return 'contains_login';
  }
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { vi: string; en: string }> = {
  too_short: { vi: 'cần ít nhất 10 ký tự', en: 'it needs at least 10 characters' },
  common: { vi: 'đây là mật khẩu phổ biến', en: 'it is a common password' },
  contains_login: { vi: 'không được chứa email hoặc số điện thoại', en: 'it must not contain your e-mail or phone number' },
  repeated: { vi: 'không được lặp một ký tự', en: 'it must not repeat a single character' },
};
