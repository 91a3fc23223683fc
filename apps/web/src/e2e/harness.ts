/**
 * What the browser journeys share: the API address, Debian's Chromium with a fresh profile per page (screenshots
 * kept when a journey fails), the development outbox for one-time codes, and the login form.
 *
 * Run: start the API with the development message sender and the demo seed (it serves apps/web/dist), then
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx vitest run -c apps/web/vitest.e2e.config.ts
 * Without E2E_BASE_URL every journey is skipped with that reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, type TestContext } from 'vitest';

export const baseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '');
export const SKIP_REASON =
  'E2E_BASE_URL is not set: start the API serving the built web app and set E2E_BASE_URL (e.g. http://127.0.0.1:3000)';

/** The demo officials' password (apps/api/src/seed/hue-data.ts). */
export const DEMO_PASSWORD = 'OneCity-demo-2026';

export type Citizen = { fullName: string; email: string; password: string; isRegistered: boolean };

/** A citizen unique to this run, registered on first use. */
export function newCitizen(fullName: string, prefix: string): Citizen {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { fullName, email: `e2e.${prefix}.${runId}@example.com`, password: `Song-Huong-${runId}`, isRegistered: false };
}

/**
 * Starts Chromium before the file's journeys and closes it after; `openPage` gives a fresh browser profile
 * (own cookies and storage) at phone size, with a full-page screenshot kept when the journey fails.
 */
export function useBrowser(): { openPage: (context: TestContext) => Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (baseUrl === undefined) {
      console.warn(`Browser journeys skipped. ${SKIP_REASON}`);
      return;
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function openPage(context: TestContext): Promise<Page> {
    if (browser === undefined) throw new Error('Chromium did not start');
    const browserContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    contexts.push(browserContext);
    const page = await browserContext.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    onTestFailed(async () => {
      if (pageErrors.length > 0) console.error(`Errors in the page: ${pageErrors.join(' | ')}`);
      const directory = mkdtempSync(path.join(tmpdir(), 'onecity-e2e-'));
      const file = path.join(directory, `${context.task.name.replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`Screenshot of the failed journey (at ${page.url()}): ${file}`);
    });
    return page;
  }

  return { openPage };
}

/** Reads the newest one-time code the development sender "sent" to `to`, waiting for it briefly. */
export async function readCodeFromDevOutbox(to: string): Promise<string> {
  const url = `${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}; the API must run with the development message sender`);
    }
    const { items } = (await response.json()) as { items: { code: string | null }[] };
    const code = items.find((item) => item.code !== null)?.code;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No code reached the development outbox for ${to}`);
}

/** Registers and verifies the citizen through the API, unless a journey already did so in the browser. */
export async function ensureCitizenExists(citizen: Citizen): Promise<void> {
  if (citizen.isRegistered) return;
  const post = (route: string, body: unknown) =>
    fetch(`${baseUrl}/api/v1${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const registered = await post('/auth/register', {
    login: citizen.email,
    password: citizen.password,
    fullName: citizen.fullName,
  });
  expect(registered.status).toBe(201);
  const verified = await post('/auth/verify', { login: citizen.email, code: await readCodeFromDevOutbox(citizen.email) });
  expect(verified.status).toBe(200);
  citizen.isRegistered = true;
}

/** Fills the login form that a guarded page redirected to, and submits it. */
export async function logInOnForm(page: Page, login: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Số điện thoại hoặc e-mail', { exact: true }).fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}
