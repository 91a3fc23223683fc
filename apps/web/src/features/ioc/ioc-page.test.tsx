import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Decision766Score, OperationsCounters, UnitScorecardList } from '@onecity/contracts';
import { meRoute, mockApi } from '../../test/api-mock.ts';
import { AREAS, CATEGORIES, makeReport } from '../../test/report-fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { AGENCIES, staffUser } from '../console/dossiers/dossier-fixtures.ts';
import { addChange } from './use-live-operations.ts';

const COUNTERS: OperationsCounters = {
  asOf: '2026-11-29T03:00:00.000Z',
  reports: { open: 9, overdue: 2, urgentOpen: 1, escalatedToLead: 1, escalatedToIoc: 0, awaitingTriage: 3, receivedToday: 4, resolvedToday: 1 },
  dossiers: { inProgressNotDue: 5, inProgressNearlyDue: 1, inProgressOverdue: 2, receivedToday: 6, finishedToday: 2 },
  intakeToday: { reports: { app: 3, open311: 1, phone: 0, desk: 0 }, dossiers: { online: 5, in_person: 1, post: 0 } },
};

/** A stand-in for the browser's EventSource: the test plays the server. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly url: string;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  isClosed = false;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.isClosed = true;
  }
}

afterEach(() => {
  FakeEventSource.last = undefined;
});

function liveRoutes(role: 'ioc_operator' | 'unit_lead' = 'ioc_operator', agency = 'HUE') {
  return mockApi({
    'GET /me': meRoute(staffUser(role, agency)),
    'GET /agencies': { body: { items: AGENCIES } },
    'GET /areas': { body: AREAS },
    'GET /reports/categories': { body: { items: CATEGORIES } },
    'GET /operations/counters': { body: COUNTERS },
    'GET /operations/reports': { body: { items: [{ ...makeReport({ isOverdue: true }), escalationLevel: 2 }] } },
    'GET /operations/overdue': { body: { reports: [{ ...makeReport({ code: 'PA-261129-0007', isOverdue: true }), escalationLevel: 1 }], dossiers: [{ code: 'PHUXUAN-261120-0003', procedureNameVi: 'Đăng ký khai sinh', agency: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward', kind: 'ward' }, status: '4', legalDueAt: '2026-11-27T10:00:00.000Z', hoursOverdue: 41, apologyCount: 1, supplementCount: 0 }] } },
  });
}

describe('the live operations centre', () => {
  it('shows the counters, follows the stream and lists what is overdue', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const calls = liveRoutes();
    renderApp({ path: '/ioc' });
    const counters = await screen.findByRole('list', { name: 'Số liệu đang diễn ra' });
    const card = (title: string) => within(counters).getByRole('heading', { name: title }).closest('li') as HTMLElement;
    expect(await within(card('Phản ánh đang xử lý')).findByText('9')).toBeTruthy();
    expect(within(card('Hồ sơ quá hạn')).getByText('2')).toBeTruthy();
    expect(screen.getByText('Trực tuyến:', { exact: false })).toBeTruthy();
    // The stream is opened for the chosen agency, and what it pushes replaces the figures.
    await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/v1/operations/stream?agencyCode=HUE'));
    act(() => {
      FakeEventSource.last?.emit('open', {});
      FakeEventSource.last?.emit('counters', { ...COUNTERS, reports: { ...COUNTERS.reports, open: 10 } });
      FakeEventSource.last?.emit('change', { source: 'report', eventId: 41, at: '2026-11-29T03:01:00.000Z', code: 'PA-261129-0042', type: 'submit', status: 'submitted', agencyCode: 'HEPCO', areaCode: 'PHUXUAN', categoryCode: 'GARBAGE', channel: 'app' });
    });
    expect(await within(card('Phản ánh đang xử lý')).findByText('10')).toBeTruthy();
    expect(screen.getByText('Đang cập nhật trực tiếp', { exact: false })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Thay đổi mới nhất' }).parentElement?.textContent).toContain('PA-261129-0042');
    // The overdue list says how far each report was escalated.
    const overdue = await screen.findByRole('region', { name: 'Phản ánh quá hạn' });
    expect(within(overdue).getByText('Đã báo lãnh đạo đơn vị')).toBeTruthy();
    expect(within(await screen.findByRole('region', { name: 'Hồ sơ quá hạn' })).getByText(/Quá hạn 41 giờ · Thư xin lỗi: 1/)).toBeTruthy();

    // Filtering by ward reopens the stream with the filter.
    const previous = FakeEventSource.last;
    fireEvent.change(screen.getByLabelText('Phường, xã'), { target: { value: AREAS.features[0]?.properties.code } });
    await waitFor(() => expect(FakeEventSource.last).not.toBe(previous));
    expect(previous?.isClosed).toBe(true);
    expect(FakeEventSource.last?.url).toContain(`areaCode=${AREAS.features[0]?.properties.code}`);
    expect(calls.some((call) => call.path.startsWith('/operations/reports?agencyCode=HUE&areaCode='))).toBe(true);
  });

  it('starts a unit lead on his own agency and offers the wall-screen mode', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    liveRoutes('unit_lead', 'PHUXUAN');
    renderApp({ path: '/ioc' });
    await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/v1/operations/stream?agencyCode=PHUXUAN'));
    fireEvent.click(screen.getByRole('button', { name: 'Chế độ màn hình lớn' }));
    await waitFor(() => expect(document.querySelector('.ioc--wall')).not.toBeNull());
    expect(screen.queryByRole('group', { name: 'Nội dung hiển thị' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Thoát màn hình lớn' })).toBeTruthy();
  });

  it('keeps the newest change first, once', () => {
    const change = (eventId: number) => ({ source: 'report' as const, eventId, at: '2026-11-29T03:00:00.000Z', code: `PA-${eventId}`, type: 'submit', status: 'submitted', agencyCode: null, areaCode: null, categoryCode: null, channel: null });
    expect(addChange(addChange([change(1)], change(2)), change(2)).map((entry) => entry.eventId)).toEqual([2, 1]);
    expect(addChange([change(1), change(2)], change(3), 2).map((entry) => entry.eventId)).toEqual([3, 1]);
  });
});

const SCORE: Decision766Score = {
  agency: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward', kind: 'ward' },
  from: '2026-11-01',
  to: '2026-11-30',
  asOf: '2026-11-29T03:00:00.000Z',
  indicators: [
    { code: '1.1', group: 'publicity', nameVi: 'Công bố thủ tục đúng hạn', nameEn: 'Published on time', formulaVi: 'Số đúng hạn ÷ tổng số', formulaEn: 'On time ÷ all', maxPoints: 6, fullPointsAt: 1, measurable: false, noteVi: 'Chưa lưu ngày hiệu lực.', noteEn: 'No dates.', unit: 'share', itemKind: 'procedure', numerator: null, denominator: null, value: null, points: null },
    { code: '2.1', group: 'progress', nameVi: 'Hồ sơ giải quyết đúng hạn, trước hạn', nameEn: 'On time', formulaVi: 'Đúng hạn ÷ phải giải quyết', formulaEn: 'On time ÷ to handle', maxPoints: 20, fullPointsAt: 1, measurable: true, noteVi: null, noteEn: null, unit: 'share', itemKind: 'dossier', numerator: 4, denominator: 5, value: 0.8, points: 16 },
  ],
  groups: [
    { group: 'publicity', maxPoints: 18, measuredMaxPoints: 0, points: 0 },
    { group: 'progress', maxPoints: 20, measuredMaxPoints: 20, points: 16 },
  ],
  total: 16,
  maxPoints: 100,
  measuredMaxPoints: 20,
  band: 'weak',
};

describe('Decision 766', () => {
  it('shows the total, each figure with its formula, and the items behind a figure', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('ioc_operator', 'HUE')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /areas': { body: AREAS },
      'GET /reports/categories': { body: { items: CATEGORIES } },
      'GET /operations/decision-766': { body: SCORE },
      'GET /operations/decision-766/items': {
        body: { indicator: SCORE.indicators[1], total: 5, items: [{ kind: 'dossier', code: 'PHUXUAN-261102-0001', isMet: false, outcome: 'done_late', fields: { supplementCount: 2, legalDueAt: '2026-11-06T10:00:00.000Z' } }] },
      },
    });
    renderApp({ path: '/ioc?view=decision766&agency=PHUXUAN&from=2026-11-01&to=2026-11-30' });
    expect(await screen.findByText('16/100 điểm')).toBeTruthy();
    expect(screen.getByText('Yếu')).toBeTruthy();
    const progress = screen.getByRole('table', { name: 'Tiến độ giải quyết' });
    expect(within(progress).getByText('80%', { exact: false })).toBeTruthy();
    expect(within(progress).getByText('16/20')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Công khai, minh bạch' })).getByText('Chưa đo được')).toBeTruthy();
    fireEvent.click(within(progress).getByRole('button', { name: 'Xem danh sách' }));
    expect(await screen.findByText('PHUXUAN-261102-0001')).toBeTruthy();
    // Facts in words and in the city's time (10:00 UTC is 17:00 in Huế), not field names and ISO timestamps.
    expect(screen.getByText('Số lần yêu cầu bổ sung: 2; Hạn giải quyết: 06/11/2026 17:00')).toBeTruthy();
    expect(calls.some((call) => call.path === '/operations/decision-766/items?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30&indicator=2.1&limit=200')).toBe(true);
    // The same table as a CSV and a PDF report.
    const downloads = screen.getByRole('group', { name: /^Tải về: Bộ chỉ số/ });
    expect(within(downloads).getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toBe('/api/v1/operations/decision-766.csv?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30');
    expect(within(downloads).getByRole('link', { name: 'Tải báo cáo PDF' }).getAttribute('href')).toBe('/api/v1/operations/decision-766.pdf?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30');
  });

  it('drills down from a figure that falls short to the items that did not count, as a link', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('ioc_operator', 'HUE')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /areas': { body: AREAS },
      'GET /reports/categories': { body: { items: CATEGORIES } },
      'GET /operations/decision-766': { body: SCORE },
      'GET /operations/decision-766/items': {
        body: { indicator: SCORE.indicators[1], total: 1, items: [{ kind: 'dossier', code: 'PHUXUAN-261102-0007', isMet: false, outcome: 'done_late', fields: { procedureCode: 'HUE-CUTRU-XNTTCT', status: 9, receivedOn: '2026-11-30', legalDueAt: '2026-12-03T10:00:00.000Z', finishedAt: null, supplementCount: 2, surveyScore: 4 } }] },
      },
    });
    renderApp({ path: '/ioc?view=decision766&agency=PHUXUAN&from=2026-11-01&to=2026-11-30' });
    const progress = await screen.findByRole('table', { name: 'Tiến độ giải quyết' });
    // 4 of 5 on time: one did not count. Indicators with nothing to list have no such link.
    const link = within(progress).getByRole('link', { name: 'Xem các mục không đạt của chỉ số 2.1 (Hồ sơ giải quyết đúng hạn, trước hạn)' });
    expect(link.textContent).toBe('Không đạt: 1');
    expect(within(screen.getByRole('table', { name: 'Công khai, minh bạch' })).queryByRole('link')).toBeNull();
    fireEvent.click(link);
    expect(screen.getByTestId('location').textContent).toBe('/ioc?view=decision766&agency=PHUXUAN&from=2026-11-01&to=2026-11-30&indicator=2.1&items=unmet');
    const heading = await screen.findByRole('heading', { name: 'Chỉ số 2.1 — Hồ sơ giải quyết đúng hạn, trước hạn: các mục không đạt' });
    const drill = heading.closest('section') as HTMLElement;
    // An IOC operator sees the dossier's facts, not its contents (no link to the console's dossier page).
    const code = await within(drill).findByRole('rowheader', { name: 'PHUXUAN-261102-0007' });
    expect(within(code).queryByRole('link')).toBeNull();
    // The first column holds dossier codes, and says so.
    expect(within(drill).getByRole('columnheader', { name: 'Mã hồ sơ' })).toBeTruthy();
    expect(within(drill).queryByRole('columnheader', { name: 'Chỉ số' })).toBeNull();
    expect(within(drill).getByText(/Không đạt · Giải quyết quá hạn/)).toBeTruthy();
    expect(within(drill).getByText(/yêu cầu bổ sung từ lần thứ hai: Quyết định 766 tính là quá hạn/)).toBeTruthy();
    // The facts in words: the status by its name, dates in the city's style and time; a field without a label as it came.
    expect(
      within(drill).getByText('Mã thủ tục: HUE-CUTRU-XNTTCT; Trạng thái: Đã xử lý xong; Ngày tiếp nhận: 30/11/2026; Hạn giải quyết: 03/12/2026 17:00; Số lần yêu cầu bổ sung: 2; surveyScore: 4'),
    ).toBeTruthy();
    expect(calls.some((call) => call.path === '/operations/decision-766/items?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30&indicator=2.1&met=false&limit=200')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.click(within(drill).getByRole('link', { name: 'Đóng danh sách' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /các mục không đạt/ })).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe('/ioc?view=decision766&agency=PHUXUAN&from=2026-11-01&to=2026-11-30');
  });
});

describe('the Decision 766 filters', () => {
  it('keeps the agency and both dates when they are changed one right after the other', async () => {
    mockApi({
      'GET /me': meRoute(staffUser('ioc_operator', 'HUE')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /areas': { body: AREAS },
      'GET /reports/categories': { body: { items: CATEGORIES } },
      'GET /operations/decision-766': { body: SCORE },
    });
    renderApp({ path: '/ioc?view=decision766' });
    const agency = (await screen.findByLabelText('Cơ quan, đơn vị')) as HTMLSelectElement;
    expect(agency.value).not.toBe('PHUXUAN');
    // Quicker than the router re-renders: all three changes land before the page is drawn again.
    act(() => {
      fireEvent.change(agency, { target: { value: 'PHUXUAN' } });
      fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-10-01' } });
      fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-10-31' } });
    });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/ioc?view=decision766&agency=PHUXUAN&from=2026-10-01&to=2026-10-31'));
    expect((screen.getByLabelText('Cơ quan, đơn vị') as HTMLSelectElement).value).toBe('PHUXUAN');
  });
});

const SCORECARDS: UnitScorecardList = {
  month: '2026-11',
  kind: 'ward',
  definitions: { formulaVi: 'Điểm = 70 × tỷ lệ đúng hạn + 30 × …', formulaEn: 'Score = …', measures: [{ measure: 'onTime', nameVi: 'Tỷ lệ đúng hạn', nameEn: 'On time', definitionVi: 'Đúng hạn ÷ đã giải quyết', definitionEn: 'On time ÷ handled' }] },
  items: [
    {
      agency: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward', kind: 'ward' },
      month: '2026-11',
      figures: [
        { measure: 'handled', numerator: 12, denominator: 12, value: 12 },
        { measure: 'onTime', numerator: 9, denominator: 12, value: 0.75 },
        { measure: 'ratings', numerator: 18, denominator: 4, value: 4.5 },
      ],
      score: 76.9,
      rank: 2,
      peers: 40,
      comments: [],
    },
  ],
};

describe('the items behind a Decision 766 figure', () => {
  it('link a dossier to the console for staff who may read it', async () => {
    mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /areas': { body: AREAS },
      'GET /reports/categories': { body: { items: CATEGORIES } },
      'GET /operations/decision-766': { body: SCORE },
      'GET /operations/decision-766/items': { body: { indicator: SCORE.indicators[1], total: 1, items: [{ kind: 'dossier', code: 'PHUXUAN-261102-0007', isMet: false, outcome: 'done_late', fields: {} }] } },
    });
    renderApp({ path: '/ioc?view=decision766&agency=PHUXUAN&from=2026-11-01&to=2026-11-30&indicator=2.1&items=unmet' });
    const code = await screen.findByRole('link', { name: 'PHUXUAN-261102-0007' });
    expect(code.getAttribute('href')).toBe('/console/dossiers/PHUXUAN-261102-0007');
  });
});

describe('unit scorecards', () => {
  it('ranks the unit, opens the items of a figure and takes the lead’s comment', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /areas': { body: AREAS },
      'GET /reports/categories': { body: { items: CATEGORIES } },
      'GET /operations/scorecards/units': { body: SCORECARDS },
      'GET /operations/scorecards/units/PHUXUAN/items': { body: { measure: 'onTime', total: 1, items: [{ kind: 'report', code: 'PA-261103-0002', isMet: true, outcome: 'reports.answered', fields: { 'reports.answered': 1 } }] } },
      'POST /operations/scorecards/units/PHUXUAN/comments': { status: 201, body: { id: 'c1', month: '2026-11', authorName: 'Nguyễn Thị Lan', text: 'Đã rõ.', createdAt: '2026-11-29T03:00:00.000Z' } },
    });
    renderApp({ path: '/ioc?view=scorecards&month=2026-11' });
    expect(await screen.findByText('2/40')).toBeTruthy();
    const downloads = screen.getByRole('group', { name: 'Tải về: Đánh giá đơn vị theo tháng' });
    expect(within(downloads).getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toBe('/api/v1/operations/scorecards/units.csv?month=2026-11&kind=ward');
    expect(within(downloads).getByRole('link', { name: 'Tải báo cáo PDF' }).getAttribute('href')).toBe('/api/v1/operations/scorecards/units.pdf?month=2026-11&kind=ward');
    expect(screen.getByText('4,5/5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đúng hạn — Phường Phú Xuân' }));
    expect(await screen.findByText('PA-261103-0002')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Ý kiến của đơn vị về kết quả tháng'), { target: { value: 'Đã rõ.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi ý kiến' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path === '/operations/scorecards/units/PHUXUAN/comments')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ month: '2026-11', text: 'Đã rõ.' });
  });
});
