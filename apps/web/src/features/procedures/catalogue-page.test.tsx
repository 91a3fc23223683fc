import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi, type RecordedRequest } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { BIRTH_REGISTRATION, BIRTH_SUMMARY, CONSTRUCTION_PERMIT_SUMMARY, DOSSIER_CODE, makeDossier } from './procedure-fixtures.ts';

const searchOf = (call: RecordedRequest) => new URL(call.path, 'http://localhost').searchParams;
const catalogueCalls = (calls: RecordedRequest[]) => calls.filter((call) => call.path.startsWith('/procedures?'));

describe('procedure catalogue', () => {
  it('lists procedures with field, time limit, fee and online level, and searches and filters through the API', async () => {
    const calls = mockApi({
      'GET /me': meRoute(undefined),
      'GET /procedures': (request) => {
        const search = searchOf(request);
        if (search.get('level') === 'department') return { body: { items: [CONSTRUCTION_PERMIT_SUMMARY], total: 1 } };
        if (search.get('q')) return { body: { items: [BIRTH_SUMMARY], total: 1 } };
        return { body: { items: [BIRTH_SUMMARY, CONSTRUCTION_PERMIT_SUMMARY], total: 2 } };
      },
    });
    renderApp({ path: '/services' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' })).toBeTruthy();
    const birth = (await screen.findByRole('link', { name: 'Đăng ký khai sinh' })).closest('li') as HTMLElement;
    expect(within(birth).getByText('Toàn trình')).toBeTruthy();
    expect(within(birth).getByText(/Hộ tịch · Cấp phường, xã/)).toBeTruthy();
    expect(within(birth).getByText('3 ngày làm việc')).toBeTruthy();
    expect(within(birth).getByText(/^8\.000\s₫$/)).toBeTruthy();
    const permit = screen.getByRole('link', { name: 'Cấp giấy phép xây dựng' }).closest('li') as HTMLElement;
    expect(within(permit).getByText('Miễn phí')).toBeTruthy();
    expect(within(permit).getByText('Một phần')).toBeTruthy();
    expect(within(permit).getByText(/Sở Xây dựng/)).toBeTruthy();
    expect(screen.getByText('Tìm thấy 2 thủ tục.')).toBeTruthy();
    const field = screen.getByLabelText('Lĩnh vực') as HTMLSelectElement;
    expect([...field.options].map((option) => option.textContent)).toEqual(['Tất cả lĩnh vực', 'Hoạt động xây dựng', 'Hộ tịch']);

    fireEvent.change(screen.getByLabelText('Tên hoặc mã thủ tục'), { target: { value: 'khai sinh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tìm kiếm' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Cấp giấy phép xây dựng' })).toBeNull());
    expect(searchOf(catalogueCalls(calls).at(-1) as RecordedRequest).get('q')).toBe('khai sinh');
    expect(screen.getByTestId('location').textContent).toBe('/services?q=khai+sinh');

    fireEvent.change(screen.getByLabelText('Tên hoặc mã thủ tục'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Cấp thực hiện'), { target: { value: 'department' } });
    expect(await screen.findByRole('link', { name: 'Cấp giấy phép xây dựng' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Đăng ký khai sinh' })).toBeNull());
    fireEvent.change(field, { target: { value: 'Hoạt động xây dựng' } });
    await waitFor(() => expect(searchOf(catalogueCalls(calls).at(-1) as RecordedRequest).get('field')).toBe('Hoạt động xây dựng'));
    expect(searchOf(catalogueCalls(calls).at(-1) as RecordedRequest).get('level')).toBe('department');
  });

  it('shows a procedure: time, fees, papers, steps and legal basis, with the button to apply', async () => {
    mockApi({ 'GET /me': meRoute(undefined), 'GET /procedures/1.001193': { body: BIRTH_REGISTRATION } });
    renderApp({ path: '/services/1.001193' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeTruthy();
    expect(screen.getByText('Thời hạn giải quyết').nextElementSibling?.textContent).toBe('3 ngày làm việc');
    const fees = screen.getByRole('region', { name: 'Phí, lệ phí' });
    expect(fees.textContent).toMatch(/Lệ phí đăng ký khai sinh\s*8\.000\s₫/);
    const papers = screen.getByRole('region', { name: 'Thành phần hồ sơ' });
    expect(within(papers).getAllByText('Bắt buộc')).toHaveLength(2);
    expect(within(papers).getByText('Không bắt buộc')).toBeTruthy();
    expect(within(papers).getByRole('link', { name: 'Tải mẫu “Tờ khai đăng ký khai sinh”' })).toBeTruthy();
    expect(within(papers).getAllByRole('link')).toHaveLength(1);
    const steps = screen.getByRole('region', { name: 'Trình tự thực hiện' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(3);
    expect(within(steps).getByText(/Bộ phận một cửa · Cán bộ một cửa · 10% thời hạn/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Căn cứ pháp lý' })).getByText('Nghị định 123/2015/NĐ-CP')).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Fservices%2F1.001193%2Fapply'));
  });

  it('speaks English when chosen', async () => {
    mockApi({ 'GET /me': meRoute(undefined), 'GET /procedures/1.001193': { body: BIRTH_REGISTRATION } });
    renderApp({ path: '/services/1.001193', locale: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Birth registration' })).toBeTruthy();
    expect(screen.getByText('Time limit').nextElementSibling?.textContent).toBe('3 working days');
    expect(screen.getByText('Fully online')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Apply online' })).toBeTruthy();
  });
});

describe('my dossiers', () => {
  it('lists the citizen’s dossiers with status names, appointment date and an overdue mark', async () => {
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'GET /dossiers': (request) =>
        searchOf(request).get('status') === 'fee_due'
          ? { body: { items: [], total: 0 } }
          : { body: { items: [makeDossier({ status: 'supplement_requested', isOverdue: true }), makeDossier({ code: 'PHUXUAN-261120-0003', status: 'delivered' })], total: 2 } },
    });
    renderApp({ path: '/dossiers/mine' });
    const first = (await screen.findByRole('link', { name: DOSSIER_CODE })).closest('li') as HTMLElement;
    expect(screen.getByRole('link', { name: DOSSIER_CODE }).getAttribute('href')).toBe(`/dossiers/${DOSSIER_CODE}`);
    expect(within(first).getByText('Yêu cầu bổ sung giấy tờ')).toBeTruthy();
    expect(within(first).getByText('Quá hạn')).toBeTruthy();
    expect(within(first).getByText('Đăng ký khai sinh')).toBeTruthy();
    expect(within(first).getByText(/Ngày hẹn trả/).querySelector('time[datetime="2026-12-02"]')).toBeTruthy();
    const second = screen.getByRole('link', { name: 'PHUXUAN-261120-0003' }).closest('li') as HTMLElement;
    expect(within(second).getByText('Đã trả kết quả')).toBeTruthy();
    expect(within(second).queryByText('Quá hạn')).toBeNull();

    fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'fee_due' } });
    expect(await screen.findByText('Không có hồ sơ nào ở trạng thái này.')).toBeTruthy();
    expect(searchOf(calls.at(-1) as RecordedRequest).get('status')).toBe('fee_due');
  });
});
