import type { Decision766Items, Decision766Score, OfficialScorecard, OperationsCounters, OperationsFilter, OperationsReport, OverdueList, ScorecardComment, ScorecardDefinitions, ScorecardItems, ScorecardMeasure, UnitOfficials, UnitScorecard, UnitScorecardList } from '@onecity/contracts';
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
export const getDecision766Items = (query: PeriodQuery & { indicator: string; met?: boolean; limit?: number }) =>
  api.get<Decision766Items>(`/operations/decision-766/items${filterQuery({ ...query, met: query.met === undefined ? undefined : String(query.met) })}`);
/** The Decision 766 table of the same query as a file to download (CSV or PDF report). */
export const decision766FileUrl = (query: PeriodQuery, format: 'csv' | 'pdf') => `${API_PREFIX}/operations/decision-766.${format}${filterQuery(query)}`;
export type { Decision766Score };

export const scorecardsPath = (month: string, kind: string) => `/operations/scorecards/units${filterQuery({ month, kind })}`;
/** The unit scorecards of the same month and kind as a file to download (CSV or PDF report). */
export const scorecardsFileUrl = (month: string, kind: string, format: 'csv' | 'pdf') => `${API_PREFIX}/operations/scorecards/units.${format}${filterQuery({ month, kind })}`;
export type { UnitScorecardList };
export type UnitScorecardDetail = UnitScorecard & { definitions: ScorecardDefinitions };
export const unitScorecardPath = (code: string, month: string) => `/operations/scorecards/units/${encodeURIComponent(code)}${filterQuery({ month })}`;
export const unitOfficialsPath = (code: string) => `/operations/scorecards/units/${encodeURIComponent(code)}/officials`;
export type { OfficialScorecard, UnitOfficials };
export const officialScorecardPath = (userId: string, month: string) => `/operations/scorecards/officials/${encodeURIComponent(userId)}${filterQuery({ month })}`;
export const getOfficialScorecardItems = (userId: string, month: string, measure: ScorecardMeasure) =>
  api.get<ScorecardItems>(`/operations/scorecards/officials/${encodeURIComponent(userId)}/items${filterQuery({ month, measure })}`);
export const getUnitScorecardItems = (code: string, month: string, measure: ScorecardMeasure) =>
  api.get<ScorecardItems>(`/operations/scorecards/units/${encodeURIComponent(code)}/items${filterQuery({ month, measure })}`);
export const commentOnScorecard = (code: string, month: string, text: string) => api.post<ScorecardComment>(`/operations/scorecards/units/${encodeURIComponent(code)}/comments`, { month, text });
