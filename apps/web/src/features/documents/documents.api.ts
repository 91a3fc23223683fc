import type { DocumentStatistics, DocumentSummary, DocumentVerification, RevokeDocumentRequest, UploadVerification } from '@onecity/contracts';
import { API_PREFIX, ApiError, api, apiUpload, setCsrfToken } from '../../app/api.ts';
import { fetchCurrentUser } from '../identity/identity.api.ts';

export type DocumentList = { items: DocumentSummary[]; total: number };
export type DocumentStatus = DocumentSummary['status'];
export type DocumentKind = DocumentSummary['kind'];
export type SignatureCheck = DocumentVerification['signature']['signatures'][number];
export type SignaturesCheck = DocumentVerification['signature'];
export type Indication = SignatureCheck['indication'];
export type StatisticsQuery = { agencyCode: string; from: string; to: string };

/** The largest PDF POST /verify accepts. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

const documentPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

/** GET path of a document's public verification (for useApiResource); ApiError 404 when unknown. */
export const verificationPath = (id: string) => `${documentPath(id)}/verification`;

/** GET path of the caller's documents: their own (citizen) or their agencies' (staff). */
export const documentsPath = ({ limit, offset = 0 }: { limit: number; offset?: number }) => `/documents?${new URLSearchParams({ limit: String(limit), offset: String(offset) })}`;

/** GET path of the signed share of an agency's documents over a period. */
export const documentStatisticsPath = (query: StatisticsQuery) => `/documents/statistics?${new URLSearchParams(query)}`;

/** The address of a document's PDF, for a link (owner, or staff of the issuing agency). */
export const documentPdfUrl = (id: string) => `${API_PREFIX}${documentPath(id)}/pdf`;

/** The public verification page of a document, as its QR code opens it. */
export const verifyPagePath = (id: string) => `/verify/${encodeURIComponent(id)}`;

/**
 * Checks any PDF: POST /verify with the file's bytes as the raw body, always declared application/pdf (the API
 * then answers NOT_PDF for anything else rather than 415). The shared client adds the session's CSRF token when
 * someone is logged in; the endpoint is public, so logged out the request simply goes without it. The API still
 * checks the token of a live session cookie, so when the session changed since the page loaded (logged in or out
 * in another tab) it answers auth.csrf_invalid: then GET /me gives the current token (none when logged out), as
 * the dossier uploads do, and the file is sent once more.
 * @throws ApiError (413 too large …), NetworkError
 */
export async function verifyUpload(file: Blob): Promise<UploadVerification> {
  const pdf = file.slice(0, file.size, 'application/pdf');
  try {
    return await apiUpload<UploadVerification>('/verify', pdf);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'auth.csrf_invalid')) throw error;
    setCsrfToken(await fetchCurrentUser().then(({ csrfToken }) => csrfToken, () => undefined));
    return apiUpload<UploadVerification>('/verify', pdf);
  }
}

/** Revokes or supersedes a document (unit leads over the issuing agency, admins); answers its verification. */
export const revokeDocument = (id: string, request: RevokeDocumentRequest) => api.post<DocumentVerification>(`${documentPath(id)}/revoke`, request);

export type { DocumentStatistics, DocumentSummary, DocumentVerification, UploadVerification };
