import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetLoadedAreas } from '../../components/map/areas.ts';
import { makeUser, meRoute, mockApi, problem, type RecordedRequest } from '../../test/api-mock.ts';
import { AREAS, CATEGORIES, makeReport } from '../../test/report-fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import type * as deviceStoreModule from './device-store.ts';
import { findDeviceStore } from './device-store.ts';
import { draftKey, draftPhotoPrefix, saveDraft } from './report-draft.ts';
import { findQueuedReport, outboxKey } from './report-outbox.ts';

// jsdom has no IndexedDB: the page gets the in-memory store, which keeps Blobs through the same interface.
vi.mock('./device-store.ts', async (importOriginal) => {
  const real = await importOriginal<typeof deviceStoreModule>();
  const store = real.createMemoryStore();
  return { ...real, findDeviceStore: () => store };
});

// Leaflet needs a real layout engine; the form is tested with its typed-coordinates fallback instead.
vi.mock('../../components/map/wards-map.tsx', async () => {
  const { AREAS: areas } = await import('../../test/report-fixtures.ts');
  return {
    PLACE_ZOOM: 17,
    MapCanvas: ({ label }: { label: string }) => <div role="region" aria-label={label} />,
    useWardsMap: () => ({ map: undefined, areas, areasError: undefined }),
  };
});

beforeEach(async () => {
  forgetLoadedAreas();
  const store = findDeviceStore();
  for (const key of (await store?.keys('')) ?? []) await store?.delete(key);
});

const user = makeUser();
const sent = makeReport({ code: 'PA-261129-0042', category: { code: 'STREET_LIGHT', nameVi: 'Chiếu sáng công cộng', nameEn: 'Street lighting' } });

function routes(extra: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /me': meRoute(user),
    'GET /reports/categories': { body: { items: CATEGORIES } },
    'GET /areas': { body: AREAS },
    'GET /reports/nearby': { body: { items: [] } },
    'POST /reports/photos': { status: 201, body: { photoId: '5f0c1c9e-1d7a-4c55-9a43-000000000001', kind: 'before', width: 64, height: 48 } },
    'POST /reports': { status: 201, body: sent },
    ...extra,
  });
}

async function chooseStreetLight() {
  fireEvent.click(await screen.findByRole('radio', { name: 'Chiếu sáng công cộng' }));
}

function setPlace(lat: string, lng: string) {
  fireEvent.change(screen.getByLabelText('Vĩ độ'), { target: { value: lat } });
  fireEvent.change(screen.getByLabelText('Kinh độ'), { target: { value: lng } });
  fireEvent.click(screen.getByRole('button', { name: 'Đặt vị trí' }));
}

const posted = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'POST' && call.path === '/reports');

describe('new report form', () => {
  it('asks the questions of the chosen category, checks them, and sends the report with its photo', async () => {
    const calls = routes();
    renderApp({ path: '/reports/new' });
    await chooseStreetLight();

    const question = screen.getByLabelText('Tình trạng đèn');
    expect(question.tagName).toBe('SELECT');
    expect(screen.getByLabelText('Số hiệu cột đèn (không bắt buộc)')).toBeTruthy();
    expect(screen.getByText('Hạn xử lý: 5 ngày làm việc kể từ khi tiếp nhận.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByText('Vui lòng chọn một phương án.')).toBeTruthy();
    expect(screen.getByText('Mô tả cần từ 10 đến 4000 ký tự.')).toBeTruthy();
    expect(screen.getByText('Vui lòng chọn vị trí trên bản đồ, dùng vị trí hiện tại hoặc nhập tọa độ.')).toBeTruthy();
    expect(document.activeElement).toBe(question);
    expect(posted(calls)).toHaveLength(0);

    setPlace('10.77', '106.70');
    expect(screen.getByText(/ngoài địa bàn thành phố/)).toBeTruthy();
    setPlace('16.4698', '107.5786');
    expect(screen.getByText('Vị trí đã chọn: 16.46980, 107.57860 · Phường Phú Xuân')).toBeTruthy();
    fireEvent.change(question, { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: '  Đèn đường trước số 12 không sáng  ' } });
    // jsdom cannot make object URLs for previews; the browser journey shows the real preview.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:preview-1');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'den.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('Chọn ảnh có sẵn'), { target: { files: [file] } });
    expect(await screen.findByText('Đã tải lên')).toBeTruthy();
    const upload = calls.find((call) => call.path === '/reports/photos?kind=before');
    expect(upload?.headers['content-type']).toBe('image/jpeg');

    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đã gửi phản ánh' })).toBeTruthy();
    expect(posted(calls)[0]?.body).toEqual({
      categoryCode: 'STREET_LIGHT',
      description: 'Đèn đường trước số 12 không sáng',
      location: { lat: 16.4698, lng: 107.5786 },
      answers: { light_state: 'off' },
      photoIds: ['5f0c1c9e-1d7a-4c55-9a43-000000000001'],
    });
    expect(screen.getByText('PA-261129-0042')).toBeTruthy();
    expect(screen.getByText('Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân')).toBeTruthy();
    expect(screen.getByText(/quy tắc riêng của địa bàn #10/)).toBeTruthy();
    expect(screen.getByText(/^Còn /)).toBeTruthy();
    expect(window.localStorage.getItem(draftKey(user.id))).toBeNull();
  });

  it('accepts numbers written with a decimal comma and refuses other text', async () => {
    const calls = routes();
    renderApp({ path: '/reports/new' });
    fireEvent.click(await screen.findByRole('radio', { name: 'Ngập úng, thoát nước' }));
    const depth = screen.getByLabelText('Độ sâu nước (cm) (không bắt buộc)');
    fireEvent.change(depth, { target: { value: 'sâu lắm' } });
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: 'Nước ngập ngang bánh xe máy' } });
    setPlace('16,4698', '107,5786');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByText('Vui lòng nhập một số, ví dụ 12 hoặc 12,5.')).toBeTruthy();
    fireEvent.change(depth, { target: { value: '12,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    await screen.findByRole('heading', { level: 1, name: 'Đã gửi phản ánh' });
    expect(posted(calls)[0]?.body).toMatchObject({ categoryCode: 'FLOODING', answers: { water_depth_cm: 12.5 } });
  });

  it("shows the API's detail and field errors", async () => {
    routes({
      'POST /reports': {
        status: 400,
        body: problem(400, 'reports.invalid_answer', 'Câu trả lời chưa hợp lệ.', [{ field: 'answers.light_state', message: 'không phải một lựa chọn' }]),
      },
    });
    renderApp({ path: '/reports/new' });
    await chooseStreetLight();
    fireEvent.change(screen.getByLabelText('Tình trạng đèn'), { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: 'Đèn đường không sáng' } });
    setPlace('16.4698', '107.5786');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Câu trả lời chưa hợp lệ.');
    expect(screen.getByText('không phải một lựa chọn')).toBeTruthy();
  });

  it('keeps the draft across a reload', async () => {
    routes();
    const first = renderApp({ path: '/reports/new' });
    await chooseStreetLight();
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: 'Đèn tắt cả tuần nay' } });
    setPlace('16.4698', '107.5786');
    first.unmount();

    renderApp({ path: '/reports/new' });
    expect(await screen.findByText('Đã khôi phục bản nháp bạn đang viết dở trên thiết bị này.')).toBeTruthy();
    expect(((await screen.findByRole('radio', { name: 'Chiếu sáng công cộng' })) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Mô tả vấn đề') as HTMLTextAreaElement).value).toBe('Đèn tắt cả tuần nay');
    expect(screen.getByText('Vị trí đã chọn: 16.46980, 107.57860 · Phường Phú Xuân')).toBeTruthy();
  });

  it('keeps the report on the device when offline and sends it when the connection returns', async () => {
    const calls = routes();
    renderApp({ path: '/reports/new' });
    await chooseStreetLight();
    fireEvent.change(screen.getByLabelText('Tình trạng đèn'), { target: { value: 'flickering' } });
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: 'Đèn chập chờn suốt đêm' } });
    setPlace('16.4698', '107.5786');

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect((await screen.findByText(/Không có kết nối mạng. Phản ánh đã được lưu trên thiết bị/)).textContent).toContain('tự động gửi');
    expect(posted(calls)).toHaveLength(0);
    expect(await findDeviceStore()?.get(outboxKey(user.id))).toBeDefined();

    onLine.mockReturnValue(true);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đã gửi phản ánh' })).toBeTruthy();
    expect(screen.getByText('Đã có mạng trở lại: phản ánh lưu trên thiết bị đã được gửi.')).toBeTruthy();
    expect(posted(calls)).toHaveLength(1);
    expect(await findDeviceStore()?.get(outboxKey(user.id))).toBeUndefined();
    expect(window.localStorage.getItem(draftKey(user.id))).toBeNull();
  });

  it('keeps photos chosen offline on the device and sends them with the report when the connection returns', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:preview-1');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const calls = routes();
    renderApp({ path: '/reports/new' });
    await chooseStreetLight();
    fireEvent.change(screen.getByLabelText('Tình trạng đèn'), { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: 'Cột đèn gãy đổ ra giữa đường' } });
    setPlace('16.4698', '107.5786');

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0x01])], 'cot-den.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('Chọn ảnh có sẵn'), { target: { files: [file] } });
    expect(await screen.findByText('Chưa có mạng: ảnh được lưu trên thiết bị và gửi cùng phản ánh')).toBeTruthy();
    // The picture itself is on the device, named by the draft, so a reload keeps it.
    await waitFor(async () => expect(await findDeviceStore()?.keys(draftPhotoPrefix(user.id))).toHaveLength(1));
    await waitFor(() => expect(window.localStorage.getItem(draftKey(user.id))).toContain(draftPhotoPrefix(user.id)));

    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByText(/Phản ánh cùng 1 ảnh đã được lưu trên thiết bị/)).toBeTruthy();
    const queued = await findQueuedReport(findDeviceStore(), user.id);
    expect(queued?.photos).toHaveLength(1);
    expect(new Uint8Array(await (queued?.photos[0] as Blob).arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0x01]));
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);

    onLine.mockReturnValue(true);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đã gửi phản ánh' })).toBeTruthy();
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.path)).toEqual(['/reports/photos?kind=before', '/reports']);
    expect(posts[0]?.headers['content-type']).toBe('image/jpeg');
    expect(posts[1]?.body).toMatchObject({ categoryCode: 'STREET_LIGHT', photoIds: ['5f0c1c9e-1d7a-4c55-9a43-000000000001'] });
    expect(await findDeviceStore()?.keys('')).toEqual([]);
  });

  it('restores a photo kept on the device with the draft, and uploads it when the report is sent', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:restored');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const store = findDeviceStore();
    const deviceKey = `${draftPhotoPrefix(user.id)}kept-1`;
    await store?.set(deviceKey, new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0x02])], { type: 'image/jpeg' }));
    await store?.set(`${draftPhotoPrefix(user.id)}left-over`, new Blob(['old']));
    saveDraft(window.localStorage, user.id, {
      categoryCode: 'STREET_LIGHT',
      description: 'Đèn đường tắt từ tối qua',
      answers: { light_state: 'off' },
      location: { lat: 16.4698, lng: 107.5786 },
      address: '',
      isUrgent: false,
      photos: [{ deviceKey, addedAt: '2026-11-20T03:00:00.000Z' }],
    });
    const calls = routes();
    renderApp({ path: '/reports/new' });
    expect(await screen.findByText('Chưa có mạng: ảnh được lưu trên thiết bị và gửi cùng phản ánh')).toBeTruthy();
    expect((await screen.findByRole('img', { name: 'Ảnh 1' })).getAttribute('src')).toBe('blob:restored');
    // What the draft no longer names is removed from the device.
    await waitFor(async () => expect(await store?.keys(draftPhotoPrefix(user.id))).toEqual([deviceKey]));

    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đã gửi phản ánh' })).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/reports/photos?kind=before', '/reports']);
    expect(posted(calls)[0]?.body).toMatchObject({ photoIds: ['5f0c1c9e-1d7a-4c55-9a43-000000000001'] });
    await waitFor(async () => expect(await store?.keys('')).toEqual([]));
  });

  it('drops a photo the draft names but the device no longer has', async () => {
    saveDraft(window.localStorage, user.id, { categoryCode: 'STREET_LIGHT', description: 'Đèn đường tắt nhiều ngày', answers: {}, location: null, address: '', isUrgent: false, photos: [{ deviceKey: `${draftPhotoPrefix(user.id)}gone`, addedAt: '2026-11-20T03:00:00.000Z' }] });
    routes();
    renderApp({ path: '/reports/new' });
    expect(await screen.findByText('Đã khôi phục bản nháp bạn đang viết dở trên thiết bị này.')).toBeTruthy();
    await screen.findByRole('radio', { name: 'Chiếu sáng công cộng' });
    await waitFor(() => expect(window.localStorage.getItem(draftKey(user.id))).not.toContain('gone'));
    expect(window.localStorage.getItem(draftKey(user.id))).toContain('Đèn đường tắt nhiều ngày');
    expect(screen.queryByRole('list', { name: /Ảnh đã chọn/ })).toBeNull();
  });

  it('queues the report when the request gets no answer', async () => {
    routes({ 'POST /reports': () => { throw new TypeError('Failed to fetch'); } });
    renderApp({ path: '/reports/new' });
    await chooseStreetLight();
    fireEvent.change(screen.getByLabelText('Tình trạng đèn'), { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('Mô tả vấn đề'), { target: { value: 'Đèn không sáng từ hôm qua' } });
    setPlace('16.4698', '107.5786');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByText(/Phản ánh đã được lưu trên thiết bị/)).toBeTruthy();
    expect(screen.queryByText('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.')).toBeNull();
  });

  it('offers to follow an open report of the same category nearby instead', async () => {
    const calls = routes({
      'GET /reports/nearby': {
        body: { items: [{ code: 'PA-261128-0003', description: 'Đèn đường hỏng đầu hẻm', status: 'in_progress', distanceMetres: 12.4, createdAt: '2026-11-28T02:00:00.000Z' }] },
      },
      'POST /reports/PA-261128-0003/follow': { status: 204 },
    });
    renderApp({ path: '/reports/new' });
    await chooseStreetLight();
    setPlace('16.4698', '107.5786');
    const nearby = await screen.findByRole('region', { name: 'Phản ánh tương tự ở gần' }, { timeout: 2000 });
    expect(within(nearby).getByText('cách 12 m')).toBeTruthy();
    expect(calls.some((call) => call.path === '/reports/nearby?category=STREET_LIGHT&lat=16.4698&lng=107.5786')).toBe(true);
    fireEvent.click(within(nearby).getByRole('button', { name: 'Theo dõi phản ánh PA-261128-0003' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path === '/reports/PA-261128-0003/follow')).toBe(true));
    expect(await screen.findByText('Bạn đang theo dõi: PA-261128-0003. Bạn sẽ được báo khi có kết quả.')).toBeTruthy();
  });

  it('groups the categories and finds them by a search typed without accents', async () => {
    routes();
    renderApp({ path: '/reports/new' });
    const order = await screen.findByRole('group', { name: 'Trật tự đô thị' });
    expect(within(order).getByRole('radio', { name: 'Lấn chiếm lòng đường, vỉa hè' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Tìm loại vấn đề'), { target: { value: 'lan chiem' } });
    expect(screen.queryByRole('radio', { name: 'Chiếu sáng công cộng' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Lấn chiếm lòng đường, vỉa hè' })).toBeTruthy();
  });
});

