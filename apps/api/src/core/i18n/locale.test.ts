import { describe, expect, it } from 'vitest';
import { interpolate, negotiateLocale } from './locale.ts';

describe('negotiateLocale', () => {
  it('defaults to Vietnamese', () => {
    expect(negotiateLocale(undefined)).toBe('vi');
    expect(negotiateLocale('fr-FR, de')).toBe('vi');
  });
  it('honours English and q-values', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('vi;q=0.5, en;q=0.8')).toBe('en');
    expect(negotiateLocale('en;q=0, vi')).toBe('vi');
    expect(negotiateLocale('fr, en;q=0.3')).toBe('en');
  });
});

describe('interpolate', () => {
  it('fills plain and per-language parameters', () => {
    expect(interpolate('{a} và {b}', { a: 1, b: { vi: 'hai', en: 'two' } }, 'vi')).toBe('1 và hai');
    expect(interpolate('{a} and {b}', { a: 1, b: { vi: 'hai', en: 'two' } }, 'en')).toBe('1 and two');
    expect(interpolate('{missing}', {}, 'en')).toBe('{missing}');
  });
});
