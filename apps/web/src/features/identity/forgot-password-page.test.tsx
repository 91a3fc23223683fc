import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meRoute, mockApi, type RecordedRequest } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

const confirmCalls = (calls: RecordedRequest[]) =>
  calls.filter((call) => call.method === 'POST' && call.path === '/auth/password-reset/confirm');

/** Opens /forgot-password and asks for a code for lan@example.vn, which moves the page to its second step. */
async function requestCode() {
  renderApp({ path: '/forgot-password' });
  await screen.findByRole('heading', { level: 1, name: 'Quên mật khẩu' });
  fireEvent.change(screen.getByLabelText('Số điện thoại hoặc e-mail'), { target: { value: ' lan@example.vn ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Gửi mã' }));
  await screen.findByText('Nếu lan@example.vn đã đăng ký, một mã đặt lại mật khẩu vừa được gửi đến đó.');
}

function fillReset(values: { code: string; newPassword: string; confirmPassword: string }) {
  fireEvent.change(screen.getByLabelText('Mã xác thực'), { target: { value: values.code } });
  fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: values.newPassword } });
  fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu mới'), { target: { value: values.confirmPassword } });
  fireEvent.click(screen.getByRole('button', { name: 'Đặt lại mật khẩu' }));
}

describe('forgot password', () => {
  it('asks for a code, then sets the new password and sends the citizen to log in', async () => {
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'POST /auth/password-reset/request': { status: 202 },
      'POST /auth/password-reset/confirm': { status: 204 },
    });
    await requestCode();
    expect(calls.find((call) => call.path === '/auth/password-reset/request')?.body).toEqual({ login: 'lan@example.vn' });

    fillReset({ code: '12 34-56', newPassword: 'mot-cau-dai-de-nho', confirmPassword: 'mot-cau-dai-de-nho' });
    expect(await screen.findByText('Mật khẩu đã được đặt lại. Mời bạn đăng nhập bằng mật khẩu mới.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login?login=lan%40example.vn&reset=1');
    // The code field keeps digits only, whatever was typed or pasted.
    expect(confirmCalls(calls)[0]?.body).toEqual({ login: 'lan@example.vn', code: '123456', newPassword: 'mot-cau-dai-de-nho' });
  });

  it('rejects a short new password and a confirmation that does not match, without calling the API', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined), 'POST /auth/password-reset/request': { status: 202 } });
    await requestCode();

    fillReset({ code: '123456', newPassword: 'short123', confirmPassword: 'short124' });
    expect(await screen.findByText('Mật khẩu cần ít nhất 10 ký tự.')).toBeTruthy();
    expect(screen.getByText('Mật khẩu nhập lại không khớp.')).toBeTruthy();
    expect(screen.getByLabelText('Mật khẩu mới').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Nhập lại mật khẩu mới').getAttribute('aria-invalid')).toBe('true');
    expect(confirmCalls(calls)).toHaveLength(0);
  });
});
