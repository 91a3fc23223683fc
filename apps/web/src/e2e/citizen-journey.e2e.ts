/**
 * Browser journeys through the built web app served by the API, in Debian's Chromium.
 *
 * Run: start the API with the development message sender and the demo seed (it serves apps/web/dist), then
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx vitest run -c apps/web/vitest.e2e.config.ts
 * Without E2E_BASE_URL every journey is skipped with that reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed, type TestContext } from 'vitest';

const baseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '');
const SKIP_REASON =
  'E2E_BASE_URL is not set: start the API serving the built web app and set E2E_BASE_URL (e.g. http://127.0.0.1:3000)';

const WARD_OFFICER = { login: 'ward.officer@demo.onecity.local', password: 'OneCity-demo-2026' };
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const citizen = {
  fullName: 'Phạm Thị Hoa',
  email: `e2e.citizen.${runId}@example.com`,
  password: `Song-Huong-${runId}`,
  isRegistered: false,
};

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

/** A fresh browser profile (own cookies and storage), with screenshots kept when the test fails. */
async function openPage(context: TestContext): Promise<Page> {
  if (browser === undefined) throw new Error('Chromium did not start');
  const browserContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
  contexts.push(browserContext);
  const page = await browserContext.newPage();
  page.setDefaultTimeout(15_000);
  onTestFailed(async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'onecity-e2e-'));
    const file = path.join(directory, `${context.task.name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`Screenshot of the failed journey (at ${page.url()}): ${file}`);
  });
  return page;
}

/** Reads the newest one-time code the development sender "sent" to `to`, waiting for it briefly. */
async function readCodeFromDevOutbox(to: string): Promise<string> {
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

/** Registers and verifies the citizen through the API when the first journey did not (e.g. run alone). */
async function ensureCitizenExists(): Promise<void> {
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
async function logInOnForm(page: Page, login: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Số điện thoại hoặc e-mail', { exact: true }).fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

describe('citizen journey', () => {
  it('registers, verifies, logs in, switches to English and logs out', async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    const page = await openPage(context);

    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Xin chào!' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Đăng ký', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản' }).waitFor();
    await page.getByLabel('Họ và tên', { exact: true }).fill(citizen.fullName);
    await page.getByLabel('Số điện thoại hoặc e-mail', { exact: true }).fill(citizen.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password);
    await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(citizen.password);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    await page.getByRole('heading', { level: 1, name: 'Xác thực tài khoản' }).waitFor();
    expect(new URL(page.url()).searchParams.get('login')).toBe(citizen.email);
    const code = await readCodeFromDevOutbox(citizen.email);
    expect(code).toMatch(/^[0-9]{6}$/);
    await page.getByLabel('Mã xác thực', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Xác thực', exact: true }).click();
    citizen.isRegistered = true;

    await page.getByText('Tài khoản đã được xác thực. Mời bạn đăng nhập.').waitFor();
    expect(await page.getByLabel('Số điện thoại hoặc e-mail', { exact: true }).inputValue()).toBe(citizen.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: `Xin chào, ${citizen.fullName}!` }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Dịch vụ cho người dân' }).isVisible()).toBe(true);
    expect(await page.getByText('Phản ánh hiện trường').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${citizen.fullName}!` }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Services for citizens' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('banner').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByText('You have logged out.').waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).waitFor();

    // The session is gone on the server too, and the language choice survives the reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hello!' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).waitFor();
    expect(await page.getByRole('banner').getByRole('link', { name: 'Account' }).count()).toBe(0);
  });
});

describe('staff journey', () => {
  it('opens the staff console for a ward officer, and keeps a citizen out of the operations centre', async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);

    const officerPage = await openPage(context);
    await officerPage.goto(`${baseUrl}/console`);
    await officerPage.waitForURL(/\/login\?next=%2Fconsole$/);
    await logInOnForm(officerPage, WARD_OFFICER.login, WARD_OFFICER.password);
    await officerPage.getByRole('heading', { level: 1, name: 'Bàn làm việc cán bộ' }).waitFor();
    expect(new URL(officerPage.url()).pathname).toBe('/console');
    const sections = officerPage.getByRole('navigation', { name: 'Các mục của bàn làm việc' });
    expect(await sections.getByRole('link', { name: /Hàng đợi phản ánh/ }).isVisible()).toBe(true);

    await ensureCitizenExists();
    const citizenPage = await openPage(context);
    await citizenPage.goto(`${baseUrl}/ioc`);
    await citizenPage.waitForURL(/\/login\?next=%2Fioc$/);
    await logInOnForm(citizenPage, citizen.email, citizen.password);
    await citizenPage.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    expect(new URL(citizenPage.url()).pathname).toBe('/ioc');
    expect(await citizenPage.getByText(/lỗi 403/).isVisible()).toBe(true);
    expect(await citizenPage.getByRole('heading', { name: 'Chỉ số vận hành' }).count()).toBe(0);
  });
});
