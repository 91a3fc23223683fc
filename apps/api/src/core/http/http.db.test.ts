import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
  admin = await loginToken(t.app, 'admin@demo.onecity.local');
});
afterAll(async () => t?.dispose());

async function snapshot() {
  return Promise.all([countRows(t, 'users'), countRows(t, 'audit_log'), countRows(t, 'agencies'), countRows(t, 'outbox_messages')]);
}

describe('bad input gets a clear, localised 4xx and changes nothing', () => {
  const cases: { name: string; status: number; code: string; field?: string; request: () => InjectOptions }[] = [
    {
      name: 'malformed JSON',
      status: 400,
      code: 'http.malformed_json',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', headers: { 'content-type': 'application/json' }, payload: '{"login": "a@b.vn",' }),
    },
    {
      name: 'unknown field',
      status: 400,
      code: 'http.validation_failed',
      field: 'isAdmin',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'x@example.vn', password: 'a long password', fullName: 'X Y', isAdmin: true } }),
    },
    {
      name: 'wrongly typed field',
      status: 400,
      code: 'http.validation_failed',
      field: 'fullName',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'x@example.vn', password: 'a long password', fullName: 42 } }),
    },
    {
      name: 'missing field',
      status: 400,
      code: 'http.validation_failed',
      field: 'password',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'x@example.vn', fullName: 'X Y' } }),
    },
    {
      name: 'oversized body',
      status: 413,
      code: 'http.body_too_large',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'x@example.vn', password: 'a long password', fullName: 'x'.repeat(10_000) } }),
    },
    {
      name: 'bad id',
      status: 400,
      code: 'http.validation_failed',
      field: 'params.id',
      request: () => ({ method: 'POST', url: '/api/v1/admin/users/not-a-uuid/roles', headers: { authorization: `Bearer ${admin}` }, payload: { role: 'officer', agencyCode: 'SXD' } }),
    },
    {
      name: 'unknown id',
      status: 404,
      code: 'identity.user_not_found',
      request: () => ({
        method: 'POST',
        url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles',
        headers: { authorization: `Bearer ${admin}` },
        payload: { role: 'officer', agencyCode: 'SXD' },
      }),
    },
    {
      name: 'unsupported media type',
      status: 415,
      code: 'http.unsupported_media_type',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', headers: { 'content-type': 'text/xml' }, payload: '<a/>' }),
    },
    {
      name: 'prototype poisoning',
      status: 400,
      code: 'http.malformed_json',
      request: () => ({ method: 'POST', url: '/api/v1/auth/register', headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}, "login": "a@b.vn"}' }),
    },
    {
      name: 'bad query parameter',
      status: 400,
      code: 'http.validation_failed',
      field: 'query.limit',
      request: () => ({ method: 'GET', url: '/api/v1/admin/users?limit=abc', headers: { authorization: `Bearer ${admin}` } }),
    },
    {
      name: 'unknown route',
      status: 404,
      code: 'http.not_found',
      request: () => ({ method: 'GET', url: '/api/v1/nothing-here' }),
    },
    {
      name: 'garbage bearer token',
      status: 401,
      code: 'auth.invalid_token',
      request: () => ({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer abc' } }),
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const before = await snapshot();
      const request = testCase.request();
      const vi = await t.app.inject(request);
      expect(vi.statusCode, vi.body).toBe(testCase.status);
      expect(vi.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = vi.json();
      expect(problem.code).toBe(testCase.code);
      expect(problem.status).toBe(testCase.status);
      expect(problem.requestId).toBe(vi.headers['x-request-id']);
      expect(vi.body).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
      if (testCase.field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(testCase.field);
      const en = await t.app.inject({ ...request, headers: { ...request.headers, 'accept-language': 'en-GB,en;q=0.9' } });
      expect(en.json().code).toBe(testCase.code);
      expect(en.json().detail).not.toBe(problem.detail);
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('platform endpoints', () => {
  it('reports health', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes OpenAPI with the routes and a browsable UI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/agencies', '/health']));
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('sends security headers and echoes a well-formed request id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'client-req-12345' } });
    expect(response.headers['x-request-id']).toBe('client-req-12345');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['x-frame-options']).toBeDefined();
    const generated = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health without a database', () => {
  it('answers 503 when the database does not answer', async () => {
    const own = await createTestApp();
    try {
      await own.handle.db.destroy();
      const response = await own.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await own.app.close();
      await own.database.dispose().catch(() => undefined);
    }
  });
});
