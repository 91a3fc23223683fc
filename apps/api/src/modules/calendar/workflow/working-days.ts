/**
 * Working days and deadlines of the Vietnamese public sector, as pure functions over a calendar of
 * exceptions. A day is a working day when it is Monday–Friday and not a day off (holiday, compensatory
 * day, swapped day), or when it is a Saturday worked in exchange for a swapped day.
 *
 * Deadline rule (Huế's field-report pages, domain-vn.md §1; Decree 61/2018/NĐ-CP for dossiers): the due date is
 * the N-th working day strictly after the receipt date, and a submission after office hours counts as
 * received the following day.
 */

export type CalendarDayKind = 'holiday' | 'compensatory' | 'swapped_off' | 'working_saturday';

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

export interface OfficeHours {
  /** Minutes after local midnight, e.g. 7:30 → 450. */
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

export interface WorkingCalendar {
  /** Days off that fall on a weekday, by date. */
  isDayOff(date: string): boolean;
  /** Saturdays (or Sundays) worked in exchange for a swapped day. */
  isWorkingWeekend(date: string): boolean;
}

/** Builds a calendar from its exceptions. */
export function createWorkingCalendar(days: readonly CalendarDay[]): WorkingCalendar {
  const off = new Set(days.filter((day) => day.kind !== 'working_saturday').map((day) => day.date));
  const worked = new Set(days.filter((day) => day.kind === 'working_saturday').map((day) => day.date));
  return { isDayOff: (date) => off.has(date), isWorkingWeekend: (date) => worked.has(date) };
}

/** Day of the week of a YYYY-MM-DD date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The calendar date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD date is a working day in this calendar. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (calendar.isWorkingWeekend(date)) return true;
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  return !calendar.isDayOff(date);
}

/** The N-th working day strictly after a date (N ≥ 1); N = 0 gives the date itself. */
export function addWorkingDays(calendar: WorkingCalendar, date: string, workingDays: number): string {
  let current = date;
  let remaining = workingDays;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(calendar, current)) remaining -= 1;
  }
  return current;
}

/**
 * Formatters by time zone, made once: building an Intl.DateTimeFormat costs far more than using one, and every
 * report, dossier and deadline asks for local dates.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    cache.set(timeZone, format);
  }
  return format;
}

/** The local date and minute of the day of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; minute: number } {
  const parts = cachedFormat(dateTimeFormats, timeZone, () =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The UTC offset of a time zone at an instant, as "+07:00". */
function offsetOf(instant: Date, timeZone: string): string {
  const name = cachedFormat(offsetFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }))
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}:\d{2})?/.exec(name ?? '');
  return match?.[1] ?? '+00:00';
}

/** An ISO 8601 timestamp with the zone's offset for a local date and minute, e.g. 2024-02-19T17:00:00+07:00. */
export function localIso(date: string, minute: number, timeZone: string): string {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const guess = new Date(`${date}T${hh}:${mm}:00Z`);
  return `${date}T${hh}:${mm}:00${offsetOf(guess, timeZone)}`;
}

export interface Deadline {
  receivedOn: string;
  dueDate: string;
  dueAt: string;
}

/** The receipt date and the deadline for something submitted at `submittedAt` with N working days to answer. */
export function computeDeadline(calendar: WorkingCalendar, submittedAt: Date, workingDays: number, hours: OfficeHours): Deadline {
  const local = localDateTime(submittedAt, hours.timeZone);
  const receivedOn = local.minute >= hours.endMinute ? addDays(local.date, 1) : local.date;
  const dueDate = addWorkingDays(calendar, receivedOn, workingDays);
  return { receivedOn, dueDate, dueAt: localIso(dueDate, hours.endMinute, hours.timeZone) };
}

/** The instants a period of local dates [from, to] begins and ends (the end is exclusive: midnight after `to`). */
export function localPeriod(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: new Date(localIso(from, 0, timeZone)), end: new Date(localIso(addDays(to, 1), 0, timeZone)) };
}
