import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { AREAS, makeReport } from '../../test/report-fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

const TOTALS: Record<string, number> = { submitted: 2, assigned: 3, in_progress: 4, resolved: 5, closed: 6 };

function reportsRoute(request: { path: string }) {
  const search = new URL(request.path, 'http://localhost').searchParams;
  const statuses = search.getAll('status');
  if (search.get('limit') === '1') return { body: { items: [], total: statuses.reduce((sum, status) => sum + (TOTALS[status] ?? 0), 0), isTruncated: true } };
  // The answered reports, for the satisfaction average.
  return { body: { items: [makeReport({ rating: 5 }), makeReport({ rating: 4 }), makeReport({ rating: null })], total: 3, isTruncated: false } };
}

describe('operations centre', () => {
  it('shows real report figures and keeps the others honestly empty', async () => {
    mockApi({
      'GET /me': meRoute(makeUser(['ioc_operator'])),
      'GET /agencies': { body: { items: [] } },
      'GET /areas': { body: AREAS },
      'GET /reports': reportsRoute,
      'GET /console/reports': { body: { items: [{ code: 'PA-1' }], total: 2 } },
    });
    renderApp({ path: '/ioc' });
    const kpis = await screen.findByRole('region', { name: 'Chỉ số vận hành' });
    const card = (title: string) => within(kpis).getByRole('heading', { name: title }).closest('li') as HTMLElement;
    expect(await within(card('Phản ánh đang xử lý')).findByText('9')).toBeTruthy();
    expect(await within(card('Phản ánh quá hạn')).findByText('2')).toBeTruthy();
    expect(await within(card('Mức độ hài lòng')).findByText('4,5/5')).toBeTruthy();
    expect(within(card('Mức độ hài lòng')).getByText('trung bình 2 đánh giá phản ánh')).toBeTruthy();
    expect(within(card('Hồ sơ giải quyết đúng hạn')).getByText('Chưa có dữ liệu')).toBeTruthy();
    const byStatus = screen.getByRole('region', { name: 'Phản ánh theo trạng thái' });
    expect(await within(byStatus).findByText('6')).toBeTruthy();
    expect(within(byStatus).getByRole('heading', { name: 'Đã hoàn thành' })).toBeTruthy();
  });

  it('says "no data" for the overdue figure when the viewer may not read the IOC queue', async () => {
    mockApi({
      'GET /me': meRoute(makeUser(['unit_lead'])),
      'GET /agencies': { body: { items: [] } },
      'GET /areas': { body: AREAS },
      'GET /reports': reportsRoute,
      'GET /console/reports': { status: 403, body: problem(403, 'auth.forbidden', 'Bạn không có quyền thực hiện thao tác này.') },
    });
    renderApp({ path: '/ioc' });
    const kpis = await screen.findByRole('region', { name: 'Chỉ số vận hành' });
    const overdue = within(kpis).getByRole('heading', { name: 'Phản ánh quá hạn' }).closest('li') as HTMLElement;
    expect(await within(overdue).findByText('Chưa có dữ liệu')).toBeTruthy();
    expect(await within(kpis).findByText('9')).toBeTruthy();
  });
});
