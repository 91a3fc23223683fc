import type { Decision766Items, Decision766Score, OperationsCounters, OperationsFilter, OperationsReport, OverdueList, ScorecardComment, ScorecardItems, ScorecardMeasure, UnitScorecardList } from '@onecity/contracts';
import { API_PREFIX, api } from '../../app/api.ts';

/** The query string of the operations filters (empty values left out). */
export function filterQuery(filter: OperationsFilter & Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value !== undefined && value !== '' && value !== false) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** GET /operations/counters: open and overdue work, today's intake by channel. */
export const countersPath = (filter: OperationsFilter) => `/operations/counters${filterQuery(filter)}`;
/** The server-sent events stream of the same filter (counters and changes). */
export const streamUrl = (filter: OperationsFilter) => `${API_PREFIX}/operations/stream${filterQuery(filter)}`;

export const getCounters = (filter: OperationsFilter) => api.get<OperationsCounters>(countersPath(filter));
export const listOperationsReports = (filter: OperationsFilter & { overdue?: boolean; urgent?: boolean }) => api.get<{ items: OperationsReport[] }>(`/operations/reports${filterQuery(filter)}`);
export const overduePath = (filter: OperationsFilter) => `/operations/overdue${filterQuery(filter)}`;
export type { OverdueList };

export type PeriodQuery = { agencyCode: string; from: string; to: string };
export const decision766Path = (query: PeriodQuery) => `/operations/decision-766${filterQuery(query)}`;
export const getDecision766Items = (query: PeriodQuery & { indicator: string; limit?: number }) => api.get<Decision766Items>(`/operations/decision-766/items${filterQuery(query)}`);
export type { Decision766Score };

export const scorecardsPath = (month: string, kind: string) => `/operations/scorecards/units${filterQuery({ month, kind })}`;
export type { UnitScorecardList };
export const getUnitScorecardItems = (code: string, month: string, measure: ScorecardMeasure) =>
  api.get<ScorecardItems>(`/operations/scorecards/units/${encodeURIComponent(code)}/items${filterQuery({ month, measure })}`);
export const commentOnScorecard = (code: string, month: string, text: string) => api.post<ScorecardComment>(`/operations/scorecards/units/${encodeURIComponent(code)}/comments`, { month, text });
