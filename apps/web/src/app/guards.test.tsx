import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi } from '../test/api-mock.ts';
import { renderApp } from '../test/render-app.tsx';
import { safeNextPath } from './guards.tsx';

const location = () => screen.getByTestId('location').textContent;

describe('role guards', () => {
  it('sends a visitor to /login with the page to come back to', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/console/audit' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeTruthy();
    expect(location()).toBe('/login?next=%2Fconsole%2Faudit');
  });

  it('shows "no access" to a citizen opening the operations centre', async () => {
    mockApi({ 'GET /me': meRoute(makeUser()) });
    renderApp({ path: '/ioc' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeTruthy();
    expect(screen.getByText(/lỗi 403/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Trung tâm điều hành' })).toBeNull();
    expect(location()).toBe('/ioc');
  });

  it('shows "no access" to a citizen opening the console', async () => {
    mockApi({ 'GET /me': meRoute(makeUser()) });
    renderApp({ path: '/console' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeTruthy();
  });

  it('opens the console for an officer, without the admin sections', async () => {
    mockApi({ 'GET /me': meRoute(makeUser(['officer'])) });
    renderApp({ path: '/console' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bàn làm việc cán bộ' })).toBeTruthy();
    const sections = screen.getByRole('navigation', { name: 'Các mục của bàn làm việc' });
    expect(sections.textContent).toContain('Hàng đợi phản ánh');
    expect(sections.textContent).not.toContain('Người dùng');
    expect(sections.textContent).not.toContain('Nhật ký kiểm toán');
  });

  it('keeps an officer out of the admin user list even by direct address', async () => {
    const calls = mockApi({ 'GET /me': meRoute(makeUser(['officer'])) });
    renderApp({ path: '/console/admin/users' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeTruthy();
    expect(calls.some((call) => call.path.startsWith('/admin/users'))).toBe(false);
  });

  it('opens the operations centre for an IOC operator', async () => {
    mockApi({
      'GET /me': meRoute(makeUser(['ioc_operator'])),
      'GET /areas': {
        body: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: null, properties: { code: '19753', nameVi: 'Phường Thuận Hóa', nameEn: 'Thuan Hoa Ward', kind: 'ward' } },
            { type: 'Feature', geometry: null, properties: { code: '19900', nameVi: 'Xã Phú Vang', nameEn: 'Phu Vang Commune', kind: 'commune' } },
          ],
        },
      },
    });
    renderApp({ path: '/ioc' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Trung tâm điều hành' })).toBeTruthy();
    // The page itself (live figures, Decision 766, scorecards) is tested in features/ioc.
    expect(screen.getByRole('button', { name: 'Chế độ màn hình lớn' })).toBeTruthy();
  });
});

describe('safeNextPath', () => {
  it('accepts only paths inside the app', () => {
    expect(safeNextPath('/console?x=1')).toBe('/console?x=1');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
  });
});
