import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

function fillRegistration(values: { fullName?: string; login?: string; password?: string; confirmPassword?: string }) {
  const set = (label: string, value: string | undefined) => {
    if (value !== undefined) fireEvent.change(screen.getByLabelText(label), { target: { value } });
  };
  set('Họ và tên', values.fullName);
  set('Số điện thoại hoặc e-mail', values.login);
  set('Mật khẩu', values.password);
  set('Nhập lại mật khẩu', values.confirmPassword);
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
const registerCalls = (calls: { method: string; path: string }[]) =>
  calls.filter((call) => call.method === 'POST' && call.path === '/auth/register');

describe('registration form', () => {
  it('rejects a password shorter than 10 characters without calling the API', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/register' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản' });
    fillRegistration({ fullName: 'Trần Văn Minh', login: 'minh@example.vn', password: 'short123', confirmPassword: 'short123' });
    submit();

    const password = screen.getByLabelText('Mật khẩu');
    expect(await screen.findByText('Mật khẩu cần ít nhất 10 ký tự.')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the input, so a screen reader reads it with the field.
    const describedBy = password.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Mật khẩu cần ít nhất 10 ký tự.');
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(registerCalls(calls)).toHaveLength(0);
  });

  it('rejects a confirmation that does not match without calling the API', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/register' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản' });
    fillRegistration({
      fullName: 'Trần Văn Minh',
      login: '0912345678',
      password: 'mot-cau-dai-de-nho',
      confirmPassword: 'mot-cau-dai-khac',
    });
    submit();

    expect(await screen.findByText('Mật khẩu nhập lại không khớp.')).toBeTruthy();
    expect(screen.getByLabelText('Nhập lại mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(registerCalls(calls)).toHaveLength(0);
  });

  it('requires every field', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/register' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản' });
    submit();
    expect((await screen.findAllByText('Vui lòng nhập thông tin này.')).length).toBe(4);
    expect(registerCalls(calls)).toHaveLength(0);
  });

  it('registers with the chosen language and goes on to /verify', async () => {
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/register': {
        status: 201,
        body: { user: makeUser([], { isVerified: false }), verification: { channel: 'sms', destination: '091****678' } },
      },
    });
    renderApp({ path: '/register' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản' });
    fillRegistration({
      fullName: '  Trần Văn Minh ',
      login: '091 234 5678',
      password: 'mot-cau-dai-de-nho',
      confirmPassword: 'mot-cau-dai-de-nho',
    });
    submit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Xác thực tài khoản' })).toBeTruthy();
    expect(screen.getByText('Mã xác thực đã được gửi đến 091****678.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/verify-account?login=0912345678');
    expect(registerCalls(calls)[0]).toMatchObject({
      body: { login: '0912345678', password: 'mot-cau-dai-de-nho', fullName: 'Trần Văn Minh', locale: 'vi' },
    });
  });

  it("shows the API's localised problem detail and its field errors next to the fields", async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/register': {
        status: 409,
        body: problem(409, 'identity.login_taken', 'Số điện thoại hoặc e-mail này đã được đăng ký.', [
          { field: '/login', message: 'Đã có tài khoản dùng địa chỉ này.' },
        ]),
      },
    });
    renderApp({ path: '/register' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản' });
    fillRegistration({
      fullName: 'Trần Văn Minh',
      login: 'minh@example.vn',
      password: 'mot-cau-dai-de-nho',
      confirmPassword: 'mot-cau-dai-de-nho',
    });
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Số điện thoại hoặc e-mail này đã được đăng ký.');
    expect(screen.getByText('Đã có tài khoản dùng địa chỉ này.')).toBeTruthy();
    expect(screen.getByLabelText('Số điện thoại hoặc e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản' })).toBeTruthy();
  });

  it('has a show/hide button for the password', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/register' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản' });
    const password = screen.getByLabelText('Mật khẩu');
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Hiện mật khẩu' }));
    expect(password.getAttribute('type')).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Ẩn mật khẩu' }));
    expect(password.getAttribute('type')).toBe('password');
  });
});
