import type { ReportAction as ContractReportAction } from '@onecity/contracts';
import type { MapReport, PublicReport, ReportCategory, SubmitReportRequest } from '@onecity/contracts';
import { api, apiUpload } from '../../app/api.ts';

export type ReportStatus = PublicReport['status'];
export type ReportQuestion = ReportCategory['questions'][number];

/** One step of a report's public history. */
export type TimelineEntry = { at: string; type: string; fromStatus: string | null; toStatus: string; details: Record<string, unknown> };
export type ReportPhoto = { id: string; kind: 'before' | 'after'; url: string; thumbnailUrl: string; width: number; height: number };
/** A photo as its reporter and the staff who see the report see it: citizens' photos are public only once published. */
export type PhotoReviewStatus = 'pending' | 'published' | 'withheld';
export type ViewerPhoto = ReportPhoto & { reviewStatus: PhotoReviewStatus; reviewedAt: string | null; reviewReason: string | null };
/** GET /reports/{code}/photos: every photo with its review, and whether the caller may publish or withhold them. */
export type ViewerPhotos = { items: ViewerPhoto[]; canReview: boolean };
/** GET /reports/{code}: the public report with its public timeline and photos. */
export type ReportDetail = PublicReport & { timeline: TimelineEntry[]; photos: ReportPhoto[] };
/** The map's answer: the newest reports in view, how many match (up to a cap: `isTotalCapped` means "more than"). */
export type MapReportList = { items: MapReport[]; total: number; isTruncated: boolean; isTotalCapped: boolean };
export type NearbyReport = { code: string; description: string; status: ReportStatus; distanceMetres: number; createdAt: string };
export type UploadedPhoto = { photoId: string; kind: 'before' | 'after'; width: number; height: number };

/** A report in a staff queue (GET /console/reports); `reporter` only for those allowed to see who reported. */
export type QueueItem = {
  code: string;
  status: ReportStatus;
  description: string;
  isUrgent: boolean;
  category: { code: string; nameVi: string; nameEn: string };
  areaCode: string;
  unitCode: string | null;
  officerId: string | null;
  dueAt: string;
  secondsLeft: number;
  isOverdue: boolean;
  escalationLevel: number;
  pendingExtension: { requestedBy: string; proposedDueAt: string; reason: string } | null;
  answers: Record<string, string | number>;
  createdAt: string;
  reporter: { fullName: string; email: string | null; phone: string | null } | null;
  /** Photos waiting for staff review before they are public. */
  pendingPhotos: number;
};

/** What staff and reporters may do to a report (POST /reports/{code}/actions). */
export type ReportAction = ContractReportAction;
export type ReportActionType = ReportAction['type'];

export type PublicReportQuery = { bbox?: string; categories?: readonly string[]; statuses?: readonly ReportStatus[]; area?: string; limit?: number };
export type QueueQuery = {
  unit?: string;
  triage?: boolean;
  statuses?: readonly ReportStatus[];
  category?: string;
  area?: string;
  overdue?: boolean;
  limit?: number;
};

const path = (code: string) => `/reports/${encodeURIComponent(code)}`;

/** The categories citizens may report, with their extra questions. */
export const fetchCategories = () => api.get<{ items: ReportCategory[] }>('/reports/categories');

/** Uploads one photo as the raw image body; attach it by id when filing (before) or answering (after). */
export const uploadReportPhoto = (file: Blob, kind: 'before' | 'after') => apiUpload<UploadedPhoto>(`/reports/photos?kind=${kind}`, file);

/** Open reports of the category within 50 m, to follow one instead of filing a duplicate. */
export const findNearbyReports = (categoryCode: string, at: { lat: number; lng: number }) =>
  api.get<{ items: NearbyReport[] }>(`/reports/nearby?${new URLSearchParams({ category: categoryCode, lat: String(at.lat), lng: String(at.lng) })}`);

/** Files a report; the answer says where it went and by when it is due. */
export const submitReport = (request: SubmitReportRequest) => api.post<PublicReport>('/reports', request);

/** Follows someone else's report instead of filing the same problem again. */
export const followReport = (code: string) => api.post<void>(`${path(code)}/follow`);

/** The query string of GET /reports/map (repeated `status`, comma-separated categories). */
export function publicReportsSearch(query: PublicReportQuery): string {
  const search = new URLSearchParams();
  if (query.bbox) search.set('bbox', query.bbox);
  if (query.categories?.length) search.set('category', query.categories.join(','));
  for (const status of query.statuses ?? []) search.append('status', status);
  if (query.area) search.set('area', query.area);
  if (query.limit !== undefined) search.set('limit', String(query.limit));
  return search.toString();
}

/** The public map's reports, newest first, never more than `limit` (total says how many matched). */
export const listMapReports = (query: PublicReportQuery) => api.get<MapReportList>(`/reports/map?${publicReportsSearch(query)}`);

/** One public report with its timeline and photos. */
export const getReport = (code: string) => api.get<ReportDetail>(path(code));

/** The logged-in citizen's own reports. */
export const listMyReports = () => api.get<{ items: PublicReport[] }>('/reports/mine');

/** Applies one action; the answer is the new status and deadline. */
export const actOnReport = (code: string, action: ReportAction) =>
  api.post<{ code: string; status: ReportStatus; dueAt: string }>(`${path(code)}/actions`, action);

/** The reporter rates the answer, 1–5. */
export const rateReport = (code: string, rating: { rating: number; comment?: string }) => api.post<void>(`${path(code)}/rating`, rating);

/** The query string of GET /console/reports. */
export function queueSearch(query: QueueQuery): string {
  const search = new URLSearchParams();
  if (query.triage) search.set('triage', 'true');
  else if (query.unit) search.set('unit', query.unit);
  for (const status of query.statuses ?? []) search.append('status', status);
  if (query.category) search.set('category', query.category);
  if (query.area) search.set('area', query.area);
  if (query.overdue) search.set('overdue', 'true');
  if (query.limit !== undefined) search.set('limit', String(query.limit));
  return search.toString();
}

/** A staff queue, soonest deadline first. */
export const listQueue = (query: QueueQuery) => api.get<{ items: QueueItem[]; total: number; isTotalCapped: boolean }>(`/console/reports?${queueSearch(query)}`);

/** IOC: shows the reporter's identity to the handling unit, with a reason (audited). */
export const revealReporter = (code: string, reason: string) => api.post<void>(`${path(code)}/reveal-reporter`, { reason });

/** The outcome of one report in a bulk action. */
export type BulkResult = { code: string; ok: true; status: ReportStatus } | { code: string; ok: false; error: { code: string; detail: string } };

/** The most reports one bulk action may carry (the API's limit). */
export const BULK_LIMIT = 50;

/** Applies one action to several reports; each succeeds or fails on its own. */
export const actOnReports = (codes: readonly string[], action: ReportAction) =>
  api.post<{ results: BulkResult[] }>('/reports/actions/bulk', { codes: [...codes], action });

/** A unit's officers (names only), for its leads and the IOC; 403 for anyone else. */
export const listUnitOfficers = (unitCode: string) =>
  api.get<{ items: { id: string; fullName: string }[] }>(`/console/units/${encodeURIComponent(unitCode)}/officers`);

/** Every photo of a report with its review (for its reporter and the staff who see it). */
export const listViewerPhotos = (code: string) => api.get<ViewerPhotos>(`${path(code)}/photos`);

/** Publishes a citizen's photo, or withholds it with a reason kept for staff; `isChanged` is false when it already was. */
export const reviewPhoto = (code: string, photoId: string, review: { decision: 'publish' } | { decision: 'withhold'; reason: string }) =>
  api.post<{ photo: ViewerPhoto; isChanged: boolean }>(`${path(code)}/photos/${encodeURIComponent(photoId)}/review`, review);

/** A rectangle over a picture, as fractions 0–1 of its width and height. */
export type RedactionBox = { x: number; y: number; width: number; height: number };

/** Paints over faces, plates or other personal details of a report photo (1–30 boxes). */
export const redactPhoto = (code: string, photoId: string, boxes: readonly RedactionBox[]) =>
  api.post<void>(`${path(code)}/photos/${encodeURIComponent(photoId)}/redact`, { boxes: [...boxes] });
