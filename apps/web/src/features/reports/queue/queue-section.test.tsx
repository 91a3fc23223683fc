import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@onecity/contracts';
import { forgetLoadedAreas } from '../../../components/map/areas.ts';
import { makeUser, meRoute, mockApi, type RecordedRequest } from '../../../test/api-mock.ts';
import { AREAS, CATEGORIES } from '../../../test/report-fixtures.ts';
import { renderApp } from '../../../test/render-app.tsx';
import type { QueueItem, ViewerPhoto } from '../reports.api.ts';

beforeEach(() => {
  forgetLoadedAreas();
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:preview');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
});

const item = (overrides: Partial<QueueItem> = {}): QueueItem => ({
  code: 'PA-261129-0001',
  status: 'assigned',
  description: 'Quán nước lấn chiếm vỉa hè trước số 10',
  isUrgent: false,
  category: { code: 'ENCROACHMENT', nameVi: 'Lấn chiếm lòng đường, vỉa hè', nameEn: 'Encroachment' },
  areaCode: 'PHUXUAN',
  unitCode: 'HUE-PH-THUANHOA',
  officerId: null,
  dueAt: '2026-12-09T10:00:00.000Z',
  secondsLeft: 2 * 86_400 + 3 * 3600 + 600,
  isOverdue: false,
  escalationLevel: 0,
  pendingExtension: null,
  answers: {},
  createdAt: '2026-11-29T03:00:00.000Z',
  reporter: null,
  pendingPhotos: 0,
  ...overrides,
});

const PHOTO_ID = '3c7f2c1e-0000-4000-8000-0000000000c1';
const photo = (overrides: Partial<ViewerPhoto> = {}): ViewerPhoto => ({
  id: PHOTO_ID,
  kind: 'before',
  url: '/api/v1/reports/photos/c1.jpg',
  thumbnailUrl: '/api/v1/reports/photos/c1-thumb.jpg',
  width: 800,
  height: 600,
  reviewStatus: 'pending',
  reviewedAt: null,
  reviewReason: null,
  ...overrides,
});

const common = (roles: Role[]) => ({
  'GET /me': meRoute(makeUser(roles)),
  'GET /reports/categories': { body: { items: CATEGORIES } },
  'GET /agencies': { body: { items: [] } },
  'GET /areas': { body: AREAS },
});
const actionsOf = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'POST' && call.path.endsWith('/actions')).map((call) => call.body);

describe('report queue in the staff console', () => {
  it("shows an officer their unit's reports, soonest deadline first, overdue in red", async () => {
    const calls = mockApi({
      ...common(['officer']),
      'GET /console/reports': {
        body: { items: [item(), item({ code: 'PA-261120-0002', secondsLeft: -(5 * 3600), isOverdue: true, status: 'in_progress' })] },
      },
    });
    renderApp({ path: '/console/reports' });
    const cards = await screen.findAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual(['PA-261120-0002', 'PA-261129-0001']);
    expect(within(cards[0] as HTMLElement).getByText(/^Quá hạn 5 giờ/).closest('.countdown--overdue')).not.toBeNull();
    expect(within(cards[1] as HTMLElement).getByText(/^Còn 2 ngày 3 giờ/)).toBeTruthy();
    expect(calls.find((call) => call.path.startsWith('/console/reports'))?.path).toBe('/console/reports?unit=HUE-PH-THUANHOA&limit=200');

    fireEvent.click(screen.getByLabelText('Chỉ phản ánh quá hạn'));
    await waitFor(() => expect(calls.at(-1)?.path).toBe('/console/reports?unit=HUE-PH-THUANHOA&overdue=true&limit=200'));
  });

  it('lets an officer take a report and answer it with a template and an after-photo', async () => {
    const calls = mockApi({
      ...common(['officer']),
      'GET /console/reports': { body: { items: [item()] } },
      'POST /reports/PA-261129-0001/actions': { body: { code: 'PA-261129-0001', status: 'in_progress', dueAt: '2026-12-09T10:00:00.000Z' } },
      'POST /reports/photos': { status: 201, body: { photoId: '3c7f2c1e-0000-4000-8000-0000000000af', kind: 'after', width: 64, height: 48 } },
    });
    renderApp({ path: '/console/reports' });
    fireEvent.click(await screen.findByRole('button', { name: 'Nhận xử lý' }));
    expect(await screen.findByText('Bạn đã nhận xử lý phản ánh PA-261129-0001.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Trả lời kết quả' }));
    const form = screen.getByRole('form', { name: 'Trả lời kết quả' });
    fireEvent.change(within(form).getByLabelText('Mẫu trả lời'), { target: { value: 'encroachmentCleared' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Chèn mẫu' }));
    const answer = within(form).getByLabelText('Nội dung trả lời công khai') as HTMLTextAreaElement;
    expect(answer.value).toMatch(/^Kính gửi Quý Ông\/Bà,\n/);
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi kết quả' }));
    expect(within(form).getByText('Cần ít nhất một ảnh sau khi xử lý.')).toBeTruthy();

    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'sau.jpg', { type: 'image/jpeg' });
    fireEvent.change(within(form).getByLabelText('Chọn ảnh có sẵn'), { target: { files: [photo] } });
    expect(await within(form).findByText('Đã tải lên')).toBeTruthy();
    expect(calls.some((call) => call.path === '/reports/photos?kind=after')).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi kết quả' }));
    expect(await screen.findByText('Đã gửi kết quả xử lý phản ánh PA-261129-0001.')).toBeTruthy();
    expect(actionsOf(calls)).toEqual([{ type: 'take' }, { type: 'resolve', answer: answer.value.trim(), photoIds: ['3c7f2c1e-0000-4000-8000-0000000000af'] }]);
  });

  it('gives IOC operators the triage queue, where they assign a unit, and shows them the reporter', async () => {
    const calls = mockApi({
      ...common(['ioc_operator']),
      'GET /console/reports': (request) => ({
        body: {
          items: request.path.includes('triage=true')
            ? [item({ status: 'submitted', unitCode: null, reporter: { fullName: 'Nguyễn Thị Hoa', email: null, phone: '0905000001' } })]
            : [],
        },
      }),
      'POST /reports/PA-261129-0001/actions': { body: { code: 'PA-261129-0001', status: 'assigned', dueAt: '2026-12-09T10:00:00.000Z' } },
    });
    renderApp({ path: '/console/reports' });
    const queues = await screen.findByRole('group', { name: 'Chọn hàng đợi' });
    expect(within(queues).getByRole('button', { name: 'Chờ phân loại' }).getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText('Người phản ánh: Nguyễn Thị Hoa · 0905000001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nhận xử lý' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Giao đơn vị xử lý' }));
    const form = screen.getByRole('form', { name: 'Giao đơn vị xử lý' });
    fireEvent.click(within(form).getByRole('button', { name: 'Giao' }));
    expect(within(form).getByText('Vui lòng nhập thông tin này.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Mã đơn vị nhận'), { target: { value: 'phuxuan_kt' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Giao' }));
    expect(await screen.findByText('Đã giao phản ánh PA-261129-0001 cho PHUXUAN_KT.')).toBeTruthy();
    expect(actionsOf(calls)).toEqual([{ type: 'accept', unitCode: 'PHUXUAN_KT' }]);

    fireEvent.click(within(queues).getByRole('button', { name: 'Toàn thành phố' }));
    await waitFor(() => expect(calls.at(-1)?.path).toBe('/console/reports?limit=200'));
  });

  it('is in the console navigation for IOC operators, and dossiers are not', async () => {
    mockApi({ ...common(['ioc_operator']), 'GET /console/reports': { body: { items: [] } } });
    renderApp({ path: '/console' });
    const sections = await screen.findByRole('navigation', { name: 'Các mục của bàn làm việc' });
    expect(within(sections).getByRole('link', { name: 'Hàng đợi phản ánh' })).toBeTruthy();
    expect(within(sections).queryByRole('link', { name: /Hồ sơ/ })).toBeNull();
  });
});

describe('staff queue: bulk actions, assignment by name, photo redaction', () => {
  it('lets an officer select reports and take them all at once, showing each outcome', async () => {
    const calls = mockApi({
      ...common(['officer']),
      'GET /console/reports': { body: { items: [item(), item({ code: 'PA-261129-0002', secondsLeft: 100 }), item({ code: 'PA-261129-0003', secondsLeft: 50 })] } },
      'POST /reports/actions/bulk': {
        body: {
          results: [
            { code: 'PA-261129-0003', ok: true, status: 'in_progress' },
            { code: 'PA-261129-0002', ok: false, error: { code: 'reports.invalid_transition', detail: 'Phản ánh đã được người khác nhận.' } },
          ],
        },
      },
    });
    renderApp({ path: '/console/reports' });
    await screen.findAllByRole('article');
    expect(screen.queryByRole('form', { name: 'Xử lý nhiều phản ánh' })).toBeNull();
    fireEvent.click(screen.getByLabelText('Chọn tất cả (3)'));
    expect(screen.getByText('Đã chọn 3 phản ánh.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Chọn phản ánh PA-261129-0001'));
    expect((screen.getByLabelText('Chọn tất cả (3)') as HTMLInputElement).indeterminate).toBe(true);

    const form = screen.getByRole('form', { name: 'Xử lý nhiều phản ánh' });
    expect((within(form).getByLabelText('Thao tác') as HTMLSelectElement).value).toBe('take');
    const queueLoads = calls.filter((call) => call.path.startsWith('/console/reports')).length;
    fireEvent.click(within(form).getByRole('button', { name: 'Áp dụng cho 2 phản ánh' }));
    expect(await screen.findByText('Thành công 1, không thành công 1.')).toBeTruthy();
    expect(screen.getByText('PA-261129-0003: thành công.')).toBeTruthy();
    expect(screen.getByText('PA-261129-0002: Phản ánh đã được người khác nhận.')).toBeTruthy();
    const bulk = calls.filter((call) => call.path === '/reports/actions/bulk');
    expect(bulk.map((call) => call.body)).toEqual([{ codes: ['PA-261129-0003', 'PA-261129-0002'], action: { type: 'take' } }]);
    await waitFor(() => expect(calls.filter((call) => call.path.startsWith('/console/reports')).length).toBe(queueLoads + 1));
    expect((screen.getByLabelText('Chọn phản ánh PA-261129-0002') as HTMLInputElement).checked).toBe(false);
  });

  it('lets the IOC transfer a selection to a unit with a reason', async () => {
    const calls = mockApi({
      ...common(['ioc_operator']),
      'GET /console/reports': { body: { items: [item({ status: 'submitted', unitCode: null })] } },
      'POST /reports/actions/bulk': { body: { results: [{ code: 'PA-261129-0001', ok: true, status: 'assigned' }] } },
    });
    renderApp({ path: '/console/reports' });
    fireEvent.click(await screen.findByLabelText('Chọn phản ánh PA-261129-0001'));
    const form = screen.getByRole('form', { name: 'Xử lý nhiều phản ánh' });
    fireEvent.change(within(form).getByLabelText('Thao tác'), { target: { value: 'transfer' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Áp dụng cho 1 phản ánh' }));
    expect(within(form).getByText('Vui lòng nhập thông tin này.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Mã đơn vị nhận'), { target: { value: 'phuxuan_kt' } });
    fireEvent.change(within(form).getByLabelText('Lý do'), { target: { value: 'Sai địa bàn' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Áp dụng cho 1 phản ánh' }));
    expect(await screen.findByText('PA-261129-0001: thành công.')).toBeTruthy();
    expect(calls.filter((call) => call.path === '/reports/actions/bulk').map((call) => call.body)).toEqual([
      { codes: ['PA-261129-0001'], action: { type: 'transfer', unitCode: 'PHUXUAN_KT', reason: 'Sai địa bàn' } },
    ]);
  });

  it("lets a lead assign a report to one of the unit's officers, and hides the choice when the API refuses", async () => {
    const calls = mockApi({
      ...common(['unit_lead']),
      'GET /console/reports': { body: { items: [item()] } },
      'GET /console/units/HUE-PH-THUANHOA/officers': {
        body: { items: [{ id: '00000000-0000-4000-8000-0000000000b1', fullName: 'Trần Văn Minh' }, { id: '00000000-0000-4000-8000-0000000000b2', fullName: 'Lê Thị Thu' }] },
      },
      'POST /reports/PA-261129-0001/actions': { body: { code: 'PA-261129-0001', status: 'in_progress', dueAt: '2026-12-09T10:00:00.000Z' } },
    });
    renderApp({ path: '/console/reports' });
    const form = await screen.findByRole('form', { name: 'Giao cho cán bộ' });
    fireEvent.change(within(form).getByLabelText('Giao cho cán bộ'), { target: { value: '00000000-0000-4000-8000-0000000000b2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Giao' }));
    expect(await screen.findByText('Đã giao phản ánh PA-261129-0001 cho Lê Thị Thu.')).toBeTruthy();
    expect(actionsOf(calls)).toEqual([{ type: 'take', officerId: '00000000-0000-4000-8000-0000000000b2' }]);
  });

  it('shows no officer choice when the officers list is refused', async () => {
    const calls = mockApi({
      ...common(['unit_lead']),
      'GET /console/reports': { body: { items: [item()] } },
      'GET /console/units/HUE-PH-THUANHOA/officers': { status: 403, body: { type: 'about:blank', title: 'forbidden', status: 403, code: 'auth.forbidden', detail: 'Không có quyền.' } },
    });
    renderApp({ path: '/console/reports' });
    await screen.findByRole('button', { name: 'Nhận xử lý' });
    await waitFor(() => expect(calls.some((call) => call.path === '/console/units/HUE-PH-THUANHOA/officers')).toBe(true));
    expect(screen.queryByRole('form', { name: 'Giao cho cán bộ' })).toBeNull();
    expect(screen.queryByLabelText('Giao cho cán bộ')).toBeNull();
  });

  it('lets staff draw boxes over a photo (or type them) and sends them as fractions, then reloads the picture', async () => {
    const calls = mockApi({
      ...common(['officer']),
      'GET /console/reports': { body: { items: [item()] } },
      'GET /reports/PA-261129-0001/photos': { body: { items: [photo({ reviewStatus: 'published' })], canReview: true } },
      'POST /reports/PA-261129-0001/photos/3c7f2c1e-0000-4000-8000-0000000000c1/redact': { status: 204 },
    });
    renderApp({ path: '/console/reports' });
    fireEvent.click(await screen.findByRole('button', { name: 'Ảnh và che thông tin' }));
    const image = (await screen.findByRole('img', { name: 'Ảnh 1 (trước xử lý)' })) as HTMLImageElement;
    expect(image.getAttribute('src')).toBe('/api/v1/reports/photos/c1.jpg');
    fireEvent.click(screen.getByRole('button', { name: 'Che khuôn mặt, biển số' }));

    const stage = screen.getByRole('application', { name: 'Vùng vẽ ô che trên ảnh 1' });
    vi.spyOn(stage, 'getBoundingClientRect').mockReturnValue({ left: 10, top: 20, width: 400, height: 300, right: 410, bottom: 320, x: 10, y: 20, toJSON: () => ({}) });
    fireEvent.pointerDown(stage, { button: 0, pointerId: 1, clientX: 110, clientY: 50 });
    fireEvent.pointerMove(stage, { pointerId: 1, clientX: 160, clientY: 120 });
    fireEvent.pointerUp(stage, { pointerId: 1, clientX: 210, clientY: 200 });
    expect((screen.getByLabelText('Ô che 1: Từ trái (%)') as HTMLInputElement).value).toBe('25');
    expect((screen.getByLabelText('Ô che 1: Cao (%)') as HTMLInputElement).value).toBe('50');

    fireEvent.click(screen.getByRole('button', { name: 'Thêm ô che' }));
    for (const [field, value] of [['Từ trái (%)', '50'], ['Từ trên (%)', '60'], ['Rộng (%)', '20'], ['Cao (%)', '10']] as const) {
      fireEvent.change(screen.getByLabelText(`Ô che 2: ${field}`), { target: { value } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Che và lưu ảnh' }));
    expect(await screen.findByText('Đã che thông tin trên ảnh.')).toBeTruthy();
    const redactions = calls.filter((call) => call.path.endsWith('/redact'));
    expect(redactions.map((call) => call.body)).toEqual([
      {
        boxes: [
          { x: 0.25, y: 0.1, width: 0.25, height: 0.5 },
          { x: 0.5, y: 0.6, width: 0.2, height: 0.1 },
        ],
      },
    ]);
    expect(redactions[0]?.headers['x-csrf-token']).toBe('csrf-from-me');
    expect(image.getAttribute('src')).toMatch(/^\/api\/v1\/reports\/photos\/c1\.jpg\?v=\d+$/);
  });

  it("shows a citizen's photo pending review and publishes it", async () => {
    const calls = mockApi({
      ...common(['officer']),
      'GET /console/reports': { body: { items: [item({ pendingPhotos: 1 })] } },
      'GET /reports/PA-261129-0001/photos': { body: { items: [photo()], canReview: true } },
      [`POST /reports/PA-261129-0001/photos/${PHOTO_ID}/review`]: { body: { photo: photo({ reviewStatus: 'published', reviewedAt: '2026-11-29T04:00:00.000Z' }), isChanged: true } },
    });
    renderApp({ path: '/console/reports' });
    const card = await screen.findByRole('article');
    expect(within(card).getByText('1 ảnh chờ duyệt')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ảnh và che thông tin' }));
    const photos = await screen.findByRole('region', { name: 'Ảnh của phản ánh PA-261129-0001' });
    expect(within(photos).getByText('Đang chờ duyệt')).toBeTruthy();
    fireEvent.click(within(photos).getByRole('button', { name: 'Công bố ảnh 1' }));
    expect(await within(photos).findByText('Đã công bố ảnh.')).toBeTruthy();
    expect(within(photos).getByText('Đã công bố')).toBeTruthy();
    expect(within(photos).queryByRole('button', { name: 'Công bố ảnh 1' })).toBeNull();
    const reviews = calls.filter((call) => call.path.endsWith('/review'));
    expect(reviews.map((call) => call.body)).toEqual([{ decision: 'publish' }]);
    expect(reviews[0]?.headers['x-csrf-token']).toBe('csrf-from-me');
  });

  it('withholds a photo only with a reason, which staff then see', async () => {
    const reason = 'Thấy rõ biển số xe';
    const calls = mockApi({
      ...common(['ioc_operator']),
      'GET /console/reports': { body: { items: [item({ pendingPhotos: 1 })] } },
      'GET /reports/PA-261129-0001/photos': { body: { items: [photo()], canReview: true } },
      [`POST /reports/PA-261129-0001/photos/${PHOTO_ID}/review`]: { body: { photo: photo({ reviewStatus: 'withheld', reviewReason: reason, reviewedAt: '2026-11-29T04:00:00.000Z' }), isChanged: true } },
    });
    renderApp({ path: '/console/reports' });
    fireEvent.click(await screen.findByRole('button', { name: 'Ảnh và che thông tin' }));
    const photos = await screen.findByRole('region', { name: 'Ảnh của phản ánh PA-261129-0001' });
    fireEvent.click(within(photos).getByRole('button', { name: 'Không công bố ảnh 1' }));
    const form = within(photos).getByRole('form', { name: 'Không công bố ảnh 1' });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận không công bố' }));
    expect(await within(form).findByText('Vui lòng nêu lý do.')).toBeTruthy();
    expect(calls.filter((call) => call.path.endsWith('/review'))).toEqual([]);
    fireEvent.change(within(form).getByLabelText(/^Lý do không công bố/), { target: { value: `  ${reason} ` } });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận không công bố' }));
    expect(await within(photos).findByText('Đã không công bố ảnh.')).toBeTruthy();
    expect(within(photos).getByText(`Lý do không công bố: ${reason}`)).toBeTruthy();
    expect(within(photos).getByText('Không công bố')).toBeTruthy();
    expect(calls.filter((call) => call.path.endsWith('/review')).map((call) => call.body)).toEqual([{ decision: 'withhold', reason }]);
  });

  it('shows the photos without review buttons to staff who may not review', async () => {
    mockApi({
      ...common(['officer']),
      'GET /console/reports': { body: { items: [item()] } },
      'GET /reports/PA-261129-0001/photos': { body: { items: [photo()], canReview: false } },
    });
    renderApp({ path: '/console/reports' });
    fireEvent.click(await screen.findByRole('button', { name: 'Ảnh và che thông tin' }));
    const photos = await screen.findByRole('region', { name: 'Ảnh của phản ánh PA-261129-0001' });
    expect(within(photos).getByText('Đang chờ duyệt')).toBeTruthy();
    expect(within(photos).queryByRole('button', { name: 'Công bố ảnh 1' })).toBeNull();
  });
});
