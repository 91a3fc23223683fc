import { vi } from 'vitest';
import type { Problem, Role, User } from '@onecity/contracts';

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown };
export type MockResponse = { status?: number; body?: unknown };
export type MockRoute = MockResponse | ((request: RecordedRequest) => MockResponse);

/**
 * Replaces fetch with a table of answers keyed "METHOD /path" (path below /api/v1, query included).
 * Unknown requests get a 404 problem. Returns the list of requests made, for assertions.
 */
export function mockApi(routes: Record<string, MockRoute>): RecordedRequest[] {
  const calls: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: `${url.pathname.replace(/^\/api\/v1/, '')}${url.search}`,
      headers,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(request);
    const route = routes[`${request.method} ${request.path}`] ?? routes[`${request.method} ${url.pathname.replace(/^\/api\/v1/, '')}`];
    const answer: MockResponse =
      route === undefined
        ? { status: 404, body: problem(404, 'http.not_found', 'Không tìm thấy.') }
        : typeof route === 'function'
          ? route(request)
          : route;
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    if (answer.body === undefined) return new Response(null, { status });
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

/** An RFC 9457 problem as the API sends it. */
export function problem(status: number, code: string, detail: string, errors?: Problem['errors']): Problem {
  return { type: `https://onecity.local/problems/${code}`, title: code, status, code, detail, ...(errors ? { errors } : {}) };
}

/** A user with the given roles (citizen always included, as the API does). */
export function makeUser(roles: Role[] = [], overrides: Partial<User> = {}): User {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    fullName: 'Nguyễn Thị Lan',
    email: 'lan@example.vn',
    phone: null,
    isVerified: true,
    assurance: 1,
    locale: 'vi',
    roles: [
      { role: 'citizen', agencyId: null, agencyCode: null, agencyName: null },
      ...roles.map((role) => ({
        role,
        agencyId: '00000000-0000-4000-8000-0000000000aa',
        agencyCode: 'HUE-PH-THUANHOA',
        agencyName: 'Phường Thuận Hóa',
      })),
    ],
    createdAt: '2026-01-15T03:00:00.000Z',
    ...overrides,
  };
}

/** The answer of GET /me for a logged-in user, or a 401 for a visitor. */
export function meRoute(user: User | undefined): MockResponse {
  return user === undefined
    ? { status: 401, body: problem(401, 'identity.unauthenticated', 'Bạn chưa đăng nhập.') }
    : { body: { ...user, csrfToken: 'csrf-from-me' } };
}
