import { describe, expect, it } from 'vitest';
import { maskLogin, parseLogin } from './login-identifier.ts';

describe('parseLogin', () => {
  it('normalises Vietnamese mobile numbers', () => {
    expect(parseLogin('0905 123 456')).toEqual({ kind: 'phone', value: '0905123456' });
    expect(parseLogin('+84 905.123.456')).toEqual({ kind: 'phone', value: '0905123456' });
    expect(parseLogin('84905123456')).toEqual({ kind: 'phone', value: '0905123456' });
  });
  it('lower-cases e-mail addresses', () => {
    expect(parseLogin(' Hoa.Nguyen@Example.VN ')).toEqual({ kind: 'email', value: 'hoa.nguyen@example.vn' });
  });
  it('rejects everything else', () => {
    for (const input of ['12345', '0205123456', 'abc', 'a@b', '09051234567', '@example.org']) expect(parseLogin(input), input).toBeNull();
  });
});

describe('maskLogin', () => {
  it('hides most of the address', () => {
    expect(maskLogin({ kind: 'email', value: 'hoa@example.vn' })).toBe('ho***@example.vn');
    expect(maskLogin({ kind: 'phone', value: '0905123456' })).toBe('09******56');
  });
});
