import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/index.ts';
import { formatTimeLeft, secondsUntil, splitDuration } from './countdown.ts';

describe('deadline countdown', () => {
  const vi = createI18n('vi').t;
  const en = createI18n('en').t;

  it('splits a duration into days, hours, minutes and seconds', () => {
    expect(splitDuration(2 * 86_400 + 3 * 3600 + 4 * 60 + 5)).toEqual({ days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect(splitDuration(-3700)).toEqual({ days: 0, hours: 1, minutes: 1, seconds: 40 });
  });

  it('shows the two largest units of the time left', () => {
    expect(formatTimeLeft(2 * 86_400 + 3 * 3600 + 59 * 60, vi)).toBe('Còn 2 ngày 3 giờ');
    expect(formatTimeLeft(5 * 3600 + 7 * 60 + 30, vi)).toBe('Còn 5 giờ 7 phút');
    expect(formatTimeLeft(4 * 60 + 9, vi)).toBe('Còn 4 phút 9 giây');
    expect(formatTimeLeft(0, en)).toBe('0 min 0 s left');
  });

  it('says how long a report is overdue once the deadline has passed', () => {
    expect(formatTimeLeft(-(4 * 3600 + 10 * 60), vi)).toBe('Quá hạn 4 giờ 10 phút');
    expect(formatTimeLeft(-(1 * 86_400 + 2 * 3600), en)).toBe('Overdue by 1 d 2 h');
    expect(formatTimeLeft(-1, vi)).toBe('Quá hạn 0 phút 1 giây');
  });

  it('counts from now to the deadline', () => {
    const now = Date.parse('2026-11-29T03:00:00.000Z');
    expect(secondsUntil('2026-11-29T04:00:00.000Z', now)).toBe(3600);
    expect(secondsUntil('2026-11-29T02:59:00.000Z', now)).toBe(-60);
  });
});
