import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, meRoute, mockApi } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { INBOX_REFRESH_MS } from './notification-inbox.tsx';
import type { AppNotification } from './notifications.api.ts';

const notice = (overrides: Partial<AppNotification> = {}): AppNotification => ({
  id: '9b2f0c1e-0000-4000-8000-000000000001',
  kind: 'report.status',
  title: 'Phản ánh PA-261129-0001 đã có kết quả',
  body: 'Đơn vị đã trả lời phản ánh của bạn.',
  link: '/reports/PA-261129-0001',
  isRead: false,
  createdAt: '2026-11-29T03:00:00.000Z',
  ...overrides,
});

const inboxCalls = (calls: { method: string; path: string }[]) => calls.filter((call) => call.path.startsWith('/notifications'));

describe('notification inbox', () => {
  it('is not shown to visitors', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined) });
    renderApp();
    await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    await screen.findAllByRole('link', { name: 'Đăng nhập' });
    expect(screen.queryByRole('button', { name: /^Thông báo/ })).toBeNull();
    expect(inboxCalls(calls)).toEqual([]);
  });

  it('shows the unread count, lists the notices, and marks one read when its link is followed', async () => {
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'GET /notifications?limit=20': {
        body: { unread: 2, items: [notice(), notice({ id: '9b2f0c1e-0000-4000-8000-000000000002', title: 'Chào mừng', body: 'Tài khoản đã sẵn sàng.', link: null })] },
      },
      'POST /notifications/read': { body: { changed: 1 } },
    });
    renderApp();
    const bell = await screen.findByRole('button', { name: 'Thông báo, 2 chưa đọc' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Thông báo' });
    expect(within(panel).getAllByRole('listitem')).toHaveLength(2);
    expect(within(panel).getByText('Đơn vị đã trả lời phản ánh của bạn.')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('link', { name: /Phản ánh PA-261129-0001 đã có kết quả/ }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reports/PA-261129-0001'));
    expect(screen.queryByRole('region', { name: 'Thông báo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Thông báo, 1 chưa đọc' })).toBeTruthy();
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts).toEqual([expect.objectContaining({ path: '/notifications/read', body: { id: '9b2f0c1e-0000-4000-8000-000000000001' } })]);
    expect(posts[0]?.headers['x-csrf-token']).toBe('csrf-from-me');
  });

  it('marks everything read, and closes with Escape back on the bell', async () => {
    let unread = 3;
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'GET /notifications?limit=20': () => ({ body: { unread, items: [notice({ link: null })] } }),
      'POST /notifications/read': () => {
        unread = 0;
        return { body: { changed: 3 } };
      },
    });
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo, 3 chưa đọc' }));
    const panel = screen.getByRole('region', { name: 'Thông báo' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([{}]);
    expect((within(panel).getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Thông báo' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Thông báo' }));
  });

  it('refreshes every minute and when the window regains focus', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let unread = 0;
      const calls = mockApi({
        'GET /me': meRoute(makeUser()),
        'GET /notifications?limit=20': () => ({ body: { unread, items: [] } }),
      });
      renderApp();
      expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeTruthy();
      const before = inboxCalls(calls).length;

      unread = 4;
      await act(async () => {
        vi.advanceTimersByTime(INBOX_REFRESH_MS);
      });
      expect(await screen.findByRole('button', { name: 'Thông báo, 4 chưa đọc' })).toBeTruthy();
      expect(inboxCalls(calls).length).toBe(before + 1);

      unread = 5;
      act(() => {
        window.dispatchEvent(new Event('focus'));
      });
      expect(await screen.findByRole('button', { name: 'Thông báo, 5 chưa đọc' })).toBeTruthy();
      expect(inboxCalls(calls).length).toBe(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });
});
