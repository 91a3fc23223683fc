/**
 * Open311 dates: the W3C profile of ISO 8601 with a mandatory time zone (Spec, "Date/time format"), and the
 * 90-day window that bounds GET requests and servicerequestupdates (Spec, "GET Service Requests").
 */

/** The longest span a client may ask for, and the default window when it gives none. */
export const MAX_SPAN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

// YYYY-MM-DDThh:mm[:ss[.s+]] followed by Z or ±hh:mm. A '+' sent unencoded in a query string arrives as a space,
// so " 07:00" at the end is read as "+07:00" rather than refused.
const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+\- ]\d{2}:\d{2})$/;

/** Parses a W3C date-time that carries a zone; null when the text is not one (or names an impossible date). */
export function parseW3cDateTime(text: string): Date | null {
  const match = W3C_DATETIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.startsWith('-') ? '-' : '+'}${zone.slice(1)}`;
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`;
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) return null;
  // Date accepts 2026-02-30 by rolling over; a client that sent it meant something else.
  const localMs = date.getTime() + offsetMinutes(offset) * 60_000;
  const local = new Date(localMs);
  if (local.getUTCFullYear() !== Number(year) || local.getUTCMonth() + 1 !== Number(month) || local.getUTCDate() !== Number(day)) return null;
  return date;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = offset.slice(1).split(':');
  return sign * (Number(hours) * 60 + Number(minutes));
}

/** Formats an instant as a W3C date-time in the city's time zone, to the second: 2026-11-29T17:00:00+07:00. */
export function formatW3cDateTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', '');
  const zone = offset === '' || offset === '+00:00' ? 'Z' : offset;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${zone}`;
}

export type DateWindow = { ok: true; from: Date; to: Date } | { ok: false; error: 'end_before_start' | 'span_too_long' };

/**
 * The window [from, to] for a list: both ends given must be at most MAX_SPAN_DAYS apart; one end alone extends
 * MAX_SPAN_DAYS from it (a missing end stops at now when that is sooner); none gives the last MAX_SPAN_DAYS.
 */
export function resolveDateWindow(start: Date | undefined, end: Date | undefined, now: Date): DateWindow {
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (start && end) {
    if (end.getTime() < start.getTime()) return { ok: false, error: 'end_before_start' };
    if (end.getTime() - start.getTime() > span) return { ok: false, error: 'span_too_long' };
    return { ok: true, from: start, to: end };
  }
  if (start) return { ok: true, from: start, to: new Date(Math.min(start.getTime() + span, Math.max(now.getTime(), start.getTime()))) };
  const to = end ?? now;
  return { ok: true, from: new Date(to.getTime() - span), to };
}
