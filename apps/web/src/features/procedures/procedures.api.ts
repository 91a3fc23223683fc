import type {
  DossierAction,
  DossierDetail,
  DossierLookup,
  DossierStatus,
  DossierSummary,
  Procedure,
  ProcedureSummary,
  SubmitDossierRequest,
  SurveyRequest,
} from '@onecity/contracts';
import { API_PREFIX, api } from '../../app/api.ts';

export type ProcedureLevel = ProcedureSummary['level'];
export type ProcedureList = { items: ProcedureSummary[]; total: number };
export type DossierList = { items: DossierSummary[]; total: number };
export type DossierFile = DossierDetail['files'][number];
export type DossierStep = DossierDetail['steps'][number];
export type DossierEvent = DossierDetail['timeline'][number];
export type SupplementRequest = DossierDetail['supplementRequests'][number];
export type DeliveryMethod = SubmitDossierRequest['deliveryMethod'];
/** Who files: the citizen online, or a one-stop desk officer receiving a paper dossier for a citizen. */
export type FilingChannel = 'online' | 'in_person';

export type ProcedureQuery = { q?: string; level?: ProcedureLevel | ''; field?: string; agencyCode?: string; limit?: number; offset?: number };
export type DossierQuery = { status?: DossierStatus | ''; limit?: number; offset?: number };

const procedurePath = (code: string) => `/procedures/${encodeURIComponent(code)}`;
const dossierPath = (code: string) => `/dossiers/${encodeURIComponent(code)}`;

/** The query string of GET /procedures; empty values are left out. */
export function procedureSearch(query: ProcedureQuery): string {
  const search = new URLSearchParams();
  if (query.q?.trim()) search.set('q', query.q.trim());
  if (query.level) search.set('level', query.level);
  if (query.agencyCode) search.set('agencyCode', query.agencyCode);
  if (query.field) search.set('field', query.field);
  if (query.limit !== undefined) search.set('limit', String(query.limit));
  if (query.offset) search.set('offset', String(query.offset));
  return search.toString();
}

/** GET /procedures path for a query (for useApiResource). */
export const proceduresPath = (query: ProcedureQuery) => `/procedures?${procedureSearch(query)}`;

/** The query string of GET /dossiers. */
export function dossierSearch(query: DossierQuery): string {
  const search = new URLSearchParams();
  if (query.status) search.set('status', query.status);
  if (query.limit !== undefined) search.set('limit', String(query.limit));
  if (query.offset) search.set('offset', String(query.offset));
  return search.toString();
}

/** GET /dossiers path for a query (the caller's own dossiers for a citizen). */
export const myDossiersPath = (query: DossierQuery) => `/dossiers?${dossierSearch(query)}`;

/** One procedure with its form, components, fees and workflow. */
export const getProcedure = (code: string) => api.get<Procedure>(procedurePath(code));
export const procedureDetailPath = procedurePath;

/** Files a dossier; the answer is the dossier with its code and appointment date. */
export const submitDossier = (request: SubmitDossierRequest) => api.post<DossierDetail>('/dossiers', request);

/** One dossier (owner, or staff with a step at their agencies). */
export const getDossier = (code: string) => api.get<DossierDetail>(dossierPath(code));
export const dossierDetailPath = dossierPath;

/** Applies one action (citizens: withdraw, complete_supplement); the answer is the dossier after it. */
export const actOnDossier = (code: string, action: DossierAction) => api.post<DossierDetail>(`${dossierPath(code)}/actions`, action);

/** The owner's satisfaction survey, once the result has been delivered. */
export const submitSurvey = (code: string, survey: SurveyRequest) => api.post<unknown>(`${dossierPath(code)}/survey`, survey);

/** The public status of a dossier by its code (no personal data); ApiError 404 when unknown. */
export const lookupDossier = (code: string) => api.get<DossierLookup>(`/dossiers/lookup?${new URLSearchParams({ code })}`);

/** The address of one file of a dossier (component, result or apology letter), for a link. */
export const dossierFileUrl = (code: string, fileId: string) => `${API_PREFIX}${dossierPath(code)}/files/${encodeURIComponent(fileId)}`;

/** The address of the result document; for online delivery the owner's first download records delivery. */
export const dossierResultUrl = (code: string) => `${API_PREFIX}${dossierPath(code)}/result.pdf`;
