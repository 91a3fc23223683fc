import type { DossierAction, DossierDetail, DossierStatus, DossierSummary } from '@onecity/contracts';
import { API_PREFIX, api } from '../../../app/api.ts';

/** The staff lists of GET /dossiers: new online dossiers at the desk, my work, everything in my scope. */
export type DossierQueue = 'intake' | 'mine' | 'all';
export type DossierList = { items: DossierSummary[]; total: number };
/** The actions staff take on a dossier (citizens withdraw and complete supplements on their own screens). */
export type StaffActionType = Exclude<DossierAction['type'], 'withdraw' | 'complete_supplement'>;
export type StaffAction = Extract<DossierAction, { type: StaffActionType }>;
export type Officer = { id: string; fullName: string };
export type StatisticsQuery = { agencyCode: string; from: string; to: string };

const encode = encodeURIComponent;

/** GET /dossiers for a staff list; the parameters in a fixed order so the same list has the same address. */
export function dossiersPath({ queue, status, q, limit, offset }: { queue: DossierQueue; status?: DossierStatus | undefined; q?: string | undefined; limit: number; offset?: number | undefined }): string {
  const params = new URLSearchParams({ queue });
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  params.set('limit', String(limit));
  if (offset) params.set('offset', String(offset));
  return `/dossiers?${params.toString()}`;
}

/** GET /dossiers/{code}: the dossier as the caller may see it, with the actions they may take now. */
export const dossierPath = (code: string) => `/dossiers/${encode(code)}`;

/** GET /dossiers/{code}/officers: who may take the dossier's current step. */
export const officersPath = (code: string) => `${dossierPath(code)}/officers`;

/** POST /dossiers/{code}/actions; the API answers with the dossier after the action. */
export const actOnDossier = (code: string, action: StaffAction) => api.post<DossierDetail | undefined>(`${dossierPath(code)}/actions`, action);

/** The browser address of one file of a dossier (a component, the result or the apology letter). */
export const dossierFileUrl = (code: string, fileId: string) => `${API_PREFIX}${dossierPath(code)}/files/${encode(fileId)}`;

/** GET /dossiers/statistics for one agency and period. */
export function statisticsPath({ agencyCode, from, to }: StatisticsQuery): string {
  return `/dossiers/statistics?${new URLSearchParams({ agencyCode, from, to }).toString()}`;
}

/** The same figures as a CSV download. */
export const statisticsCsvUrl = (query: StatisticsQuery) => `${API_PREFIX}${statisticsPath(query)}&format=csv`;
