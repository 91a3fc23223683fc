import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('checkPassword', () => {
  it('accepts long passphrases, including Vietnamese ones', () => {
    expect(checkPassword('sông Hương núi Ngự', [])).toBeNull();
    expect(checkPassword('correct horse battery', ['hoa@example.vn'])).toBeNull();
  });
  it('refuses short, common, repeated and identifier-based passwords', () => {
    expect(checkPassword('short', [])).toBe('too_short');
    expect(checkPassword('1234567890', [])).toBe('common');
    expect(checkPassword('aaaaaaaaaaaa', [])).toBe('repeated');
    expect(checkPassword('nguyenhoa2026!', ['nguyenhoa@example.vn'])).toBe('contains_login');
    expect(checkPassword('my0905123456x', ['0905123456'])).toBe('contains_login');
  });
});
