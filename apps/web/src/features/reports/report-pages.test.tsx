import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetLoadedAreas } from '../../components/map/areas.ts';
import { makeUser, meRoute, mockApi, type RecordedRequest } from '../../test/api-mock.ts';
import { CATEGORIES, makeReport, makeReportDetail } from '../../test/report-fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

// A stand-in for the Leaflet map: enough for the page to read its viewport, listen to it and add layers.
vi.mock('../../components/map/wards-map.tsx', async () => {
  const L = await import('leaflet');
  const { AREAS: areas } = await import('../../test/report-fixtures.ts');
  const map = {
    on: vi.fn(),
    off: vi.fn(),
    getBounds: () => L.latLngBounds([16.4, 107.5], [16.55, 107.7]),
    getZoom: () => 13,
    getMaxZoom: () => 19,
    fitBounds: vi.fn(),
    project: (latLng: [number, number], zoom: number) => L.CRS.EPSG3857.latLngToPoint(L.latLng(latLng), zoom),
    unproject: (point: [number, number], zoom: number) => L.CRS.EPSG3857.pointToLatLng(L.point(point), zoom),
    addLayer: vi.fn(),
    removeLayer: vi.fn(),
  };
  return {
    PLACE_ZOOM: 17,
    MapCanvas: ({ label }: { label: string }) => <div role="region" aria-label={label} />,
    useWardsMap: () => ({ map, areas, areasError: undefined }),
  };
});

beforeEach(() => {
  forgetLoadedAreas();
});

const searchOf = (call: RecordedRequest) => new URL(call.path, 'http://localhost').searchParams;

describe('public report map', () => {
  it('lists the reports in the viewport and filters them by status, category and ward', async () => {
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'GET /reports/categories': { body: { items: CATEGORIES } },
      'GET /reports/map': (request) => {
        const search = searchOf(request);
        const isOpenOnly = search.getAll('status').length > 0;
        const items = isOpenOnly ? [makeReport()] : [makeReport(), makeReport({ code: 'PA-261128-0009', status: 'closed', description: 'Đã dọn xong vỉa hè' })];
        const isWard = search.get('area') === 'PHUXUAN';
        return { body: { items, total: isWard ? 1000 : isOpenOnly ? 1 : 1500, isTruncated: isWard || !isOpenOnly, isTotalCapped: isWard } };
      },
    });
    renderApp({ path: '/reports' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bản đồ phản ánh' })).toBeTruthy();
    const list = await screen.findByRole('region', { name: 'Danh sách phản ánh' });
    expect(await within(list).findByRole('link', { name: 'PA-261128-0009' })).toBeTruthy();
    expect(within(list).getByText('Hiển thị 2 phản ánh mới nhất trên tổng số 1500. Phóng to bản đồ để xem thêm.')).toBeTruthy();
    const first = calls.find((call) => call.path.startsWith('/reports/map?'));
    expect(searchOf(first as RecordedRequest).get('bbox')).toBe('107.5,16.4,107.7,16.55');
    expect(searchOf(first as RecordedRequest).get('limit')).toBe('1000');

    fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'open' } });
    fireEvent.change(screen.getByLabelText('Loại vấn đề'), { target: { value: 'ENCROACHMENT' } });
    fireEvent.change(screen.getByLabelText('Phường, xã'), { target: { value: 'PHUXUAN' } });
    await waitFor(() => expect(within(list).queryByRole('link', { name: 'PA-261128-0009' })).toBeNull());
    const last = calls.filter((call) => call.path.startsWith('/reports/map?')).at(-1) as RecordedRequest;
    expect(searchOf(last).getAll('status')).toEqual(['submitted', 'assigned', 'in_progress']);
    expect(searchOf(last).get('category')).toBe('ENCROACHMENT');
    expect(searchOf(last).get('area')).toBe('PHUXUAN');
    // Past the API's count cap the total is a lower bound.
    expect(within(list).getByText('Hiển thị 1 phản ánh mới nhất trong hơn 1000 phản ánh. Phóng to bản đồ để xem thêm.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/reports?status=open&category=ENCROACHMENT&area=PHUXUAN');
  });
});

describe('report page', () => {
  const resolved = makeReportDetail({
    status: 'resolved',
    answer: 'Kính gửi Quý Ông/Bà, đã dọn dẹp xong.',
    resolvedAt: '2026-11-30T03:00:00.000Z',
    timeline: [
      { at: '2026-11-29T03:00:00.000Z', type: 'submit', fromStatus: null, toStatus: 'submitted', details: {} },
      { at: '2026-11-29T03:00:00.000Z', type: 'route', fromStatus: 'submitted', toStatus: 'assigned', details: {} },
      { at: '2026-11-30T03:00:00.000Z', type: 'resolve', fromStatus: 'in_progress', toStatus: 'resolved', details: { answer: '…' } },
    ],
    photos: [
      { id: 'p1', kind: 'before', url: '/api/v1/reports/PA-261129-0001/photos/p1', thumbnailUrl: '/api/v1/reports/PA-261129-0001/photos/p1?size=thumb', width: 64, height: 48 },
      { id: 'p2', kind: 'after', url: '/api/v1/reports/PA-261129-0001/photos/p2', thumbnailUrl: '/api/v1/reports/PA-261129-0001/photos/p2?size=thumb', width: 64, height: 48 },
    ],
  });

  it('shows status, unit, deadline, answer, both photos and the history in words, to anyone', async () => {
    mockApi({ 'GET /me': meRoute(undefined), 'GET /reports/PA-261129-0001': { body: resolved } });
    renderApp({ path: '/reports/PA-261129-0001' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Phản ánh PA-261129-0001' })).toBeTruthy();
    expect(screen.getByText('Đã có kết quả')).toBeTruthy();
    expect(screen.getByText('Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân')).toBeTruthy();
    expect(screen.getByText('Kính gửi Quý Ông/Bà, đã dọn dẹp xong.')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Ảnh hiện trường 1' }).getAttribute('src')).toBe('/api/v1/reports/PA-261129-0001/photos/p1?size=thumb');
    expect(screen.getByRole('img', { name: 'Ảnh sau khi xử lý 1' })).toBeTruthy();
    const history = screen.getByRole('region', { name: 'Quá trình xử lý' });
    expect(within(history).getByText('Người dân gửi phản ánh')).toBeTruthy();
    expect(within(history).getByText('Đơn vị trả lời kết quả xử lý')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xác nhận đã xử lý xong' })).toBeNull();
  });

  it('shows a live countdown that turns red once the report is overdue', async () => {
    mockApi({ 'GET /me': meRoute(undefined), 'GET /reports/PA-261129-0001': { body: makeReportDetail({ status: 'in_progress', dueAt: new Date(Date.now() - 3 * 3600_000).toISOString(), isOverdue: true }) } });
    renderApp({ path: '/reports/PA-261129-0001' });
    const countdown = await screen.findByText(/^Quá hạn 3 giờ/);
    expect(countdown.closest('.countdown--overdue')).not.toBeNull();
  });

  it('lets the reporter rate the answer and confirm the fix', async () => {
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'GET /reports/PA-261129-0001': { body: resolved },
      'GET /reports/mine': { body: { items: [makeReport({ status: 'resolved' })] } },
      'POST /reports/PA-261129-0001/rating': { status: 204 },
      'POST /reports/PA-261129-0001/actions': { body: { code: 'PA-261129-0001', status: 'closed', dueAt: resolved.dueAt } },
    });
    renderApp({ path: '/reports/PA-261129-0001' });
    const actions = await screen.findByRole('region', { name: 'Ý kiến của bạn về kết quả' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(within(actions).getByText('Vui lòng chọn một mức đánh giá.')).toBeTruthy();
    fireEvent.click(within(actions).getByRole('radio', { name: '5 – Rất hài lòng' }));
    fireEvent.change(within(actions).getByLabelText('Góp ý (không bắt buộc)'), { target: { value: 'Xử lý nhanh' } });
    fireEvent.click(within(actions).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await within(actions).findByText('Cảm ơn bạn đã đánh giá.')).toBeTruthy();
    expect(calls.find((call) => call.path === '/reports/PA-261129-0001/rating')?.body).toEqual({ rating: 5, comment: 'Xử lý nhanh' });

    fireEvent.click(within(actions).getByRole('button', { name: 'Xác nhận đã xử lý xong' }));
    await waitFor(() => expect(calls.find((call) => call.path === '/reports/PA-261129-0001/actions')?.body).toEqual({ type: 'confirm' }));
    expect(await within(actions).findByText('Đã xác nhận. Phản ánh đã hoàn thành.')).toBeTruthy();
  });
});

describe('photos waiting for review', () => {
  const pending = {
    id: 'p1',
    kind: 'before' as const,
    url: '/api/v1/reports/PA-261129-0001/photos/p1',
    thumbnailUrl: '/api/v1/reports/PA-261129-0001/photos/p1?size=thumb',
    width: 64,
    height: 48,
    reviewStatus: 'pending' as const,
    reviewedAt: null,
    reviewReason: null,
  };

  it('are shown to their reporter, marked pending, while the public page has none', async () => {
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'GET /reports/PA-261129-0001': { body: makeReportDetail({ photos: [] }) },
      'GET /reports/mine': { body: { items: [makeReport()] } },
      'GET /reports/PA-261129-0001/photos': { body: { items: [pending], canReview: false } },
    });
    renderApp({ path: '/reports/PA-261129-0001' });
    const photos = await screen.findByRole('region', { name: 'Hình ảnh' });
    expect(within(photos).getByRole('img', { name: 'Ảnh hiện trường 1' }).getAttribute('src')).toBe(pending.thumbnailUrl);
    expect(within(photos).getByText('Đang chờ duyệt')).toBeTruthy();
    expect(within(photos).getByText('Ảnh của bạn chỉ được công khai sau khi cơ quan xử lý duyệt.')).toBeTruthy();
    expect(within(photos).queryByRole('button', { name: 'Công bố ảnh 1' })).toBeNull();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('are not asked for by a visitor, who sees only the published ones', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined), 'GET /reports/PA-261129-0001': { body: makeReportDetail({ photos: [] }) } });
    renderApp({ path: '/reports/PA-261129-0001' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Phản ánh PA-261129-0001' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Hình ảnh' })).toBeNull();
    expect(calls.some((call) => call.path === '/reports/PA-261129-0001/photos')).toBe(false);
  });

  it('may be published from the report page by staff who review them', async () => {
    const calls = mockApi({
      'GET /me': meRoute(makeUser(['officer'])),
      'GET /reports/PA-261129-0001': { body: makeReportDetail({ photos: [] }) },
      'GET /reports/mine': { body: { items: [] } },
      'GET /reports/PA-261129-0001/photos': { body: { items: [pending], canReview: true } },
      'POST /reports/PA-261129-0001/photos/p1/review': { body: { photo: { ...pending, reviewStatus: 'published', reviewedAt: '2026-11-29T04:00:00.000Z' }, isChanged: true } },
    });
    renderApp({ path: '/reports/PA-261129-0001' });
    const photos = await screen.findByRole('region', { name: 'Hình ảnh' });
    fireEvent.click(within(photos).getByRole('button', { name: 'Công bố ảnh 1' }));
    expect(await within(photos).findByText('Đã công bố ảnh.')).toBeTruthy();
    expect(within(photos).getByText('Đã công bố')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST').map((call) => [call.path, call.body])).toEqual([['/reports/PA-261129-0001/photos/p1/review', { decision: 'publish' }]]);
  });
});

describe('my reports', () => {
  it('lists the citizen’s reports with their status and a link', async () => {
    mockApi({ 'GET /me': meRoute(makeUser()), 'GET /reports/mine': { body: { items: [makeReport({ status: 'in_progress' })] } } });
    renderApp({ path: '/reports/mine' });
    expect(await screen.findByRole('link', { name: 'PA-261129-0001' })).toBeTruthy();
    expect(screen.getByText('Đang xử lý')).toBeTruthy();
  });
});


