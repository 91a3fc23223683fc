import { describe, expect, it } from 'vitest';
import { HOLIDAY_YEARS } from '../data/holidays.ts';
import { addWorkingDays, computeDeadline, createWorkingCalendar, isWorkingDay, localDateTime, weekdayOf } from './working-days.ts';

const calendar = createWorkingCalendar(HOLIDAY_YEARS.flatMap((year) => year.days));
const hours = { startMinute: 450, endMinute: 1020, timeZone: 'Asia/Ho_Chi_Minh' };
const deadline = (from: string, days: number) => computeDeadline(calendar, new Date(from), days, hours);

describe('working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay(calendar, '2024-03-08')).toBe(true); // Friday
    expect(isWorkingDay(calendar, '2024-03-09')).toBe(false); // Saturday
    expect(addWorkingDays(calendar, '2024-03-08', 1)).toBe('2024-03-11');
  });

  it('skips the whole 2024 Tết break for public servants (8–14/2/2024)', () => {
    for (const date of ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']) expect(isWorkingDay(calendar, date), date).toBe(false);
    expect(isWorkingDay(calendar, '2024-02-15')).toBe(true);
    // Received Wednesday 7/2 in the morning: day 1 is Thursday 15/2, day 7 is Friday 23/2.
    expect(deadline('2024-02-07T10:00:00+07:00', 7)).toEqual({ receivedOn: '2024-02-07', dueDate: '2024-02-23', dueAt: '2024-02-23T17:00:00+07:00' });
  });

  it('works a swapped Saturday and rests on the swapped weekday (2024: Sat 4/5 for Mon 29/4)', () => {
    expect(isWorkingDay(calendar, '2024-04-29')).toBe(false);
    expect(isWorkingDay(calendar, '2024-05-04')).toBe(true);
    expect(deadline('2024-04-26T10:00:00+07:00', 2).dueDate).toBe('2024-05-03');
    expect(deadline('2024-04-26T10:00:00+07:00', 3).dueDate).toBe('2024-05-04');
    // 2025: Saturday 26/4 worked for Friday 2/5.
    expect(isWorkingDay(calendar, '2025-04-26')).toBe(true);
    expect(isWorkingDay(calendar, '2025-05-02')).toBe(false);
    expect(deadline('2025-04-25T09:00:00+07:00', 1).dueDate).toBe('2025-04-26');
    expect(deadline('2025-04-29T09:00:00+07:00', 1).dueDate).toBe('2025-05-05');
  });

  it('counts a submission after office hours as received the next day', () => {
    expect(deadline('2024-03-07T16:59:00+07:00', 1)).toMatchObject({ receivedOn: '2024-03-07', dueDate: '2024-03-08' });
    expect(deadline('2024-03-07T17:00:00+07:00', 1)).toMatchObject({ receivedOn: '2024-03-08', dueDate: '2024-03-11' });
    // The same instant given in UTC: 10:30Z is 17:30 in Huế.
    expect(deadline('2024-03-07T10:30:00Z', 1)).toMatchObject({ receivedOn: '2024-03-08', dueDate: '2024-03-11' });
    // Before office hours is still that day; a weekend submission is received on the weekend day.
    expect(deadline('2024-03-07T06:00:00+07:00', 1).receivedOn).toBe('2024-03-07');
    expect(deadline('2024-03-09T09:00:00+07:00', 1)).toMatchObject({ receivedOn: '2024-03-09', dueDate: '2024-03-11' });
  });

  it('crosses year boundaries and New Year', () => {
    expect(deadline('2024-12-30T09:00:00+07:00', 3).dueDate).toBe('2025-01-03');
    expect(deadline('2024-12-31T17:30:00+07:00', 1)).toMatchObject({ receivedOn: '2025-01-01', dueDate: '2025-01-02' });
    // Tết Ất Tỵ 2025 (25/1–2/2): received Friday 24/1, day 1 is Monday 3/2.
    expect(deadline('2025-01-24T08:00:00+07:00', 1).dueDate).toBe('2025-02-03');
  });

  it('gives the date itself for zero working days', () => {
    expect(deadline('2024-03-07T09:00:00+07:00', 0).dueDate).toBe('2024-03-07');
  });

  it('reads local time in the configured zone', () => {
    expect(localDateTime(new Date('2024-01-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ date: '2024-02-01', minute: 30 });
  });
});

describe('shipped holiday data', () => {
  for (const year of HOLIDAY_YEARS) {
    it(`${year.year}: consistent and cited`, () => {
      expect(year.source.length).toBeGreaterThan(40);
      const dates = year.days.map((day) => day.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const day of year.days) {
        expect(day.date.startsWith(`${year.year}-`), day.date).toBe(true);
        const weekday = weekdayOf(day.date);
        const weekend = weekday === 0 || weekday === 6;
        expect(weekend, `${day.date} ${day.kind}`).toBe(day.kind === 'working_saturday');
      }
      // Five weekday days off for Tết every year (the statutory five days, moved off weekends).
      expect(year.days.filter((day) => day.nameEn.startsWith('Lunar New Year') && day.kind !== 'working_saturday')).toHaveLength(5);
      // A swapped day off always comes with a worked weekend day.
      expect(year.days.filter((d) => d.kind === 'swapped_off').length).toBe(year.days.filter((d) => d.kind === 'working_saturday').length);
    });
  }
});
