import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '@onecity/contracts';
import { makeUser, meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('profile', () => {
  it('sends a visitor to log in first', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/profile' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Fprofile');
  });

  it('shows roles and saves a new name and language, switching the interface', async () => {
    const user = makeUser(['officer']);
    const calls = mockApi({
      'GET /me': meRoute(user),
      'PATCH /me': (request) => ({ body: { ...user, ...(request.body as Partial<User>) } }),
    });
    renderApp({ path: '/profile' });
    await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' });
    const roles = screen.getByRole('region', { name: 'Vai trò' });
    expect(within(roles).getByText('Cán bộ xử lý')).toBeTruthy();
    expect(roles.textContent).toContain('Phường Thuận Hóa');

    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Thị Lan Anh' } });
    fireEvent.change(screen.getByLabelText('Ngôn ngữ của tài khoản'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin' }));

    expect(await screen.findByText('Your details were saved.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'My account' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({ fullName: 'Nguyễn Thị Lan Anh', locale: 'en' });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-from-me');
  });

  it('changes the password, and shows a wrong current password as the API words it', async () => {
    let attempts = 0;
    mockApi({
      'GET /me': meRoute(makeUser()),
      'POST /me/password': () =>
        ++attempts === 1
          ? { status: 400, body: problem(400, 'identity.wrong_password', 'Mật khẩu hiện tại không đúng.') }
          : { status: 204 },
    });
    renderApp({ path: '/profile' });
    await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' });
    const form = screen.getByRole('region', { name: 'Đổi mật khẩu' });
    const fill = () => {
      fireEvent.change(within(form).getByLabelText('Mật khẩu hiện tại'), { target: { value: 'mat-khau-cu-dai' } });
      fireEvent.change(within(form).getByLabelText('Mật khẩu mới'), { target: { value: 'mat-khau-moi-dai-hon' } });
      fireEvent.change(within(form).getByLabelText('Nhập lại mật khẩu mới'), { target: { value: 'mat-khau-moi-dai-hon' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));
    };
    fill();
    expect((await within(form).findByRole('alert')).textContent).toContain('Mật khẩu hiện tại không đúng.');
    fill();
    expect(await within(form).findByText('Đã đổi mật khẩu.')).toBeTruthy();
    expect((within(form).getByLabelText('Mật khẩu mới') as HTMLInputElement).value).toBe('');
  });

  it('checks the new password and its confirmation before calling the API', async () => {
    const calls = mockApi({ 'GET /me': meRoute(makeUser()) });
    renderApp({ path: '/profile' });
    await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' });
    const form = screen.getByRole('region', { name: 'Đổi mật khẩu' });
    fireEvent.change(within(form).getByLabelText('Mật khẩu hiện tại'), { target: { value: 'mat-khau-cu-dai' } });
    fireEvent.change(within(form).getByLabelText('Mật khẩu mới'), { target: { value: 'mat-khau-moi-dai-hon' } });
    fireEvent.change(within(form).getByLabelText('Nhập lại mật khẩu mới'), { target: { value: 'mat-khau-moi-khac' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));

    expect(await within(form).findByText('Mật khẩu nhập lại không khớp.')).toBeTruthy();
    expect(within(form).getByLabelText('Nhập lại mật khẩu mới').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('Mật khẩu mới').getAttribute('aria-invalid')).toBeNull();
    expect(calls.some((call) => call.path === '/me/password')).toBe(false);
  });
});
