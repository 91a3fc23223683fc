import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../calendar/index.ts';
import { addWorkingMinutes, computeAppointment, computeStepDues, receiptDate } from './dossier-deadlines.ts';

// The 2024 Tết break for public servants (Thursday 8/2 – Wednesday 14/2/2024).
const calendar = createWorkingCalendar(
  ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((date) => ({ date, kind: 'holiday' as const, nameVi: 'Tết', nameEn: 'Tết' })),
);
const hours = { startMinute: 450, endMinute: 1020, timeZone: 'Asia/Ho_Chi_Minh' };
const at = (text: string) => new Date(text);
const iso = (date: Date) => date.toISOString();

describe('appointment dates', () => {
  it('counts working days strictly after the receipt date, skipping the Tết break', () => {
    const appointment = computeAppointment(calendar, at('2024-02-06T09:00:00+07:00'), { amount: 3, unit: 'working_days' }, hours);
    // Received Tuesday 6/2: day 1 Wednesday 7/2, then Tết, day 2 Thursday 15/2, day 3 Friday 16/2.
    expect(appointment.receivedOn).toBe('2024-02-06');
    expect(appointment.dueDate).toBe('2024-02-16');
    expect(iso(appointment.dueAt)).toBe(iso(at('2024-02-16T17:00:00+07:00')));
  });

  it('counts a dossier received after office hours as received the next day', () => {
    expect(receiptDate(at('2024-03-04T17:05:00+07:00'), hours)).toBe('2024-03-05');
    expect(receiptDate(at('2024-03-04T16:59:00+07:00'), hours)).toBe('2024-03-04');
    expect(computeAppointment(calendar, at('2024-03-04T17:05:00+07:00'), { amount: 1, unit: 'working_days' }, hours).dueDate).toBe('2024-03-06');
  });

  it('counts working hours inside office hours only', () => {
    // 8 working hours from Friday 15:00: 2 h on Friday, 6 h on Monday from 7:30 → 13:30.
    expect(addWorkingMinutes(calendar, at('2024-03-01T15:00:00+07:00'), 8 * 60, hours)).toEqual({ date: '2024-03-04', minute: 13 * 60 + 30 });
    // Started before opening: the clock starts at 7:30.
    expect(addWorkingMinutes(calendar, at('2024-03-04T06:00:00+07:00'), 60, hours)).toEqual({ date: '2024-03-04', minute: 8 * 60 + 30 });
    const appointment = computeAppointment(calendar, at('2024-02-07T16:00:00+07:00'), { amount: 4, unit: 'working_hours' }, hours);
    // One hour on Wednesday 7/2, then the Tết break, three hours on Thursday 15/2 → 10:30.
    expect(appointment.dueDate).toBe('2024-02-15');
    expect(iso(appointment.dueAt)).toBe(iso(at('2024-02-15T10:30:00+07:00')));
  });

  it('ends a time in calendar days that falls on a day off at the end of the next working day', () => {
    // 10 days from Thursday 1/2/2024 is Sunday 11/2, in the Tết break: the next working day is Thursday 15/2.
    expect(computeAppointment(calendar, at('2024-02-01T09:00:00+07:00'), { amount: 10, unit: 'days' }, hours).dueDate).toBe('2024-02-15');
    expect(computeAppointment(calendar, at('2024-03-01T09:00:00+07:00'), { amount: 4, unit: 'days' }, hours).dueDate).toBe('2024-03-05');
  });
});

describe('step due dates', () => {
  it('gives each step its cumulative share and the last step the appointment', () => {
    const submitted = at('2024-03-04T09:00:00+07:00'); // Monday
    const dues = computeStepDues(calendar, submitted, { amount: 10, unit: 'working_days' }, [10, 60, 20, 10], hours);
    expect(dues.map((due) => iso(due))).toEqual(
      ['2024-03-05', '2024-03-13', '2024-03-15', '2024-03-18'].map((date) => iso(at(`${date}T17:00:00+07:00`))),
    );
    const appointment = computeAppointment(calendar, submitted, { amount: 10, unit: 'working_days' }, hours);
    expect(iso(dues[3] as Date)).toBe(iso(appointment.dueAt));
  });

  it('gives a zero-share reception the receipt day itself', () => {
    const dues = computeStepDues(calendar, at('2024-03-04T09:00:00+07:00'), { amount: 3, unit: 'working_days' }, [0, 60, 30, 10], hours);
    expect(iso(dues[0] as Date)).toBe(iso(at('2024-03-04T17:00:00+07:00')));
  });
});
