import type { Locale, Problem } from '@onecity/contracts';

/**
 * The one door to the API. The web app uses the cookie session (HttpOnly, set by POST /auth/login with
 * session "cookie"), so every state-changing request must also carry the CSRF token the API gave us.
 */

export const API_PREFIX = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const STATE_CHANGING: ReadonlySet<Method> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

let csrfToken: string | undefined;
let requestLocale: Locale = 'vi';

/** Stores the CSRF token returned by login or GET /me (undefined when logged out). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Sets the language the API localises its messages in (Accept-Language). */
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

/** An error answer of the API, in RFC 9457 problem+json form. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Field-level messages keyed by field name (the last segment of the API's field path). */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const field = normaliseFieldName(error.field);
      byField[field] ??= error.message;
    }
    return byField;
  }
}

/** The request never got an HTTP answer (offline, DNS, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

/** Reduces "/body/password", "body.password" or "password" to "password". */
export function normaliseFieldName(field: string): string {
  const segments = field.split(/[./]/).filter((segment) => segment !== '');
  return segments.at(-1) ?? field;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['status'] === 'number' && typeof candidate['code'] === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Sends one request and returns the parsed JSON body (undefined for empty answers such as 202 and 204).
 * @throws ApiError for any non-2xx answer, NetworkError when no answer came.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  if (body === undefined) return send<T>(method, path, undefined, undefined, options);
  return send<T>(method, path, JSON.stringify(body), 'application/json', options);
}

/** Extra request headers, e.g. the Idempotency-Key of a money-changing request. */
export interface RequestOptions {
  headers?: Record<string, string>;
}

/**
 * Sends a file as the raw request body with its own content type (a photo: the API reads the bytes, not a
 * multipart form), and returns the parsed JSON answer.
 * @throws ApiError for any non-2xx answer, NetworkError when no answer came.
 */
export async function apiUpload<T>(path: string, file: Blob): Promise<T> {
  return send<T>('POST', path, file, file.type || 'application/octet-stream');
}

async function send<T>(method: Method, path: string, body: BodyInit | undefined, contentType: string | undefined, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json', 'accept-language': requestLocale };
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (STATE_CHANGING.has(method) && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, { method, headers, credentials: 'same-origin', body });
  } catch (error) {
    throw new NetworkError(error);
  }

  const payload = await readBody(response);
  if (response.ok) return payload as T;
  if (isProblem(payload)) throw new ApiError(payload);
  // A proxy or crash page rather than our API: keep the shape so callers handle one error type.
  throw new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: 'http.unexpected',
    detail: '',
  });
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
