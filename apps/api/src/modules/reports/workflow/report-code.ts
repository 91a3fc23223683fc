/**
 * Readable report codes: PA-YYMMDD-NNNN (PA = phản ánh), the date in the city's time zone and a daily
 * sequence, e.g. PA-261129-0042. Citizens read them out on the phone, so no ambiguous letters.
 */

/** Formats a report code from the local date (YYYY-MM-DD) and the day's sequence number. */
export function formatReportCode(localDate: string, sequence: number): string {
  const [year = '', month = '', day = ''] = localDate.split('-');
  return `PA-${year.slice(2)}${month}${day}-${String(sequence).padStart(4, '0')}`;
}

export { REPORT_CODE_PATTERN } from '@onecity/contracts';
