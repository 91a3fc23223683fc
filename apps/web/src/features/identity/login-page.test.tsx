import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

function logIn(login: string, password: string) {
  fireEvent.change(screen.getByLabelText('Số điện thoại hoặc e-mail'), { target: { value: login } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe('login', () => {
  it('opens a cookie session, returns to the requested page, and sends the CSRF token afterwards', async () => {
    const officer = makeUser(['officer']);
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/login': { body: { user: officer, csrfToken: 'csrf-from-login', expiresAt: '2026-12-01T00:00:00Z' } },
      'POST /auth/logout': { status: 204 },
    });
    renderApp({ path: '/login?next=%2Fconsole' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    logIn('officer@example.vn', 'mat-khau-bat-ky');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bàn làm việc cán bộ' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/console');
    const login = calls.find((call) => call.path === '/auth/login');
    expect(login?.body).toEqual({ login: 'officer@example.vn', password: 'mat-khau-bat-ky', session: 'cookie' });

    fireEvent.click(screen.getByRole('link', { name: 'Tài khoản' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByText('Bạn đã đăng xuất.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Xin chào!' })).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('link', { name: 'Đăng nhập' })).toBeTruthy();
    expect(calls.find((call) => call.path === '/auth/logout')?.headers['x-csrf-token']).toBe('csrf-from-login');
  });

  it("shows the API's message for wrong credentials", async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/login': { status: 401, body: problem(401, 'identity.invalid_credentials', 'Sai thông tin đăng nhập.') },
    });
    renderApp({ path: '/login' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    logIn('lan@example.vn', 'sai-mat-khau');
    expect((await screen.findByRole('alert')).textContent).toContain('Sai thông tin đăng nhập.');
  });

  it('offers to verify an account that is not verified yet', async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/login': { status: 403, body: problem(403, 'identity.not_verified', 'Tài khoản chưa được xác thực.') },
    });
    renderApp({ path: '/login' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    logIn('lan@example.vn', 'mot-cau-dai-de-nho');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tài khoản chưa được xác thực.');
    expect(within(alert).getByRole('link', { name: 'Nhập mã xác thực' }).getAttribute('href')).toBe('/verify-account?login=lan%40example.vn');
  });

  it('shows the lock message of a locked account in the chosen language', async () => {
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/login': (request) => ({
        status: 423,
        body: problem(
          423,
          'identity.account_locked',
          request.headers['accept-language'] === 'en' ? 'The account is locked for 15 minutes.' : 'Tài khoản bị khóa 15 phút.',
        ),
      }),
    });
    renderApp({ path: '/login', locale: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Log in' });
    fireEvent.change(screen.getByLabelText('Phone number or e-mail'), { target: { value: 'lan@example.vn' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'whatever-it-is' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The account is locked for 15 minutes.');
    expect(calls.find((call) => call.path === '/auth/login')?.headers['accept-language']).toBe('en');
  });
});
