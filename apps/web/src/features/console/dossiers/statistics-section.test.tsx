import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meRoute, mockApi, type RecordedRequest } from '../../../test/api-mock.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { AGENCIES, makeStatistics, staffUser } from './dossier-fixtures.ts';

const statsCalls = (calls: RecordedRequest[]) => calls.filter((call) => call.path.startsWith('/dossiers/statistics')).map((call) => call.path);

beforeEach(() => {
  // Only the clock: "this month" is November 2026 in Huế; timers stay real for the queries' waiting.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T03:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('dossier statistics in the staff console', () => {
  it("shows this month's figures for the lead's ward with Vietnamese labels and percentages, and a CSV link", async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /dossiers/statistics': { body: makeStatistics() },
    });
    renderApp({ path: '/console/dossiers/statistics' });
    const table = await screen.findByRole('table', { name: 'Phường Phú Xuân, từ 1 tháng 11, 2026 đến 30 tháng 11, 2026' });
    expect(statsCalls(calls)).toEqual(['/dossiers/statistics?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30']);
    const value = (label: string) => within(table).getByRole('rowheader', { name: label }).nextElementSibling?.textContent;
    expect(value('Tiếp nhận mới')).toBe('1.234');
    expect(value('Kỳ trước chuyển sang')).toBe('6');
    expect(value('Tổng số phải giải quyết')).toBe('1.240');
    expect(value('Đã giải quyết đúng hạn/trước hạn')).toBe('28');
    expect(value('Đã giải quyết quá hạn')).toBe('4');
    expect(value('Đang giải quyết trong hạn')).toBe('5');
    expect(value('Sắp đến hạn')).toBe('2');
    expect(value('Quá hạn')).toBe('1');
    expect(value('Rút/dừng')).toBe('0');
    expect(value('Tỷ lệ đúng hạn')).toBe('87,5%');
    expect(value('Nộp trực tuyến')).toBe('30');
    expect(value('Nộp trực tiếp')).toBe('9');
    expect(value('Nộp qua bưu chính')).toBe('1');
    expect(value('Tỷ lệ hồ sơ trực tuyến')).toBe('75%');
    expect(value('Tỷ lệ thanh toán trực tuyến')).toBe('Không áp dụng');
    expect(value('Tỷ lệ kết quả điện tử')).toBe('62,5%');
    expect(within(table).getByRole('rowheader', { name: 'Kênh tiếp nhận' })).toBeTruthy();

    const csv = screen.getByRole('link', { name: 'Tải CSV' });
    expect(csv.getAttribute('href')).toBe('/api/v1/dossiers/statistics?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30&format=csv');

    // Only agencies in the lead's scope (the ward and its units) can be chosen.
    const picker = screen.getByLabelText('Cơ quan, đơn vị') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(['PHUXUAN', 'PHUXUAN_HCC', 'PHUXUAN_VP']);
    fireEvent.change(picker, { target: { value: 'PHUXUAN_VP' } });
    await waitFor(() => expect(statsCalls(calls).at(-1)).toBe('/dossiers/statistics?agencyCode=PHUXUAN_VP&from=2026-11-01&to=2026-11-30'));
    expect(screen.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toBe('/api/v1/dossiers/statistics?agencyCode=PHUXUAN_VP&from=2026-11-01&to=2026-11-30&format=csv');
  });

  it('asks again for another period, and refuses a start after the end', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN_VP')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /dossiers/statistics': { body: makeStatistics({ agencyCode: 'PHUXUAN_VP' }) },
    });
    renderApp({ path: '/console/dossiers/statistics' });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-10-01' } });
    await waitFor(() => expect(statsCalls(calls).at(-1)).toBe('/dossiers/statistics?agencyCode=PHUXUAN_VP&from=2026-10-01&to=2026-11-30'));
    const count = statsCalls(calls).length;
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-09-30' } });
    expect(await screen.findByText('Ngày bắt đầu không được sau ngày kết thúc.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(statsCalls(calls)).toHaveLength(count);
  });

  it('says so when no agency of the user is known', async () => {
    const calls = mockApi({ 'GET /me': meRoute(staffUser('officer', 'SXD_HTKT')), 'GET /agencies': { body: { items: AGENCIES } } });
    renderApp({ path: '/console/dossiers/statistics' });
    expect(await screen.findByText('Bạn chưa được phân công tại cơ quan, đơn vị nào nên không có số liệu để xem.')).toBeTruthy();
    expect(statsCalls(calls)).toEqual([]);
  });

  it('lets IOC operators, whom the API allows, open the figures of the whole city', async () => {
    mockApi({ 'GET /me': meRoute(staffUser('ioc_operator', 'HUE')), 'GET /agencies': { body: { items: AGENCIES } }, 'GET /dossiers/statistics': { body: makeStatistics({ agencyCode: 'HUE' }) } });
    renderApp({ path: '/console/dossiers/statistics' });
    expect(await screen.findByRole('table', { name: /^Thành phố Huế, từ/ })).toBeTruthy();
    expect((screen.getByLabelText('Cơ quan, đơn vị') as HTMLSelectElement).options).toHaveLength(AGENCIES.length);
  });
});
