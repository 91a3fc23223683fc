import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../test/api-mock.ts';
import { ApiError, NetworkError, api, normaliseFieldName, setCsrfToken, setRequestLocale } from './api.ts';

afterEach(() => {
  setCsrfToken(undefined);
  setRequestLocale('vi');
});

describe('api client', () => {
  it('sends the CSRF token on state-changing requests only, and the session cookie with every request', async () => {
    const calls = mockApi({ 'GET /me': { body: {} }, 'POST /auth/logout': { status: 204 }, 'PATCH /me': { body: {} } });
    setCsrfToken('token-123');
    await api.get('/me');
    await api.post('/auth/logout');
    await api.patch('/me', { fullName: 'Lan' });
    expect(calls.map((call) => [call.method, call.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'token-123'],
      ['PATCH', 'token-123'],
    ]);
    const fetchMock = vi.mocked(fetch);
    expect(fetchMock.mock.calls.every(([, init]) => init?.credentials === 'same-origin')).toBe(true);
  });

  it('sends the chosen language as Accept-Language', async () => {
    const calls = mockApi({ 'GET /agencies': { body: { items: [] } } });
    setRequestLocale('en');
    await api.get('/agencies');
    expect(calls[0]?.headers['accept-language']).toBe('en');
  });

  it('turns problem+json answers into ApiError with the localised detail and field errors', async () => {
    mockApi({
      'POST /auth/register': {
        status: 400,
        body: problem(400, 'validation.failed', 'Dữ liệu không hợp lệ.', [{ field: '/password', message: 'Quá ngắn' }]),
      },
    });
    const error = await api.post('/auth/register', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('Dữ liệu không hợp lệ.');
    expect(apiError.fieldErrors).toEqual({ password: 'Quá ngắn' });
  });

  it('reports a request that got no answer as NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.get('/me')).rejects.toBeInstanceOf(NetworkError);
  });

  it('normalises field paths from the API', () => {
    expect(normaliseFieldName('/body/password')).toBe('password');
    expect(normaliseFieldName('body.fullName')).toBe('fullName');
    expect(normaliseFieldName('login')).toBe('login');
  });
});
