import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@onecity/contracts';
import { forgetLoadedAreas } from '../../../components/map/areas.ts';
import { makeUser, meRoute, mockApi, type RecordedRequest } from '../../../test/api-mock.ts';
import { AREAS, CATEGORIES } from '../../../test/report-fixtures.ts';
import { renderApp } from '../../../test/render-app.tsx';
import type { QueueItem } from '../reports.api.ts';

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
