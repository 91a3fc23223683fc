import { describe, expect, it } from 'vitest';
import { documentIdFrom, formatCityDate, formatCityDateTime, formatPercent } from './document-format.ts';

describe('document formats', () => {
  it('writes instants as dd/mm/yyyy HH:mm in Huế time whatever the device', () => {
    expect(formatCityDateTime('2026-11-29T03:05:00Z')).toBe('29/11/2026 10:05');
    expect(formatCityDateTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
    expect(formatCityDate('2026-02-03T16:59:00Z')).toBe('03/02/2026');
    expect(formatCityDateTime('not a date')).toBe('not a date');
  });

  it('writes shares as Vietnamese or English percentages', () => {
    expect(formatPercent(0.875, 'vi')).toBe('87,5%');
    expect(formatPercent(1, 'vi')).toBe('100%');
    expect(formatPercent(0.875, 'en')).toBe('87.5%');
  });

  it('finds a document id in what was typed: the id or the QR code address', () => {
    const id = '3f2a9c1e-7b4d-4e8a-9f10-2c3d4e5f6a7b';
    expect(documentIdFrom(` ${id.toUpperCase()} `)).toBe(id);
    expect(documentIdFrom(`https://onecity.example/verify/${id}`)).toBe(id);
    expect(documentIdFrom(`https://onecity.example/verify/${id}?lang=en`)).toBe(id);
    expect(documentIdFrom('HUE-261129-0001')).toBeUndefined();
    expect(documentIdFrom(`https://onecity.example/verify/${id}0`)).toBeUndefined();
  });
});
