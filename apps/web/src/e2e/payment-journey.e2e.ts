/**
 * Paying a dossier's fee online in the browser, both ways the sandbox offers (PAYMENT_PROVIDERS=sandbox, the default
 * outside production; scripts/test.ts names it). Each journey makes its own dossier in "fee due", so it runs again and
 * again on one server: a fresh citizen files a copy of a civil status extract (2.000635, 8.000 đồng) at Phường Phú
 * Xuân through the API and the ward's one-stop desk accepts it, which holds it until the fee is paid.
 * 1. VietQR: the citizen sees the amount and the QR code (a real PNG holding the payload shown beside it), makes the
 *    sandbox bank report the transfer, and — without a reload — sees the payment confirmed, the dossier accepted and
 *    the receipt (biên lai) offered; the receipt is a PDF stating the amount.
 * 2. Card/e-wallet: the citizen goes to the sandbox gateway's payment page (the VNPay-compatible flow), pays, comes
 *    back to the dossier and sees it accepted with its receipt.
 * The server must run with PUBLIC_URL equal to E2E_BASE_URL (the gateway returns there). How to run: see harness.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_REASON, baseUrl, ensureCitizenExists, logInOnForm, newCitizen, useBrowser, type Citizen } from './harness.ts';

const DESK_OFFICER = 'desk.officer@demo.onecity.local';
/** A copy of a civil status extract: one required component, a fee of 8.000 đồng (seed/procedure-catalogue.ts). */
const PROCEDURE = { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', componentCode: 'to_khai' };
const FEE_TEXT = /^8\.000\s₫$/;

const { openPage } = useBrowser();
const workDir = mkdtempSync(path.join(tmpdir(), 'onecity-payment-e2e-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** One API call with a bearer token (the setup the journeys start from). */
async function apiCall(token: string | null, method: string, route: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}), ...(contentType === 'application/pdf' ? { 'x-file-name': 'to-khai-trich-luc.pdf' } : {}) },
    body: body === undefined ? undefined : body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function bearerToken(login: string, password: string): Promise<string> {
  const answer = await apiCall(null, 'POST', '/auth/login', { login, password });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json.token as string;
}

/** A fresh citizen's dossier of the fee-bearing procedure, accepted by the ward's desk and so waiting for its fee. */
async function dossierInFeeDue(citizen: Citizen): Promise<string> {
  await ensureCitizenExists(citizen);
  const token = await bearerToken(citizen.email, citizen.password);
  const form = await PDFDocument.create();
  const font = await form.embedFont(StandardFonts.Helvetica);
  form.addPage([420, 595]).drawText('To khai cap ban sao trich luc ho tich', { x: 30, y: 540, size: 12, font });
  const upload = await apiCall(token, 'POST', '/dossiers/files', new Uint8Array(await form.save()), 'application/pdf');
  expect(upload.status, JSON.stringify(upload.json)).toBe(201);
  const filed = await apiCall(token, 'POST', '/dossiers', {
    procedureCode: PROCEDURE.code,
    agencyCode: 'PHUXUAN',
    applicant: { fullName: citizen.fullName, idNumber: '046190000456', phone: '0905000002', email: citizen.email, address: '5 Đinh Tiên Hoàng, phường Phú Xuân, thành phố Huế' },
    formData: { eventType: 'birth', subjectFullName: citizen.fullName, subjectBirthDate: '1990-05-01', copies: 1 },
    components: [{ componentCode: PROCEDURE.componentCode, fileIds: [upload.json.fileId] }],
    deliveryMethod: 'online',
  });
  expect(filed.status, JSON.stringify(filed.json)).toBe(201);
  const code = filed.json.code as string;
  const desk = await bearerToken(DESK_OFFICER, DEMO_PASSWORD);
  const accepted = await apiCall(desk, 'POST', `/dossiers/${encodeURIComponent(code)}/actions`, { type: 'accept', note: 'Hồ sơ hợp lệ, chờ nộp phí.' });
  expect(accepted.json.status, JSON.stringify(accepted.json)).toBe('fee_due');
  return code;
}

/** Records the Idempotency-Key of every payments POST the page sends, by path. */
function watchMoneyRequests(page: Page): Map<string, (string | undefined)[]> {
  const keys = new Map<string, (string | undefined)[]>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() !== 'POST' || !url.pathname.startsWith('/api/v1/payments/')) return;
    keys.set(url.pathname, [...(keys.get(url.pathname) ?? []), request.headers()['idempotency-key']]);
  });
  return keys;
}

/** The status badge of the citizen's dossier page. */
const citizenStatus = (page: Page) => page.locator('.report-page__status .status-badge');

/** Opens the dossier page, logging the citizen in on the way, and waits for the fee box. */
async function openFeeDueDossier(page: Page, citizen: Citizen, code: string) {
  await page.goto(`${baseUrl}/dossiers/${encodeURIComponent(code)}`);
  await logInOnForm(page, citizen.email, citizen.password);
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  await expect.poll(() => citizenStatus(page).textContent()).toBe('Yêu cầu thực hiện nghĩa vụ tài chính');
  const feeBox = page.getByRole('region', { name: 'Nộp phí, lệ phí' });
  await feeBox.waitFor();
  return feeBox;
}

/** Downloads the receipt the dossier page offers and returns its text (pdftotext), after checking it is a PDF. */
async function downloadReceipt(page: Page, name: string): Promise<string> {
  const receipt = page.getByRole('region', { name: 'Biên lai thu phí, lệ phí' });
  const link = receipt.getByRole('link', { name: 'Tải biên lai (PDF)' });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(workDir, `${name}.pdf`);
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

describe('paying a fee online', () => {
  it('by bank transfer with the VietQR code: the page confirms the payment by itself, the dossier moves on, the receipt is a PDF', { timeout: 120_000 }, async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    const citizen = newCitizen('Lê Thị Thu', 'vietqr');
    const code = await dossierInFeeDue(citizen);
    const browser = await openPage(context);
    const sent = watchMoneyRequests(browser);
    const feeBox = await openFeeDueDossier(browser, citizen, code);

    // The amount in đồng, fee by fee, and the VietQR code with what it holds.
    await expect.poll(() => feeBox.locator('.fee-due__total strong').textContent()).toMatch(FEE_TEXT);
    const qr = feeBox.getByRole('region', { name: 'Chuyển khoản bằng mã VietQR' });
    const image = qr.getByRole('img', { name: new RegExp(`^Mã VietQR nộp 8\\.000\\s₫ cho hồ sơ ${code}$`) });
    await image.waitFor();
    await expect.poll(() => image.evaluate((element) => ((element as HTMLImageElement).complete ? (element as HTMLImageElement).naturalWidth : 0))).toBeGreaterThan(0);
    await expect.poll(() => qr.getByRole('term').filter({ hasText: /^Số tiền$/ }).locator('xpath=following-sibling::dd[1]').textContent()).toMatch(FEE_TEXT);
    const reference = ((await qr.locator('code').textContent()) ?? '').trim();
    expect(reference).toMatch(/^OC[0-9A-Z]{12}$/);
    const payload = ((await qr.getByTestId('vietqr-payload').textContent()) ?? '').trim();
    expect(payload).toContain(reference);
    // The image is a real PNG (fetched with the citizen's session) that a QR reader decodes to the payload shown.
    const png = await browser.request.get(new URL((await image.getAttribute('src')) ?? '', baseUrl).toString());
    expect(png.status()).toBe(200);
    const pngBytes = await png.body();
    expect(pngBytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    const pngFile = path.join(workDir, 'vietqr.png');
    writeFileSync(pngFile, pngBytes);
    expect(execFileSync('zbarimg', ['--raw', '-q', pngFile], { encoding: 'utf8' }).trim()).toBe(payload);

    // The sandbox bank reports the transfer; the page is not reloaded (the marker set now survives).
    await browser.evaluate(() => {
      (window as unknown as { paymentJourney?: string }).paymentJourney = 'same page';
    });
    const sandbox = feeBox.getByRole('complementary', { name: 'Môi trường thử nghiệm (sandbox)' });
    await sandbox.getByRole('button', { name: 'Sandbox: giả lập chuyển khoản thành công' }).click();

    await browser.getByRole('status').getByText('Đã ghi nhận thanh toán.').waitFor();
    await expect.poll(() => citizenStatus(browser).textContent()).toBe('Được tiếp nhận');
    expect(await browser.getByRole('region', { name: 'Nộp phí, lệ phí' }).count()).toBe(0);
    await browser.getByRole('term').filter({ hasText: /^Phí, lệ phí$/ }).locator('xpath=following-sibling::dd[1]').getByText(/đã thanh toán trực tuyến lúc/).waitFor();
    await browser.getByRole('region', { name: 'Quá trình xử lý' }).getByText('Ghi nhận nộp phí, lệ phí → Được tiếp nhận', { exact: true }).waitFor();
    const receiptBox = browser.getByRole('region', { name: 'Biên lai thu phí, lệ phí' });
    await receiptBox.getByText(/^Đã thanh toán 8\.000\s₫ qua VietQR lúc /).waitFor();
    expect(await browser.evaluate(() => (window as unknown as { paymentJourney?: string }).paymentJourney)).toBe('same page');
    // Opening the intent and the transfer order each carried an Idempotency-Key.
    for (const route of ['/api/v1/payments/intents', '/api/v1/payments/sandbox/bank-feed/credits']) {
      expect(sent.get(route)?.length, route).toBeGreaterThanOrEqual(1);
      for (const key of sent.get(route) ?? []) expect(key, route).toMatch(/^[0-9a-f]{32}$/);
    }

    const text = await downloadReceipt(browser, 'bien-lai-vietqr');
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Tổng số tiền: 8.000 đồng');
    expect(text).toContain(code);
    expect(text).toContain(reference);
    expect(text).toContain('chuyển khoản qua mã VietQR');

    // The receipt is among the citizen's documents too, named as what it is.
    await browser.goto(`${baseUrl}/documents/mine`);
    await browser.getByText(`BL-${reference}`, { exact: false }).first().waitFor();
    await browser.getByText(/Biên lai thu phí, lệ phí/).first().waitFor();
  });

  it('by card or e-wallet through the sandbox gateway: pays on its page, comes back, and the dossier has moved on', { timeout: 120_000 }, async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    const citizen = newCitizen('Phan Văn Long', 'vnpay');
    const code = await dossierInFeeDue(citizen);
    const browser = await openPage(context);
    const sent = watchMoneyRequests(browser);
    const feeBox = await openFeeDueDossier(browser, citizen, code);

    await feeBox.getByRole('button', { name: 'Thẻ/Ví điện tử (VNPay)' }).click();
    // The gateway's page (the sandbox's stand-in), reached with the payment URL the API signed.
    await browser.waitForURL((url) => url.pathname === '/api/v1/payments/sandbox/vnpay/pay' && url.searchParams.has('vnp_SecureHash'));
    await browser.getByRole('heading', { level: 1, name: 'Thanh toán thẻ/ví điện tử' }).waitFor();
    await browser.getByText(/MÔI TRƯỜNG THỬ NGHIỆM \(SANDBOX\)/).waitFor();
    expect(((await browser.locator('.amount').textContent()) ?? '').trim()).toMatch(FEE_TEXT);
    expect(new URL(browser.url()).searchParams.get('vnp_Amount')).toBe('800000');
    const attempts = [...sent].find(([route]) => /^\/api\/v1\/payments\/intents\/[0-9a-f-]{36}\/attempts$/.test(route))?.[1] ?? [];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatch(/^[0-9a-f]{32}$/);
    await browser.getByRole('button', { name: 'Thanh toán thành công', exact: true }).click();

    // Back on the dossier page: the IPN came first, so the dossier is accepted and the receipt offered.
    await browser.waitForURL((url) => url.pathname === `/dossiers/${encodeURIComponent(code)}`);
    expect(new URL(browser.url()).searchParams.get('payment')).toBe('success');
    await browser.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await expect.poll(() => citizenStatus(browser).textContent()).toBe('Được tiếp nhận');
    expect(await browser.getByRole('region', { name: 'Nộp phí, lệ phí' }).count()).toBe(0);
    await browser.getByRole('region', { name: 'Quá trình xử lý' }).getByText('Ghi nhận nộp phí, lệ phí → Được tiếp nhận', { exact: true }).waitFor();
    await browser.getByRole('region', { name: 'Biên lai thu phí, lệ phí' }).getByText(/^Đã thanh toán 8\.000\s₫ qua VNPay lúc /).waitFor();

    const text = await downloadReceipt(browser, 'bien-lai-vnpay');
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Tổng số tiền: 8.000 đồng');
    expect(text).toContain(code);
    expect(text).toContain('thẻ, ví điện tử qua cổng thanh toán VNPay');
  });
});
