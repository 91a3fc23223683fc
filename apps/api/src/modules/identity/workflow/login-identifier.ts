/**
 * A login is a Vietnamese mobile number or an e-mail address. Numbers are stored in the national form
 * 0xxxxxxxxx whatever the user typed (+84, spaces, dots, dashes).
 */
export type LoginIdentifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Mobile prefixes 03, 05, 07, 08, 09 (Circular 22/2014/TT-BTTTT numbering plan as revised in 2018).
const VN_MOBILE = /^0[35789][0-9]{8}$/;

/** Parses a login into an e-mail or phone identifier; returns null when it is neither. */
export function parseLogin(input: string): LoginIdentifier | null {
  const trimmed = input.trim().normalize('NFC');
  if (trimmed.includes('@')) {
    const email = trimmed.toLowerCase();
    return EMAIL.test(email) && email.length <= 254 ? { kind: 'email', value: email } : null;
  }
  let digits = trimmed.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return VN_MOBILE.test(digits) ? { kind: 'phone', value: digits } : null;
}

/** Shows where a code went without revealing the whole address: "ng***@example.org", "09******12". */
export function maskLogin(login: LoginIdentifier): string {
  if (login.kind === 'email') {
    const [name = '', domain = ''] = login.value.split('@');
    return `${name.slice(0, 2)}***@${domain}`;
  }
  return `${login.value.slice(0, 2)}******${login.value.slice(-2)}`;
}
