import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi, type RecordedRequest } from '../../../test/api-mock.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { AGENCIES, hoursFromNow, makeSummary, staffUser } from './dossier-fixtures.ts';

const listCalls = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'GET' && call.path.startsWith('/dossiers?')).map((call) => call.path);
const stepDue = (code: string, hours: number) => {
  const summary = makeSummary({ code });
  return makeSummary({ code, currentStep: summary.currentStep && { ...summary.currentStep, dueAt: hoursFromNow(hours), assigneeName: 'Ngô Thị Lan' } });
};

describe('dossier list in the staff console', () => {
  it("shows an officer's work list, soonest step deadline first, overdue in red and nearly due in amber", async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN_VP')),
      'GET /agencies': { body: { items: AGENCIES } },
      // The API's order is not trusted: the screen sorts by the step deadline again.
      'GET /dossiers': { body: { items: [stepDue('PHUXUAN-261129-0003', 2 * 24 + 3.2), stepDue('PHUXUAN-261129-0001', -5.1), stepDue('PHUXUAN-261129-0002', 5.1)], total: 3 } },
    });
    renderApp({ path: '/console/dossiers' });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').querySelector('a')?.textContent)).toEqual(['PHUXUAN-261129-0001', 'PHUXUAN-261129-0002', 'PHUXUAN-261129-0003']);

    const [overdue, soon, later] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(overdue).getByText(/^Quá hạn 5 giờ/).closest('.countdown')?.getAttribute('data-state')).toBe('overdue');
    expect(within(overdue).getByText(/^Quá hạn 5 giờ/).closest('.countdown--overdue')).not.toBeNull();
    expect(overdue.className).toBe('dossier-row--overdue');
    expect(within(soon).getByText(/^Còn 5 giờ/).closest('.countdown--soon')).not.toBeNull();
    expect(within(soon).getByText(/Sắp đến hạn/)).toBeTruthy();
    expect(soon.className).toBe('dossier-row--soon');
    expect(within(later).getByText(/^Còn 2 ngày 3 giờ/).closest('.countdown')?.getAttribute('data-state')).toBe('on_time');

    // Each row: code, procedure, applicant, step with agency, appointment date, status.
    expect(within(later).getByText('Đăng ký khai sinh')).toBeTruthy();
    expect(within(later).getByText('Trần Thị Mai')).toBeTruthy();
    expect(within(later).getByText('Thẩm định hồ sơ')).toBeTruthy();
    expect(within(later).getByText('Văn phòng HĐND và UBND Phường Phú Xuân')).toBeTruthy();
    expect(within(later).getByText('Cán bộ: Ngô Thị Lan')).toBeTruthy();
    expect(within(later).getByText('2 tháng 12, 2026')).toBeTruthy();
    expect(within(later).getByText('Đang xử lý')).toBeTruthy();
    expect(within(later).getByRole('link', { name: 'PHUXUAN-261129-0003' }).getAttribute('href')).toBe('/console/dossiers/PHUXUAN-261129-0003');

    expect(listCalls(calls)).toEqual(['/dossiers?queue=mine&limit=50']);
    const tabs = screen.getByRole('group', { name: 'Chọn danh sách' });
    expect(within(tabs).getAllByRole('button').map((button) => button.textContent)).toEqual(['Việc của tôi', 'Tất cả']);
    expect(screen.queryByRole('link', { name: 'Tiếp nhận hồ sơ giấy' })).toBeNull();
  });

  it('opens on the intake for desk officers, with the paper intake link', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('desk_officer', 'PHUXUAN_HCC')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /dossiers': { body: { items: [], total: 0 } },
    });
    renderApp({ path: '/console/dossiers' });
    expect(await screen.findByText('Không có hồ sơ nào chờ tiếp nhận.')).toBeTruthy();
    const tabs = screen.getByRole('group', { name: 'Chọn danh sách' });
    expect(within(tabs).getAllByRole('button').map((button) => button.textContent)).toEqual(['Tiếp nhận', 'Việc của tôi', 'Tất cả']);
    expect(within(tabs).getByRole('button', { name: 'Tiếp nhận' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('link', { name: 'Tiếp nhận hồ sơ giấy' }).getAttribute('href')).toBe('/console/dossiers/new');
    expect(listCalls(calls)).toEqual(['/dossiers?queue=intake&limit=50']);
  });

  it('filters every dossier in scope by status and searches by text', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /dossiers': { body: { items: [makeSummary()], total: 1 } },
    });
    renderApp({ path: '/console/dossiers' });
    await screen.findByRole('table');
    expect(screen.queryByRole('search')).toBeNull();
    fireEvent.click(within(screen.getByRole('group', { name: 'Chọn danh sách' })).getByRole('button', { name: 'Tất cả' }));
    const filters = await screen.findByRole('search', { name: 'Lọc hồ sơ' });
    fireEvent.change(within(filters).getByLabelText('Trạng thái'), { target: { value: 'supplement_requested' } });
    await waitFor(() => expect(listCalls(calls).at(-1)).toBe('/dossiers?queue=all&status=supplement_requested&limit=50'));
    fireEvent.change(within(screen.getByRole('search')).getByLabelText('Tìm kiếm'), { target: { value: ' khai sinh ' } });
    fireEvent.click(within(screen.getByRole('search')).getByRole('button', { name: 'Tìm' }));
    await waitFor(() => expect(listCalls(calls).at(-1)).toBe('/dossiers?queue=all&status=supplement_requested&q=khai+sinh&limit=50'));
    expect(screen.getByTestId('location').textContent).toBe('/console/dossiers?queue=all&status=supplement_requested&q=khai+sinh');
  });

  it('shows no countdown while the applicant is asked to supplement, as the clock stands still', async () => {
    mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN_VP')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /dossiers': { body: { items: [{ ...stepDue('PHUXUAN-261129-0003', -3), status: 'supplement_requested', statusCode: 5 }], total: 1 } },
    });
    renderApp({ path: '/console/dossiers' });
    const row = within(await screen.findByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Tạm dừng tính thời hạn, chờ người nộp bổ sung')).toBeTruthy();
    expect(within(row).queryByText(/Quá hạn/)).toBeNull();
    expect(row.className).toBe('');
  });

  it('is in the console navigation for staff, no longer "coming soon"', async () => {
    mockApi({
      'GET /me': meRoute(makeUser(['officer'])),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /dossiers': { body: { items: [], total: 0 } },
    });
    renderApp({ path: '/console' });
    const sections = await screen.findByRole('navigation', { name: 'Các mục của bàn làm việc' });
    fireEvent.click(within(sections).getByRole('link', { name: 'Hồ sơ' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ thủ tục hành chính' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Các trang hồ sơ' })).getByRole('link', { name: 'Thống kê' }).getAttribute('href')).toBe('/console/dossiers/statistics');
  });
});
