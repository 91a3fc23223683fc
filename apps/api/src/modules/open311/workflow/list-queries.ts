/**
 * The filters of GET requests (Spec, "GET Service Requests") and of mySociety's GET servicerequestupdates,
 * with the widely used page/page_size extension. Bad parameters throw open311.invalid_parameter naming
 * each one; a window longer than 90 days throws open311.date_span_too_long.
 */
import { AppError } from '../../../core/errors.ts';
import { MAX_SPAN_DAYS, parseW3cDateTime, resolveDateWindow } from './dates.ts';
import { ParameterReader, type Parameters } from './parameters.ts';

/** The spec's default volume: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
export const MAX_PAGE_SIZE = 1000;
const MAX_IDS = 1000;

export type Open311Status = 'open' | 'closed';

export interface Paging {
  page: number;
  pageSize: number;
}

export interface RequestsQuery extends Paging {
  /** When given, it overrides every other filter (dates included). */
  ids?: string[];
  serviceCodes?: string[];
  statuses?: Open311Status[];
  from?: Date;
  to?: Date;
  withExtensions: boolean;
}

export interface UpdatesQuery extends Paging {
  from: Date;
  to: Date;
}

function readPaging(reader: ParameterReader): Paging {
  return { page: reader.integer('page', 1, 1, 1_000_000), pageSize: reader.integer('page_size', MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE) };
}

function readDate(reader: ParameterReader, name: string): Date | undefined {
  const text = reader.single(name, { maxLength: 40 });
  if (text === undefined) return undefined;
  const date = parseW3cDateTime(text);
  if (!date) reader.problem(name, 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T08:00:00+07:00');
  return date ?? undefined;
}

function readWindow(reader: ParameterReader, now: Date): { from: Date; to: Date } | undefined {
  const start = readDate(reader, 'start_date');
  const end = readDate(reader, 'end_date');
  if (reader.problems.length > 0) return undefined;
  const window = resolveDateWindow(start, end, now);
  if (window.ok) return { from: window.from, to: window.to };
  if (window.error === 'span_too_long') {
    throw new AppError('open311.date_span_too_long', { params: { days: MAX_SPAN_DAYS }, fields: [{ field: 'end_date', message: `at most ${MAX_SPAN_DAYS} days after start_date` }] });
  }
  reader.problem('end_date', 'must not be before start_date');
  return undefined;
}

function finish(reader: ParameterReader): void {
  if (reader.problems.length > 0) throw new AppError('open311.invalid_parameter', { fields: reader.problems });
}

/** Reads the parameters of GET requests. */
export function parseRequestsQuery(parameters: Parameters, now: Date): RequestsQuery {
  const reader = new ParameterReader(parameters);
  const paging = readPaging(reader);
  const withExtensions = reader.flag('extensions');
  const ids = reader.list('service_request_id', { maxItems: MAX_IDS });
  if (ids) {
    finish(reader);
    return { ...paging, withExtensions, ids };
  }
  const serviceCodes = reader.list('service_code', { maxItems: 100 });
  const statusList = reader.list('status', { maxItems: 2 });
  const statuses: Open311Status[] = [];
  for (const status of statusList ?? []) {
    const normalised = status.toLowerCase();
    if (normalised === 'open' || normalised === 'closed') statuses.push(normalised);
    else reader.problem('status', `"${status}" is not open or closed`);
  }
  const window = readWindow(reader, now);
  finish(reader);
  return { ...paging, withExtensions, serviceCodes, statuses: statuses.length > 0 ? statuses : undefined, from: window?.from, to: window?.to };
}

/** Reads the parameters of GET servicerequestupdates (mySociety: only jurisdiction_id, start_date and end_date). */
export function parseUpdatesQuery(parameters: Parameters, now: Date): UpdatesQuery {
  const reader = new ParameterReader(parameters);
  const paging = readPaging(reader);
  const window = readWindow(reader, now);
  finish(reader);
  // Without a window, finish() has already thrown with the problems that prevented it.
  if (!window) throw new AppError('open311.invalid_parameter');
  return { ...paging, ...window };
}

/** The offset of a page. */
export function offsetOf(paging: Paging): number {
  return (paging.page - 1) * paging.pageSize;
}
