import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';
let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), INDEX);
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1);');
  t = await createTestApp({ env: { WEB_DIST_DIR: webDist } });
});
afterAll(async () => {
  await t?.dispose();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml' } });

describe('the web app fallback', () => {
  it.each(['/console', '/services/2.000635', '/services/1.001193/apply', '/services/2.000635?from=home', '/dossiers/HS-2026.001'])(
    'serves index.html for the client route %s',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toBe(INDEX);
    },
  );

  it('serves real assets', async () => {
    const response = await get('/assets/app.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1);');
  });

  it.each(['/assets/missing.js', '/assets/chunk-2.000635', '/favicon.png', '/robots.txt', '/manifest.webmanifest', '/api/v1/nothing-here', '/api/v1/no-such-thing/2.000635', '/open311/v2/nothing'])(
    'answers %s with the JSON 404',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'http.not_found' });
    },
  );
});
