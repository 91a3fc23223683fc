import type { ReportStatus } from './reports.api.ts';

export const REPORT_STATUSES: readonly ReportStatus[] = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged'];

/** Still waiting for the unit's work. */
export const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'assigned', 'in_progress'];
/** Answered (waiting for the reporter) or finished. */
export const DONE_STATUSES: readonly ReportStatus[] = ['resolved', 'closed'];

/** The status groups the public map filters by; '' is every public status. */
export const STATUS_FILTERS = { open: OPEN_STATUSES, done: DONE_STATUSES } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;
export const isStatusFilter = (value: string | null): value is StatusFilter => value === 'open' || value === 'done';

/** Whether the report still awaits handling (its deadline still runs). */
export function isOpenStatus(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * Marker and badge colours, chosen to be told apart also with red-green colour blindness (blue, orange,
 * purple, green, grey) and to keep white text legible on them; the status is always written beside them too.
 */
export const STATUS_COLOURS: Record<ReportStatus, string> = {
  submitted: '#b45309',
  assigned: '#1d4ed8',
  in_progress: '#6d28d9',
  resolved: '#15803d',
  closed: '#4b5563',
  rejected: '#a8201a',
  merged: '#6b7280',
};

/** Timeline event types with a name in the translation files; others are shown as they come. */
export const KNOWN_EVENTS = [
  'submit',
  'route',
  'accept',
  'reject',
  'merge',
  'take',
  'transfer',
  'return_to_triage',
  'request_extension',
  'decide_extension',
  'resolve',
  'confirm',
  'reopen',
  'auto_close',
  'rate',
] as const;
export type KnownEvent = (typeof KNOWN_EVENTS)[number];
export const isKnownEvent = (type: string): type is KnownEvent => (KNOWN_EVENTS as readonly string[]).includes(type);
