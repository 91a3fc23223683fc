/**
 * Browser journeys through the built web app served by the API, in Debian's Chromium: a citizen's account and
 * the staff console's door. How to run them: see harness.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_REASON, baseUrl, ensureCitizenExists, logInOnForm, newCitizen, readCodeFromDevOutbox, useBrowser } from './harness.ts';

const WARD_OFFICER = { login: 'ward.officer@demo.onecity.local', password: DEMO_PASSWORD };
const citizen = newCitizen('Phạm Thị Hoa', 'citizen');
const { openPage } = useBrowser();

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

    await ensureCitizenExists(citizen);
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
