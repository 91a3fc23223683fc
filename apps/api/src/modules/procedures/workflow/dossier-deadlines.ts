/**
 * Deadlines of a dossier: the appointment date (ngày hẹn trả) from the procedure's legal processing time, and the
 * due date of each workflow step from its share of that time, as pure functions over the working-day calendar.
 *
 * Rules: the time runs from the receipt of the dossier; a dossier received after office hours counts as received
 * the next day (Decree 61/2018/NĐ-CP practice, same rule as field reports). Working days and working hours skip
 * weekends and the public-sector holidays; a time in calendar days that ends on a day off ends at the end of the
 * next working day (Civil Code 2015, Art. 148(5)).
 */
import { addDays, isWorkingDay, localDateTime, localIso, type OfficeHours, type WorkingCalendar } from '../../calendar/index.ts';

export type ProcessingUnit = 'working_days' | 'working_hours' | 'days';

export interface ProcessingTime {
  amount: number;
  unit: ProcessingUnit;
}

export interface Appointment {
  /** The business receipt date (YYYY-MM-DD). */
  receivedOn: string;
  /** The appointment date (YYYY-MM-DD). */
  dueDate: string;
  /** The instant the time runs out. */
  dueAt: Date;
}

/** The next working day on or after a date. */
function workingDayOnOrAfter(calendar: WorkingCalendar, date: string): string {
  let current = date;
  while (!isWorkingDay(calendar, current)) current = addDays(current, 1);
  return current;
}

/** The N-th working day strictly after a date (N = 0 gives the date itself). */
function nthWorkingDayAfter(calendar: WorkingCalendar, date: string, days: number): string {
  let current = date;
  let remaining = days;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(calendar, current)) remaining -= 1;
  }
  return current;
}

/** The instant after `minutes` of office time counted from `start` (time outside office hours does not count). */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number, hours: OfficeHours): { date: string; minute: number } {
  let { date, minute } = localDateTime(start, hours.timeZone);
  if (!isWorkingDay(calendar, date) || minute >= hours.endMinute) {
    date = workingDayOnOrAfter(calendar, addDays(date, 1));
    minute = hours.startMinute;
  } else if (minute < hours.startMinute) {
    minute = hours.startMinute;
  }
  let remaining = minutes;
  for (;;) {
    const available = hours.endMinute - minute;
    if (remaining <= available) return { date, minute: minute + remaining };
    remaining -= available;
    date = workingDayOnOrAfter(calendar, addDays(date, 1));
    minute = hours.startMinute;
  }
}

/** The business date a dossier submitted at `submittedAt` counts as received on. */
export function receiptDate(submittedAt: Date, hours: OfficeHours): string {
  const local = localDateTime(submittedAt, hours.timeZone);
  return local.minute >= hours.endMinute ? addDays(local.date, 1) : local.date;
}

/** The deadline for a part (`percent` of 100) of the processing time, counted from the receipt. */
function deadlineFor(calendar: WorkingCalendar, submittedAt: Date, time: ProcessingTime, percent: number, hours: OfficeHours): Appointment {
  const receivedOn = receiptDate(submittedAt, hours);
  const endOfDay = (date: string): Appointment => ({ receivedOn, dueDate: date, dueAt: new Date(localIso(date, hours.endMinute, hours.timeZone)) });
  if (time.unit === 'working_days') {
    const days = Math.round((time.amount * percent) / 100);
    return endOfDay(nthWorkingDayAfter(calendar, receivedOn, days));
  }
  if (time.unit === 'days') {
    const days = Math.round((time.amount * percent) / 100);
    return endOfDay(workingDayOnOrAfter(calendar, addDays(receivedOn, days)));
  }
  const minutes = Math.round((time.amount * 60 * percent) / 100);
  if (minutes === 0) return endOfDay(workingDayOnOrAfter(calendar, receivedOn));
  const due = addWorkingMinutes(calendar, submittedAt, minutes, hours);
  return { receivedOn, dueDate: due.date, dueAt: new Date(localIso(due.date, due.minute, hours.timeZone)) };
}

/** The appointment date of a dossier received at `submittedAt`. */
export function computeAppointment(calendar: WorkingCalendar, submittedAt: Date, time: ProcessingTime, hours: OfficeHours): Appointment {
  return deadlineFor(calendar, submittedAt, time, 100, hours);
}

/**
 * The due instant of each workflow step: step i is due when the cumulative share of steps 0..i of the processing
 * time has run out, so the last step is due with the appointment (shares must sum to 100).
 */
export function computeStepDues(calendar: WorkingCalendar, submittedAt: Date, time: ProcessingTime, shares: readonly number[], hours: OfficeHours): Date[] {
  let cumulative = 0;
  return shares.map((share, index) => {
    cumulative += share;
    const percent = index === shares.length - 1 ? 100 : Math.min(cumulative, 100);
    return deadlineFor(calendar, submittedAt, time, percent, hours).dueAt;
  });
}
