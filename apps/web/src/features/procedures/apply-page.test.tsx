import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../components/format.ts';
import { makeUser, meRoute, mockApi, problem, type MockRoute, type RecordedRequest } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { BIRTH_REGISTRATION, BIRTH_SUMMARY, CONSTRUCTION_PERMIT_SUMMARY, DOSSIER_CODE, HUE_AGENCIES, makeDossier } from './procedure-fixtures.ts';

const citizen = makeUser([], { phone: '0905000001' });
const fileId = (index: number) => `5f0c1c9e-1d7a-4c55-9a43-${String(index).padStart(12, '0')}`;

function routes(user = citizen, extra: Record<string, MockRoute> = {}) {
  let uploads = 0;
  return mockApi({
    'GET /me': meRoute(user),
    'GET /procedures/1.001193': { body: BIRTH_REGISTRATION },
    'GET /agencies?under=HUE': { body: { items: HUE_AGENCIES } },
    'POST /dossiers/files': (request) => {
      uploads += 1;
      return { status: 201, body: { fileId: fileId(uploads), fileName: decodeURIComponent(request.headers['x-file-name'] ?? ''), contentType: request.headers['content-type'], byteSize: 3 } };
    },
    'POST /dossiers': { status: 201, body: makeDossier() },
    [`GET /dossiers/${DOSSIER_CODE}`]: { body: makeDossier() },
    ...extra,
  });
}

const pdf = (name: string) => new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], name, { type: 'application/pdf' });
const posted = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'POST' && call.path === '/dossiers');

async function upload(componentName: string, file: File) {
  fireEvent.change(screen.getByLabelText(`Chọn tệp – ${componentName}`), { target: { files: [file] } });
  const list = await screen.findByRole('list', { name: `Tệp đã chọn cho “${componentName}”` });
  await within(list).findByText('Đã tải lên');
}

async function fillValidForm() {
  fireEvent.change(await screen.findByLabelText('Phường, xã nơi nộp hồ sơ *'), { target: { value: 'PHUXUAN' } });
  fireEvent.change(screen.getByLabelText('Số định danh cá nhân (CCCD) *'), { target: { value: '046190000123' } });
  fireEvent.change(screen.getByLabelText('Địa chỉ liên hệ *'), { target: { value: ' 12 Lê Lợi, Phú Xuân, Huế ' } });
  fireEvent.change(screen.getByLabelText('Họ và tên người được khai sinh *'), { target: { value: 'Trần Minh An' } });
  fireEvent.change(screen.getByLabelText('Ngày sinh *'), { target: { value: '2026-11-20' } });
  fireEvent.change(screen.getByLabelText('Giới tính *'), { target: { value: 'male' } });
  fireEvent.change(screen.getByLabelText('Con thứ'), { target: { value: '1' } });
  await upload('Tờ khai đăng ký khai sinh', pdf('tờ khai.pdf'));
  await upload('Giấy chứng sinh', new File([new Uint8Array([0xff, 0xd8, 0xff])], 'chung-sinh.jpg', { type: 'image/jpeg' }));
}

describe('apply page', () => {
  it('sends visitors to log in first', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/services/1.001193/apply' });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Fservices%2F1.001193%2Fapply'));
  });

  it('prefills the applicant, uploads each paper at once, sends the dossier and opens it with the code and date', async () => {
    const calls = routes();
    renderApp({ path: '/services/1.001193/apply' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký khai sinh' })).toBeTruthy();
    expect((screen.getByLabelText('Họ và tên *') as HTMLInputElement).value).toBe('Nguyễn Thị Lan');
    expect((screen.getByLabelText('Số điện thoại *') as HTMLInputElement).value).toBe('0905000001');
    expect((screen.getByLabelText('Thư điện tử (e-mail)') as HTMLInputElement).value).toBe('lan@example.vn');
    expect(screen.getByText(/Thời hạn giải quyết: 3 ngày làm việc\. Phí, lệ phí: 8\.000\s₫\./)).toBeTruthy();
    // Wards and communes of the city only, by name.
    const ward = (await screen.findByLabelText('Phường, xã nơi nộp hồ sơ *')) as HTMLSelectElement;
    expect([...ward.options].map((option) => option.textContent)).toEqual(['— Chọn —', 'Phường Phú Xuân', 'Phường Thuận Hóa', 'Xã Phú Vang']);
    // A template link is offered; an unsafe one is not.
    expect(screen.getByRole('link', { name: 'Tải mẫu “Tờ khai đăng ký khai sinh”' }).getAttribute('href')).toBe('/templates/to-khai-khai-sinh.pdf');
    expect(screen.queryByRole('link', { name: 'Tải mẫu “Giấy tờ khác”' })).toBeNull();

    await fillValidForm();
    const uploadCall = calls.find((call) => call.path === '/dossiers/files');
    expect(uploadCall?.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('tờ khai.pdf'), 'x-csrf-token': 'csrf-from-me' });
    const chosen = screen.getByRole('list', { name: 'Tệp đã chọn cho “Tờ khai đăng ký khai sinh”' });
    expect(within(chosen).getByText('tờ khai.pdf')).toBeTruthy();
    expect(within(chosen).getByRole('button', { name: 'Xóa tờ khai.pdf' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Qua dịch vụ bưu chính/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/dossiers/${DOSSIER_CODE}`));
    expect(posted(calls)[0]?.body).toEqual({
      procedureCode: '1.001193',
      agencyCode: 'PHUXUAN',
      applicant: { fullName: 'Nguyễn Thị Lan', idNumber: '046190000123', phone: '0905000001', email: 'lan@example.vn', address: '12 Lê Lợi, Phú Xuân, Huế' },
      formData: { child_name: 'Trần Minh An', birth_date: '2026-11-20', gender: 'male', birth_order: 1, is_twin: false },
      components: [
        { componentCode: 'to_khai', fileIds: [fileId(1)] },
        { componentCode: 'giay_chung_sinh', fileIds: [fileId(2)] },
      ],
      deliveryMethod: 'post',
    });
    expect(posted(calls)[0]?.headers['x-csrf-token']).toBe('csrf-from-me');
    expect(await screen.findByRole('heading', { level: 1, name: `Hồ sơ ${DOSSIER_CODE}` })).toBeTruthy();
    expect(screen.getByText(/^Đã nộp hồ sơ thành công/).textContent).toBe(`Đã nộp hồ sơ thành công. Mã hồ sơ: ${DOSSIER_CODE}. Ngày hẹn trả kết quả: ${formatDate('2026-12-02', 'vi')}.`);
  });

  it('reuses a paper of an earlier dossier for a component marked reusable', async () => {
    const reusableProcedure = {
      ...BIRTH_REGISTRATION,
      components: BIRTH_REGISTRATION.components.map((component) => (component.code === 'giay_chung_sinh' ? { ...component, isReusable: true } : component)),
    };
    const earlier = { fileId: fileId(99), componentCode: 'giay_chung_sinh', fileName: 'chung-sinh-cu.pdf', contentType: 'application/pdf', byteSize: 2048, dossierCode: 'PHUXUAN-261101-0007', createdAt: '2026-11-01T02:00:00Z' };
    const calls = routes(citizen, { 'GET /procedures/1.001193': { body: reusableProcedure }, 'GET /dossiers/files/reusable': { body: { items: [earlier] } } });
    renderApp({ path: '/services/1.001193/apply' });
    fireEvent.change(await screen.findByLabelText('Phường, xã nơi nộp hồ sơ *'), { target: { value: 'PHUXUAN' } });
    fireEvent.change(screen.getByLabelText('Số định danh cá nhân (CCCD) *'), { target: { value: '046190000123' } });
    fireEvent.change(screen.getByLabelText('Địa chỉ liên hệ *'), { target: { value: '12 Lê Lợi, Phú Xuân, Huế' } });
    fireEvent.change(screen.getByLabelText('Họ và tên người được khai sinh *'), { target: { value: 'Trần Minh An' } });
    fireEvent.change(screen.getByLabelText('Ngày sinh *'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('Giới tính *'), { target: { value: 'male' } });
    await upload('Tờ khai đăng ký khai sinh', pdf('tờ khai.pdf'));
    // Only the reusable component offers the earlier papers.
    const pickers = await screen.findAllByLabelText('Hoặc dùng lại giấy tờ đã nộp trong hồ sơ trước');
    expect(pickers).toHaveLength(1);
    fireEvent.change(pickers[0] as HTMLElement, { target: { value: earlier.fileId } });
    const chosen = await screen.findByRole('list', { name: 'Tệp đã chọn cho “Giấy chứng sinh”' });
    expect(within(chosen).getByText('chung-sinh-cu.pdf')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    await waitFor(() => expect(posted(calls)).toHaveLength(1));
    expect(posted(calls)[0]?.body).toMatchObject({ components: [{ componentCode: 'to_khai', fileIds: [fileId(1)] }, { componentCode: 'giay_chung_sinh', fileIds: [earlier.fileId] }] });
  });

  it('checks the form on the device first and sends nothing while something is missing', async () => {
    const calls = routes();
    renderApp({ path: '/services/1.001193/apply' });
    await screen.findByLabelText('Phường, xã nơi nộp hồ sơ *');
    fireEvent.change(screen.getByLabelText('Số điện thoại *'), { target: { value: '12ab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));

    const ward = screen.getByLabelText('Phường, xã nơi nộp hồ sơ *');
    expect(ward.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(ward));
    expect(screen.getByText('Vui lòng chọn phường, xã nơi nộp hồ sơ.')).toBeTruthy();
    expect(screen.getByText('Số định danh gồm 9 đến 12 chữ số (căn cước công dân có 12 chữ số).')).toBeTruthy();
    expect(screen.getByText('Số điện thoại gồm 9 đến 15 chữ số, có thể bắt đầu bằng +.')).toBeTruthy();
    expect(screen.getByLabelText('Họ và tên người được khai sinh *').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Vui lòng tải lên ít nhất một tệp.')).toHaveLength(2);
    expect(screen.getByLabelText('Chọn tệp – Giấy chứng sinh').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Chọn tệp – Giấy tờ khác').getAttribute('aria-invalid')).toBeNull();
    expect(posted(calls)).toHaveLength(0);
  });

  it('refuses files of another type before uploading them', async () => {
    const calls = routes();
    renderApp({ path: '/services/1.001193/apply' });
    await screen.findByLabelText('Phường, xã nơi nộp hồ sơ *');
    fireEvent.change(screen.getByLabelText('Chọn tệp – Giấy chứng sinh'), { target: { files: [new File(['x'], 'ghi-chu.docx', { type: 'application/msword' })] } });
    expect(await screen.findByText(/Chỉ nhận tệp PDF, JPEG hoặc PNG/)).toBeTruthy();
    expect(calls.filter((call) => call.path === '/dossiers/files')).toHaveLength(0);
  });

  it("shows the API's field errors on the fields they name", async () => {
    const rejection = problem(400, 'dossiers.invalid_form', 'Thông tin hồ sơ chưa hợp lệ.', [
      { field: 'formData.child_name', message: 'tên có ký tự không hợp lệ' },
      { field: 'applicant.idNumber', message: 'không đúng định dạng' },
      { field: 'components.1.fileIds', message: 'tệp không đọc được' },
      { field: 'components', message: 'thiếu thành phần hồ sơ bắt buộc' },
      { field: 'agencyCode', message: 'không phải phường, xã' },
    ]);
    routes(citizen, { 'POST /dossiers': { status: 400, body: rejection } });
    renderApp({ path: '/services/1.001193/apply' });
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));

    expect(await screen.findByText('Thông tin hồ sơ chưa hợp lệ.')).toBeTruthy();
    const describedText = (label: string) => {
      const input = screen.getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      return (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' | ');
    };
    expect(describedText('Họ và tên người được khai sinh *')).toContain('Tên có ký tự không hợp lệ');
    expect(describedText('Số định danh cá nhân (CCCD) *')).toContain('Không đúng định dạng');
    expect(describedText('Chọn tệp – Giấy chứng sinh')).toContain('Tệp không đọc được');
    expect(describedText('Phường, xã nơi nộp hồ sơ *')).toContain('Không phải phường, xã');
    expect(screen.getByText('Thiếu thành phần hồ sơ bắt buộc')).toBeTruthy();
    expect(screen.getByLabelText('Chọn tệp – Tờ khai đăng ký khai sinh').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/services/1.001193/apply');
  });

  it('turns the API’s terse domain errors into sentences on the right paper', async () => {
    routes(citizen, {
      'POST /dossiers': {
        status: 400,
        body: problem(400, 'dossiers.file_unusable', 'Tệp không dùng được.', [{ field: 'components', message: fileId(2) }]),
      },
    });
    renderApp({ path: '/services/1.001193/apply' });
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(await screen.findByText('Tệp chung-sinh.jpg không dùng được: hãy xóa rồi tải lên lại.')).toBeTruthy();
    expect(screen.getByLabelText('Chọn tệp – Giấy chứng sinh').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(fileId(2), { exact: false })).toBeNull();
  });
});

describe('desk intake', () => {
  const deskOfficer = makeUser(['desk_officer'], {
    fullName: 'Hoàng Thu Hà',
    phone: '0905111222',
    roles: [
      { role: 'citizen', agencyId: null, agencyCode: null, agencyName: null },
      { role: 'desk_officer', agencyId: '00000000-0000-4000-8000-000000000003', agencyCode: 'PHUXUAN_HCC', agencyName: 'Trung tâm Phục vụ hành chính công Phường Phú Xuân' },
    ],
  });

  it('is only for one-stop desk officers', async () => {
    routes(makeUser(['officer']));
    renderApp({ path: '/console/dossiers/new' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeTruthy();
  });

  it('receives a paper dossier: empty applicant, the desk’s ward chosen, channel in_person', async () => {
    const calls = routes(deskOfficer, { 'GET /procedures?limit=100': { body: { items: [BIRTH_SUMMARY, CONSTRUCTION_PERMIT_SUMMARY], total: 2 } } });
    renderApp({ path: '/console/dossiers/new' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('Thủ tục hành chính'), { target: { value: '1.001193' } });
    const ward = (await screen.findByLabelText('Phường, xã nơi nộp hồ sơ *')) as HTMLSelectElement;
    await waitFor(() => expect(ward.value).toBe('PHUXUAN'));
    expect((screen.getByLabelText('Họ và tên *') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Số điện thoại *') as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('radio', { name: /Nhận trực tiếp/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.change(screen.getByLabelText('Họ và tên *'), { target: { value: 'Lê Văn Bình' } });
    fireEvent.change(screen.getByLabelText('Số điện thoại *'), { target: { value: '0914 555 666' } });
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));

    expect(await screen.findByText('Đã tiếp nhận hồ sơ.')).toBeTruthy();
    expect(screen.getByText(DOSSIER_CODE)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mở hồ sơ' }).getAttribute('href')).toBe(`/console/dossiers/${DOSSIER_CODE}`);
    const body = posted(calls)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ channel: 'in_person', agencyCode: 'PHUXUAN', deliveryMethod: 'in_person', applicant: { fullName: 'Lê Văn Bình', phone: '0914555666', idNumber: '046190000123', address: '12 Lê Lợi, Phú Xuân, Huế' } });
    expect((body.applicant as Record<string, unknown>).email).toBeUndefined();
  });
});
