/**
 * Requests over real HTTP to a test app listening on a port (for what `inject` cannot show: webhooks with raw bodies,
 * redirects, a sandbox calling the app back), as a named user's bearer token or anonymously. Redirects are not
 * followed, so a test sees them.
 */

/** A parsed JSON answer: the assertions read it field by field against literal expectations. */
export type Json = ReturnType<typeof JSON.parse>;

export interface HttpAnswer {
  status: number;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Json;
  text: string;
  headers: Headers;
}

export type HttpClient = (method: string, url: string, options?: { as?: string; body?: unknown; headers?: Record<string, string> }) => Promise<HttpAnswer>;

/** A client for the app at `base()` (read when each request is made: tests learn the port in beforeAll). */
export function httpClient(base: () => string, tokens: Readonly<Record<string, string>>): HttpClient {
  return async (method, url, options = {}) => {
    const response = await fetch(`${base()}${url}`, {
      method,
      redirect: 'manual',
      headers: { ...(options.as ? { authorization: `Bearer ${tokens[options.as]}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  };
}
