import type { Locale } from '@onecity/contracts';

// Business times are shown in the city's time zone whatever the device is set to, so a citizen abroad
// and an officer in Huế read the same date.
const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const INTL_LOCALES: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A date such as "29 tháng 11, 2026" / "29 November 2026". */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: 'long', timeZone: CITY_TIME_ZONE }).format(date);
}

/** A date and time to the second, for logs. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: CITY_TIME_ZONE,
  }).format(date);
}

/** Sorts names the way a reader of the language expects (Vietnamese diacritics included). */
export function compareNames(locale: Locale): (left: string, right: string) => number {
  return new Intl.Collator(INTL_LOCALES[locale]).compare;
}
