import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('verification', () => {
  it('verifies the code and sends the citizen to log in', async () => {
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/verify': { body: { user: makeUser() } },
    });
    renderApp({ path: '/verify-account?login=lan%40example.vn' });
    fireEvent.change(await screen.findByLabelText('Mã xác thực'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác thực' }));

    expect(await screen.findByText('Tài khoản đã được xác thực. Mời bạn đăng nhập.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login?login=lan%40example.vn&verified=1');
    expect((screen.getByLabelText('Số điện thoại hoặc e-mail') as HTMLInputElement).value).toBe('lan@example.vn');
    expect(calls.find((call) => call.path === '/auth/verify')?.body).toEqual({ login: 'lan@example.vn', code: '123456' });
  });

  it('refuses a code that is not 6 digits without calling the API', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/verify-account?login=lan%40example.vn' });
    fireEvent.change(await screen.findByLabelText('Mã xác thực'), { target: { value: '12a4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác thực' }));
    expect(await screen.findByText('Mã xác thực gồm đúng 6 chữ số.')).toBeTruthy();
    expect(calls.some((call) => call.path === '/auth/verify')).toBe(false);
  });

  it("shows the API's message for a wrong code", async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/verify': { status: 400, body: problem(400, 'identity.invalid_code', 'Mã xác thực không đúng hoặc đã hết hạn.') },
    });
    renderApp({ path: '/verify-account?login=lan%40example.vn' });
    fireEvent.change(await screen.findByLabelText('Mã xác thực'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác thực' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Mã xác thực không đúng hoặc đã hết hạn.');
  });

  it('resends the code, then waits before allowing another resend', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined), 'POST /auth/resend-code': { status: 202 } });
    renderApp({ path: '/verify-account?login=lan%40example.vn' });
    fireEvent.click(await screen.findByRole('button', { name: 'Gửi lại mã' }));
    expect(await screen.findByText('Đã gửi một mã mới.')).toBeTruthy();
    expect(calls.find((call) => call.path === '/auth/resend-code')?.body).toEqual({ login: 'lan@example.vn' });
    expect((screen.getByRole('button', { name: /Gửi lại mã sau/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the development hint only when the API has a development outbox', async () => {
    mockApi({ 'GET /me': meRoute(undefined), 'GET /dev/outbox': { body: { items: [] } } });
    renderApp({ path: '/verify-account?login=lan%40example.vn' });
    const link = await screen.findByRole('link', { name: 'Xem các mã đã gửi' });
    expect(link.getAttribute('href')).toBe('/api/v1/dev/outbox?to=lan%40example.vn');
  });

  it('shows no development hint in production (outbox answers 404)', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/verify-account?login=lan%40example.vn' });
    await screen.findByRole('heading', { level: 1, name: 'Xác thực tài khoản' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('link', { name: 'Xem các mã đã gửi' })).toBeNull();
  });
});
