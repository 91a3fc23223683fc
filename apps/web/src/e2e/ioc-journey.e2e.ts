/**
 * The operations centre in the browser: the IOC operator keeps /ioc open while a citizen files a field report, and the
 * dashboard shows it arrive without a reload (the open-reports counter, the map's count and the latest changes, all
 * pushed over server-sent events); then the operator drills down from a ward's on-time figure (Decision 766, indicator
 * 2.1) to the dossiers that were not handled on time, and those dossiers are late by the procedures module's own
 * record. How to run: see harness.ts.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_REASON, baseUrl, ensureCitizenExists, logInOnForm, newCitizen, useBrowser } from './harness.ts';

const IOC = { login: 'ioc@demo.onecity.local', password: DEMO_PASSWORD };
/** The ward's unit lead, who may read the ward's dossiers (the IOC sees their facts only). */
const WARD_LEAD = { login: 'ward.lead@demo.onecity.local', password: DEMO_PASSWORD };
const citizen = newCitizen('Phan Văn Đức', 'ioc');
const { openPage } = useBrowser();

/** Phường Phú Xuân: damaged roads there go to the ward's own division, and need no photo. */
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };

/** A bearer token for an account, through the API's login. */
async function logInToApi(login: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  return token;
}

async function apiGet<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** The number a locator shows ("1.234" in Vietnamese), or NaN. */
async function numberIn(locator: Locator): Promise<number> {
  return Number(((await locator.textContent()) ?? '').replace(/[^0-9]/g, '') || Number.NaN);
}

/** A local date in Huế, `days` from today. */
function cityDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('operations centre journey', () => {
  it('shows a new report live, then drills down from a ward’s on-time figure to its late dossiers', async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    await ensureCitizenExists(citizen);

    // The operator opens the operations centre and logs in on the way.
    const page = await openPage(context);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/ioc`);
    await logInOnForm(page, IOC.login, IOC.password);
    await page.getByRole('heading', { level: 1, name: 'Trung tâm điều hành' }).waitFor();
    await page.getByText('Đang cập nhật trực tiếp', { exact: false }).waitFor();
    const counters = page.getByRole('list', { name: 'Số liệu đang diễn ra' });
    const openReports = counters.locator('li.kpi-card', { has: page.getByRole('heading', { name: 'Phản ánh đang xử lý', exact: true }) }).locator('.kpi-card__value');
    const mapCount = page.getByText(/^Đang hiển thị \d+ phản ánh\.$/);
    await mapCount.waitFor();
    const openBefore = await numberIn(openReports);
    const onMapBefore = await numberIn(mapCount);
    expect(openBefore).toBeGreaterThanOrEqual(0);
    // Anything that reloads the page would lose this mark.
    await page.evaluate(() => document.documentElement.setAttribute('data-journey-mark', 'still-open'));

    // Meanwhile a citizen files a report from the app.
    const token = await logInToApi(citizen.email, citizen.password);
    const filed = await fetch(`${baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ categoryCode: 'ROAD_DAMAGE', description: 'Ổ gà lớn giữa đường Lê Lợi, xe máy dễ ngã khi trời mưa.', location: PHU_XUAN }),
    });
    expect(filed.status).toBe(201);
    const { code } = (await filed.json()) as { code: string };
    expect(code).toMatch(/^PA-[0-9]{6}-[0-9]{4,}$/);

    // The dashboard shows it without a reload: the counter, the latest changes and the map.
    await expect.poll(() => numberIn(openReports), { timeout: 15_000 }).toBe(openBefore + 1);
    // Filing writes more than one event (received, then routed to the ward's division): each is listed.
    await page.getByRole('region', { name: 'Thay đổi mới nhất' }).getByText(code).first().waitFor();
    await expect.poll(() => numberIn(mapCount), { timeout: 15_000 }).toBe(onMapBefore + 1);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-journey-mark'))).toBe('still-open');

    // The operator turns to Decision 766 for Phường Phú Xuân over the last month and a fortnight ahead (a dossier filed
    // after office hours counts as received the next working day).
    await page.getByRole('button', { name: 'Chỉ số 766' }).click();
    await page.getByLabel('Cơ quan, đơn vị').selectOption({ label: 'Phường Phú Xuân' });
    await page.getByLabel('Từ ngày').fill(cityDate(-30));
    await page.getByLabel('Đến ngày').fill(cityDate(14));
    const progress = page.getByRole('table', { name: 'Tiến độ giải quyết' });
    const onTime = progress.getByRole('row', { name: /^2\.1 / });
    await onTime.waitFor();
    // The on-time figure falls short, and says by how many.
    const unmet = onTime.getByRole('link', { name: 'Xem các mục không đạt của chỉ số 2.1 (Hồ sơ giải quyết đúng hạn, trước hạn)' });
    const missing = await numberIn(unmet);
    expect(missing).toBeGreaterThanOrEqual(1);
    await unmet.click();

    const drill = page.getByRole('region', { name: 'Chỉ số 2.1 — Hồ sơ giải quyết đúng hạn, trước hạn: các mục không đạt' });
    await drill.waitFor();
    const rows = drill.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(missing);
    const late = drill.locator('tbody tr', { hasText: 'Giải quyết quá hạn' });
    await late.first().waitFor();
    const codes = (await late.locator('th').allTextContents()).map((text) => text.trim());
    expect(codes.length).toBeGreaterThanOrEqual(1);
    for (const dossierCode of codes) expect(dossierCode).toMatch(/^PHUXUAN-[0-9]{6}-[0-9]{4,}$/);
    await late.first().getByText(/Hoàn thành lúc: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    // The link can be shared: it reopens the same list.
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('2.1');
    expect(new URL(page.url()).searchParams.get('items')).toBe('unmet');

    // Those dossiers are late by the procedures module's own record: finished after a second supplement request, which
    // Decision 766 counts as overdue, and counted late in the ward's dossier statistics.
    const lead = await logInToApi(WARD_LEAD.login, WARD_LEAD.password);
    for (const dossierCode of codes) {
      const dossier = await apiGet<{ finishedAt: string | null; supplementRequests: unknown[]; agencyCode: string }>(`/dossiers/${encodeURIComponent(dossierCode)}`, lead);
      expect(dossier.agencyCode).toBe('PHUXUAN');
      expect(dossier.finishedAt).not.toBeNull();
      expect(dossier.supplementRequests.length).toBeGreaterThan(1);
    }
    const statistics = await apiGet<{ doneLate: number }>(`/dossiers/statistics?agencyCode=PHUXUAN&from=${cityDate(-30)}&to=${cityDate(14)}`, lead);
    expect(statistics.doneLate).toBeGreaterThanOrEqual(codes.length);
  });
});
