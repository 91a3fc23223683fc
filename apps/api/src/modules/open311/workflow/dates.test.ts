import { describe, expect, it } from 'vitest';
import { formatW3cDateTime, MAX_SPAN_DAYS, parseW3cDateTime, resolveDateWindow } from './dates.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('W3C date-times', () => {
  it('reads instants with a zone', () => {
    expect(parseW3cDateTime('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDateTime('2026-11-29T08:00:00+07:00')?.toISOString()).toBe('2026-11-29T01:00:00.000Z');
    expect(parseW3cDateTime('2026-11-29T08:00-03:30')?.toISOString()).toBe('2026-11-29T11:30:00.000Z');
    expect(parseW3cDateTime('2026-11-29T08:00:00.250Z')?.toISOString()).toBe('2026-11-29T08:00:00.250Z');
  });

  it("reads a '+' that a query string turned into a space", () => {
    expect(parseW3cDateTime('2026-11-29T08:00:00 07:00')?.toISOString()).toBe('2026-11-29T01:00:00.000Z');
  });

  it('refuses dates without a zone, impossible dates and other text', () => {
    for (const text of ['2026-11-29T08:00:00', '2026-11-29', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', '1700000000']) {
      expect(parseW3cDateTime(text), text).toBeNull();
    }
  });

  it('writes instants in the city time zone, to the second', () => {
    expect(formatW3cDateTime(new Date('2026-11-29T10:00:00.500Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-29T17:00:00+07:00');
    expect(formatW3cDateTime(new Date('2026-11-29T10:00:00Z'), 'UTC')).toBe('2026-11-29T10:00:00Z');
    expect(formatW3cDateTime(new Date('2026-11-29T23:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-30T06:30:00+07:00');
  });

  it('round-trips what it writes', () => {
    const instant = new Date('2026-06-01T03:04:05Z');
    expect(parseW3cDateTime(formatW3cDateTime(instant, 'Asia/Ho_Chi_Minh'))?.getTime()).toBe(instant.getTime());
  });
});

describe('date windows', () => {
  const now = new Date('2026-11-29T00:00:00Z');

  it('accepts a span of exactly 90 days and refuses a longer one', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(resolveDateWindow(start, new Date(start.getTime() + MAX_SPAN_DAYS * DAY), now)).toMatchObject({ ok: true });
    expect(resolveDateWindow(start, new Date(start.getTime() + MAX_SPAN_DAYS * DAY + 1), now)).toEqual({ ok: false, error: 'span_too_long' });
  });

  it('refuses an end before the start', () => {
    expect(resolveDateWindow(new Date('2026-02-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), now)).toEqual({ ok: false, error: 'end_before_start' });
  });

  it('defaults to the last 90 days, or 90 days from a given end or start', () => {
    expect(resolveDateWindow(undefined, undefined, now)).toEqual({ ok: true, from: new Date(now.getTime() - 90 * DAY), to: now });
    const end = new Date('2026-06-01T00:00:00Z');
    expect(resolveDateWindow(undefined, end, now)).toEqual({ ok: true, from: new Date(end.getTime() - 90 * DAY), to: end });
    const start = new Date('2026-01-01T00:00:00Z');
    expect(resolveDateWindow(start, undefined, now)).toEqual({ ok: true, from: start, to: new Date(start.getTime() + 90 * DAY) });
    const recent = new Date(now.getTime() - 5 * DAY);
    expect(resolveDateWindow(recent, undefined, now)).toEqual({ ok: true, from: recent, to: now });
  });
});
