import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { MAX_PAGE_SIZE, offsetOf, parseRequestsQuery, parseUpdatesQuery } from './list-queries.ts';
import type { Parameters } from './parameters.ts';

const now = new Date('2026-11-29T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('GET requests parameters', () => {
  it('defaults to the last 90 days, 1000 results, no extensions', () => {
    expect(parseRequestsQuery({}, now)).toEqual({
      page: 1,
      pageSize: MAX_PAGE_SIZE,
      withExtensions: false,
      serviceCodes: undefined,
      statuses: undefined,
      from: new Date(now.getTime() - 90 * DAY),
      to: now,
    });
  });

  it('treats empty parameters as absent', () => {
    expect(parseRequestsQuery({ status: [''], service_code: [' '], start_date: [''], page: [''] }, now)).toEqual(parseRequestsQuery({}, now));
  });

  it('reads comma lists of service codes and statuses', () => {
    const query = parseRequestsQuery({ service_code: ['STREET_LIGHT, GARBAGE,,'], status: ['open,CLOSED'] }, now);
    expect(query.serviceCodes).toEqual(['STREET_LIGHT', 'GARBAGE']);
    expect(query.statuses).toEqual(['open', 'closed']);
  });

  it('lets service_request_id override every other filter', () => {
    const query = parseRequestsQuery({ service_request_id: ['PA-261129-0001,PA-261129-0002'], service_code: ['GARBAGE'], status: ['bogus'], start_date: ['nonsense'] }, now);
    expect(query).toEqual({ page: 1, pageSize: MAX_PAGE_SIZE, withExtensions: false, ids: ['PA-261129-0001', 'PA-261129-0002'] });
  });

  it('reads pages and the extensions flag', () => {
    const query = parseRequestsQuery({ page: ['3'], page_size: ['25'], extensions: ['TRUE'] }, now);
    expect(query).toMatchObject({ page: 3, pageSize: 25, withExtensions: true });
    expect(offsetOf(query)).toBe(50);
  });

  const refusals: [string, Parameters, string][] = [
    ['an unknown status', { status: ['pending'] }, 'status'],
    ['a date without a zone', { start_date: ['2026-11-01T00:00:00'] }, 'start_date'],
    ['an end before the start', { start_date: ['2026-11-10T00:00:00Z'], end_date: ['2026-11-01T00:00:00Z'] }, 'end_date'],
    ['page 0', { page: ['0'] }, 'page'],
    ['a page size above 1000', { page_size: ['1001'] }, 'page_size'],
    ['a fractional page size', { page_size: ['2.5'] }, 'page_size'],
    ['extensions=maybe', { extensions: ['maybe'] }, 'extensions'],
    ['a parameter given twice', { status: ['open', 'closed'] }, 'status'],
  ];
  for (const [name, parameters, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      const error = refusal(() => parseRequestsQuery(parameters, now));
      expect(error.code).toBe('open311.invalid_parameter');
      expect(error.fields?.map((f) => f.field)).toContain(field);
    });
  }

  it('refuses a span longer than 90 days with its own code', () => {
    const error = refusal(() => parseRequestsQuery({ start_date: ['2026-01-01T00:00:00Z'], end_date: ['2026-04-01T00:00:01Z'] }, now));
    expect(error.code).toBe('open311.date_span_too_long');
    expect(error.status).toBe(400);
  });
});

describe('GET servicerequestupdates parameters', () => {
  it('reads the window and pages', () => {
    expect(parseUpdatesQuery({ start_date: ['2026-11-01T00:00:00+07:00'], end_date: ['2026-11-28T00:00:00+07:00'], page_size: ['10'] }, now)).toEqual({
      page: 1,
      pageSize: 10,
      from: new Date('2026-10-31T17:00:00Z'),
      to: new Date('2026-11-27T17:00:00Z'),
    });
  });

  it('refuses a span longer than 90 days', () => {
    expect(refusal(() => parseUpdatesQuery({ start_date: ['2026-01-01T00:00:00Z'], end_date: ['2026-12-01T00:00:00Z'] }, now)).code).toBe('open311.date_span_too_long');
    expect(refusal(() => parseUpdatesQuery({ end_date: ['soon'] }, now)).code).toBe('open311.invalid_parameter');
  });
});
