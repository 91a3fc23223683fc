/**
 * The calendar module's error codes (messages in core/i18n/error-messages.ts):
 * - calendar.year_not_found: asking for the holidays of a year that has no data.
 * - calendar.invalid_day: an edited year with a date outside it, a duplicate date, a day off on a weekend
 *   or a working weekend day on a weekday.
 */
export const CALENDAR_ERROR_PREFIX = 'calendar.';
