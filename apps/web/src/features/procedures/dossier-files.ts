import type { Problem } from '@onecity/contracts';
import { API_PREFIX, ApiError, NetworkError } from '../../app/api.ts';
import { fetchCurrentUser } from '../identity/identity.api.ts';

/** What a dossier component may be: a scan or photo of a paper (the API checks the content, not the name). */
export const ACCEPTED_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ACCEPT_ATTRIBUTE = `${ACCEPTED_FILE_TYPES.join(',')},.pdf,.jpg,.jpeg,.png`;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** POST /dossiers/files answer: the id to attach when filing or completing a supplement. */
export type UploadedFile = { fileId: string; fileName: string; contentType: string; byteSize: number };
export type FileProblem = 'type' | 'size';

const TYPE_BY_EXTENSION: Record<string, (typeof ACCEPTED_FILE_TYPES)[number]> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The file's content type, guessed from its name when the browser gives none (some do for PDFs). */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Why a chosen file cannot be sent, or undefined when it can. */
export function checkDossierFile(file: File): FileProblem | undefined {
  if (!(ACCEPTED_FILE_TYPES as readonly string[]).includes(contentTypeOf(file))) return 'type';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return undefined;
}

/** "2,4 MB" / "2.4 MB", "830 kB". */
export function formatFileSize(bytes: number, locale: 'vi' | 'en'): string {
  const format = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} kB`;
  return `${bytes} B`;
}

/*
 * The shared client (app/api.ts) sends raw uploads without extra headers, and keeps the session's CSRF token
 * to itself. This upload needs the x-file-name header, so it sends the request here and asks GET /me for the
 * session's CSRF token (as the session provider does at start-up), once, and again if the API says it changed.
 * TODO: drop this in favour of an `apiUpload(path, file, headers)` in app/api.ts when that file may change.
 */
let csrfToken: string | undefined;

async function sessionCsrfToken(refresh: boolean): Promise<string | undefined> {
  if (refresh || csrfToken === undefined) csrfToken = (await fetchCurrentUser()).csrfToken;
  return csrfToken;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['status'] === 'number' && typeof candidate['code'] === 'string';
}

async function send(file: File, token: string | undefined): Promise<UploadedFile> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': document.documentElement.lang === 'en' ? 'en' : 'vi',
    'content-type': contentTypeOf(file),
    'x-file-name': encodeURIComponent(file.name),
  };
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}/dossiers/files`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch (error) {
    throw new NetworkError(error);
  }
  const text = await response.text();
  let payload: unknown = text;
  try {
    payload = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Not JSON: a proxy page; handled below.
  }
  if (response.ok) return payload as UploadedFile;
  if (isProblem(payload)) throw new ApiError(payload);
  throw new ApiError({ type: 'about:blank', title: response.statusText || 'Error', status: response.status, code: 'http.unexpected', detail: '' });
}

/**
 * Uploads one component file as the raw body (POST /dossiers/files, its own content type, the original name in
 * x-file-name); attach the returned id when filing. @throws ApiError (415/400 dossiers.invalid_file …), NetworkError
 */
export async function uploadDossierFile(file: File): Promise<UploadedFile> {
  try {
    return await send(file, await sessionCsrfToken(false));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'auth.csrf_invalid') return send(file, await sessionCsrfToken(true));
    throw error;
  }
}
