import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Agency } from '@onecity/contracts';
import { makeUser, meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

const agencies: Agency[] = [
  {
    id: '10000000-0000-4000-8000-000000000001',
    code: 'HUE',
    nameVi: 'Thành phố Huế',
    nameEn: 'Hue City',
    kind: 'city',
    parentId: null,
    path: 'HUE',
    isActive: true,
  },
  {
    id: '10000000-0000-4000-8000-000000000002',
    code: 'HUE-PH-THUANHOA',
    nameVi: 'Phường Thuận Hóa',
    nameEn: 'Thuan Hoa Ward',
    kind: 'ward',
    parentId: '10000000-0000-4000-8000-000000000001',
    path: 'HUE.HUE-PH-THUANHOA',
    isActive: true,
  },
];

describe('staff console', () => {
  it('shows the admin the agency tree and the user list, read-only', async () => {
    const admin = makeUser(['admin']);
    mockApi({
      'GET /me': meRoute(admin),
      'GET /agencies': { body: { items: agencies } },
      'GET /admin/users': { body: { items: [admin, makeUser([], { id: 'u2', fullName: 'Lê Văn Hùng', email: null, phone: '0905123456' })], total: 42 } },
    });
    renderApp({ path: '/console' });
    const sections = await screen.findByRole('navigation', { name: 'Các mục của bàn làm việc' });

    fireEvent.click(within(sections).getByRole('link', { name: 'Cơ quan, đơn vị' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' })).toBeTruthy();
    expect(await screen.findByText('Thành phố Huế')).toBeTruthy();
    expect(screen.getByText('Phường Thuận Hóa')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /sửa|xóa/i })).toBeNull();

    fireEvent.click(within(sections).getByRole('link', { name: 'Người dùng' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Lê Văn Hùng' })).toBeTruthy();
    expect(within(table).getByText('0905123456')).toBeTruthy();
    expect(screen.getByText('Hiển thị 2 trên tổng số 42 người dùng.')).toBeTruthy();
  });

  it('shows the auditor the audit log', async () => {
    mockApi({
      'GET /me': meRoute(makeUser(['auditor'])),
      'GET /audit': {
        body: {
          items: [
            {
              seq: 7,
              at: '2026-03-02T01:30:00.000Z',
              actorId: 'u-42',
              actorRole: 'admin',
              action: 'identity.role_granted',
              targetType: 'user',
              targetId: 'u-7',
              ip: '10.0.0.8',
              requestId: 'req-1',
              diff: { before: null, after: { role: 'officer' } },
              hash: 'c0ffee',
            },
          ],
          total: 1,
        },
      },
    });
    renderApp({ path: '/console/audit' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nhật ký kiểm toán' })).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('identity.role_granted')).toBeTruthy();
    expect(within(table).getByText('10.0.0.8')).toBeTruthy();
    expect(within(table).getByText(/Quản trị viên/)).toBeTruthy();
  });

  it("shows the API's error when a list cannot be loaded", async () => {
    mockApi({
      'GET /me': meRoute(makeUser(['admin'])),
      'GET /admin/users': { status: 403, body: problem(403, 'identity.forbidden', 'Bạn không có quyền xem danh sách này.') },
    });
    renderApp({ path: '/console/admin/users' });
    expect((await screen.findByRole('alert')).textContent).toContain('Bạn không có quyền xem danh sách này.');
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
