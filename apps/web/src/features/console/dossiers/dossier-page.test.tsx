import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DossierDetail } from '@onecity/contracts';
import { meRoute, mockApi, problem, type MockRoute, type RecordedRequest } from '../../../test/api-mock.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { AGENCIES, OFFICER_ID, PDF_FILE_ID, PHOTO_FILE_ID, makeDetail, staffUser } from './dossier-fixtures.ts';

const CODE = 'PHUXUAN-261129-0001';
const actionBodies = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'POST' && call.path === `/dossiers/${CODE}/actions`).map((call) => call.body);

function renderDossier(detail: DossierDetail, routes: Record<string, MockRoute> = {}) {
  const calls = mockApi({
    'GET /me': meRoute(staffUser('officer', 'PHUXUAN_VP')),
    'GET /agencies': { body: { items: AGENCIES } },
    [`GET /dossiers/${CODE}`]: { body: detail },
    ...routes,
  });
  renderApp({ path: `/console/dossiers/${CODE}` });
  return calls;
}

const actionsPanel = () => screen.getByRole('group', { name: `Thao tác với hồ sơ ${CODE}` });

describe('dossier page in the staff console', () => {
  it('shows the dossier: summary, applicant, labelled answers, components beside a preview, steps and history', async () => {
    renderDossier(
      makeDetail({
        feeTotal: 50_000,
        fees: [{ code: 'le_phi', nameVi: 'Lệ phí', nameEn: 'Charge', amount: 50_000 }],
        files: [
          ...makeDetail().files,
          { id: 'r1', componentCode: null, kind: 'result', fileName: 'ket-qua.pdf', contentType: 'application/pdf', byteSize: 9000, createdAt: '2026-12-01T03:00:00.000Z' },
          { id: 'a1', componentCode: null, kind: 'apology', fileName: 'thu-xin-loi.pdf', contentType: 'application/pdf', byteSize: 9000, createdAt: '2026-12-01T03:00:00.000Z' },
        ],
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: `Hồ sơ ${CODE}` })).toBeTruthy();
    expect((await screen.findByText('Thủ tục')).nextElementSibling?.textContent).toBe('Đăng ký khai sinh (1.001193)');
    expect(screen.getByText('Trực tuyến')).toBeTruthy();
    expect(screen.getByText('Nhận trực tuyến')).toBeTruthy();
    expect(screen.getByText(/^50\.000\s₫ — chưa nộp$/)).toBeTruthy();
    expect(screen.getByText('046190000123')).toBeTruthy();

    const answers = screen.getByRole('heading', { name: 'Nội dung tờ khai' }).parentElement as HTMLElement;
    expect(within(answers).getByText('Giới tính').nextElementSibling?.textContent).toBe('Nữ');
    expect(within(answers).getByText('Ngày sinh').nextElementSibling?.textContent).toBe('20 tháng 11, 2026');
    expect(within(answers).getByText('Tôi cam đoan những nội dung trên là đúng sự thật').nextElementSibling?.textContent).toBe('Có');

    // The required marriage certificate has no file: marked missing. The optional authorisation is not.
    const components = screen.getByRole('heading', { name: 'Thành phần hồ sơ' }).parentElement as HTMLElement;
    const marriage = within(components).getByText('Giấy chứng nhận kết hôn').closest('li') as HTMLElement;
    expect(within(marriage).getByText('Còn thiếu')).toBeTruthy();
    const authorisation = within(components).getByText('Văn bản ủy quyền').closest('li') as HTMLElement;
    expect(within(authorisation).getByText('Chưa có tệp')).toBeTruthy();

    const frame = within(components).getByTitle('Tệp giay-chung-sinh.pdf');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe(`/api/v1/dossiers/${CODE}/files/${PDF_FILE_ID}`);
    fireEvent.click(within(components).getByRole('button', { name: 'Xem anh-chup.jpg' }));
    expect(within(components).getByRole('img', { name: 'Tệp anh-chup.jpg' }).getAttribute('src')).toBe(`/api/v1/dossiers/${CODE}/files/${PHOTO_FILE_ID}`);

    const steps = screen.getByRole('heading', { name: 'Các bước xử lý' }).parentElement as HTMLElement;
    expect(within(steps).getByRole('rowheader', { name: '1. Tiếp nhận hồ sơ' })).toBeTruthy();
    expect(within(steps).getByText('Hoàng Thu Hà')).toBeTruthy();
    expect(within(steps).getByText('Đủ hồ sơ')).toBeTruthy();
    expect(within(steps).getByText('Cán bộ một cửa')).toBeTruthy();

    expect(screen.getByRole('link', { name: 'Kết quả giải quyết (PDF): ket-qua.pdf' }).getAttribute('href')).toBe(`/api/v1/dossiers/${CODE}/files/r1`);
    expect(screen.getByRole('link', { name: 'Thư xin lỗi (PDF): thu-xin-loi.pdf' }).getAttribute('href')).toBe(`/api/v1/dossiers/${CODE}/files/a1`);
    expect(screen.getByText('Nộp hồ sơ')).toBeTruthy();
    expect(screen.getByText('Chưa có yêu cầu bổ sung nào.')).toBeTruthy();
  });

  it('offers only the actions the API allows', async () => {
    renderDossier(makeDetail({ allowedActions: ['forward', 'assign', 'withdraw'] }));
    await screen.findByRole('heading', { name: 'Xử lý hồ sơ' });
    expect(within(actionsPanel()).getAllByRole('button').map((button) => button.textContent)).toEqual(['Phân công', 'Chuyển bước tiếp theo']);
  });

  it('says so when there is no action to take', async () => {
    renderDossier(makeDetail({ allowedActions: [] }));
    expect(await screen.findByText('Bạn không có thao tác nào với hồ sơ này lúc này.')).toBeTruthy();
  });

  it('assigns the dossier to the chosen officer and shows the dossier the API returns', async () => {
    const calls = renderDossier(makeDetail(), {
      [`GET /dossiers/${CODE}/officers`]: { body: { items: [{ id: '00000000-0000-4000-8000-0000000000b1', fullName: 'Trần Văn Minh' }, { id: OFFICER_ID, fullName: 'Ngô Thị Lan' }] } },
      [`POST /dossiers/${CODE}/actions`]: { body: makeDetail({ allowedActions: ['forward'], status: 'processing', steps: makeDetail().steps.map((step) => (step.index === 1 ? { ...step, assignee: { id: OFFICER_ID, fullName: 'Ngô Thị Lan' } } : step)) }) },
    });
    await screen.findByRole('heading', { name: 'Xử lý hồ sơ' });
    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Phân công' }));
    const form = await screen.findByRole('form', { name: 'Phân công' });
    fireEvent.click(within(form).getByRole('button', { name: 'Phân công' }));
    expect(within(form).getByText('Chọn một cán bộ.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Cán bộ xử lý'), { target: { value: OFFICER_ID } });
    fireEvent.click(within(form).getByRole('button', { name: 'Phân công' }));
    expect(await screen.findByText(`Đã phân công hồ sơ ${CODE} cho Ngô Thị Lan.`)).toBeTruthy();
    expect(actionBodies(calls)).toEqual([{ type: 'assign', officerId: OFFICER_ID }]);
    expect(calls[calls.length - 1]?.headers['x-csrf-token']).toBe('csrf-from-me');
    // The panel follows the returned dossier's allowed actions.
    expect(within(actionsPanel()).getAllByRole('button').map((button) => button.textContent)).toEqual(['Chuyển bước tiếp theo']);
    expect(screen.queryByRole('form', { name: 'Phân công' })).toBeNull();
  });

  it('requests a supplement listing ticked components and free-text items, after explaining the one-request rule', async () => {
    const calls = renderDossier(makeDetail(), { [`POST /dossiers/${CODE}/actions`]: { body: makeDetail({ status: 'supplement_requested', allowedActions: [] }) } });
    await screen.findByRole('heading', { name: 'Xử lý hồ sơ' });
    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Yêu cầu bổ sung' }));
    const form = screen.getByRole('form', { name: 'Yêu cầu bổ sung' });
    expect(within(form).getByText(/chỉ được yêu cầu bổ sung hồ sơ một lần/)).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(within(form).getByText('Chọn ít nhất một thành phần hoặc nhập một nội dung cần bổ sung.')).toBeTruthy();
    expect(actionBodies(calls)).toEqual([]);

    fireEvent.click(within(form).getByLabelText('Giấy chứng nhận kết hôn'));
    fireEvent.click(within(form).getByLabelText('Giấy chứng sinh'));
    fireEvent.change(within(form).getByLabelText('Nội dung cần bổ sung cho «Giấy chứng sinh»'), { target: { value: 'Bản chụp bị mờ, cần bản rõ nét' } });
    fireEvent.change(within(form).getByLabelText('Nội dung khác 1'), { target: { value: 'Ghi rõ quê quán của cha' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm nội dung khác' }));
    fireEvent.change(within(form).getByLabelText('Ghi chú (không bắt buộc)'), { target: { value: 'Bổ sung trong 5 ngày' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(await screen.findByText(`Đã gửi yêu cầu bổ sung hồ sơ ${CODE}.`)).toBeTruthy();
    expect(actionBodies(calls)).toEqual([
      {
        type: 'request_supplement',
        items: [
          { componentCode: 'birth_certificate', text: 'Bản chụp bị mờ, cần bản rõ nét' },
          { componentCode: 'marriage_certificate', text: 'Giấy chứng nhận kết hôn' },
          { componentCode: null, text: 'Ghi rõ quê quán của cha' },
        ],
        note: 'Bổ sung trong 5 ngày',
      },
    ]);
    expect(screen.getByText('Chờ bổ sung')).toBeTruthy();
  });

  it('warns that a second supplement request counts as late', async () => {
    renderDossier(
      makeDetail({
        supplementRequests: [
          { requestedAt: '2026-11-30T02:00:00.000Z', items: [{ componentCode: 'marriage_certificate', text: 'Thiếu giấy kết hôn' }], note: null, completedAt: '2026-12-01T02:00:00.000Z', previousAppointmentDate: '2026-12-02', newAppointmentDate: '2026-12-04' },
        ],
      }),
    );
    await screen.findByRole('heading', { name: 'Xử lý hồ sơ' });
    expect(screen.getByText('Giấy chứng nhận kết hôn: Thiếu giấy kết hôn')).toBeTruthy();
    expect(screen.getByText(/Người nộp đã bổ sung lúc/)).toBeTruthy();
    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Yêu cầu bổ sung' }));
    expect(screen.getByText('Hồ sơ này đã có 1 yêu cầu bổ sung. Gửi thêm yêu cầu sẽ bị tính là trễ hạn.')).toBeTruthy();
  });

  it('issues an apology letter with a later appointment date, under the overdue banner', async () => {
    const calls = renderDossier(makeDetail({ isOverdue: true, apologyRequired: true, allowedActions: ['issue_apology', 'forward'] }), {
      [`POST /dossiers/${CODE}/actions`]: { body: makeDetail({ apologyRequired: false, appointmentDate: '2026-12-08', allowedActions: ['forward'] }) },
    });
    expect(await screen.findByText('Hồ sơ đã quá hạn. Phải phát hành thư xin lỗi và hẹn lại ngày trả kết quả trước khi phê duyệt.')).toBeTruthy();
    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Phát hành thư xin lỗi' }));
    const form = screen.getByRole('form', { name: 'Phát hành thư xin lỗi' });
    expect(within(form).getByText('Ngày hẹn hiện tại: 2 tháng 12, 2026. Chọn một ngày làm việc sau hôm nay.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Ngày hẹn trả mới'), { target: { value: '2020-12-01' } });
    fireEvent.change(within(form).getByLabelText('Lý do'), { target: { value: 'Chờ xác minh thông tin từ nơi cư trú cũ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Phát hành thư xin lỗi' }));
    expect(within(form).getByText('Ngày hẹn mới phải sau hôm nay.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Ngày hẹn trả mới'), { target: { value: '2099-12-08' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Phát hành thư xin lỗi' }));
    expect(await screen.findByText(`Đã phát hành thư xin lỗi cho hồ sơ ${CODE}.`)).toBeTruthy();
    expect(actionBodies(calls)).toEqual([{ type: 'issue_apology', newAppointmentDate: '2099-12-08', reason: 'Chờ xác minh thông tin từ nơi cư trú cũ' }]);
    expect(screen.queryByText(/Phải phát hành thư xin lỗi/)).toBeNull();
  });

  it('sends optional notes only when written, and reasons where required', async () => {
    const calls = renderDossier(makeDetail({ allowedActions: ['forward', 'send_back', 'transfer', 'record_payment'] }), { [`POST /dossiers/${CODE}/actions`]: { body: makeDetail({ allowedActions: ['forward', 'send_back', 'transfer', 'record_payment'] }) } });
    await screen.findByRole('heading', { name: 'Xử lý hồ sơ' });
    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Chuyển bước tiếp theo' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Chuyển bước tiếp theo' })).getByRole('button', { name: 'Chuyển bước' }));
    await screen.findByText(`Đã chuyển hồ sơ ${CODE} sang bước tiếp theo.`);

    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Chuyển cơ quan khác' }));
    let form = screen.getByRole('form', { name: 'Chuyển cơ quan khác' });
    fireEvent.change(within(form).getByLabelText('Mã cơ quan nhận'), { target: { value: 'thuanhoa' } });
    fireEvent.change(within(form).getByLabelText('Lý do'), { target: { value: 'Nơi cư trú thuộc Thuận Hóa' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Chuyển hồ sơ' }));
    await screen.findByText(`Đã chuyển hồ sơ ${CODE} sang Phường Thuận Hóa.`);

    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Ghi nhận nộp phí' }));
    form = screen.getByRole('form', { name: 'Ghi nhận nộp phí' });
    fireEvent.change(within(form).getByLabelText('Số biên lai hoặc mã giao dịch'), { target: { value: 'BL-0042' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ghi nhận' }));
    await screen.findByText(`Đã ghi nhận nộp phí hồ sơ ${CODE}.`);

    expect(actionBodies(calls)).toEqual([
      { type: 'forward' },
      { type: 'transfer', agencyCode: 'THUANHOA', reason: 'Nơi cư trú thuộc Thuận Hóa' },
      { type: 'record_payment', reference: 'BL-0042' },
    ]);
  });

  it("shows the API's error: its detail, field errors beside their fields, and the others in the alert", async () => {
    renderDossier(makeDetail(), {
      [`POST /dossiers/${CODE}/actions`]: {
        status: 422,
        body: problem(422, 'http.validation_failed', 'Dữ liệu gửi lên chưa hợp lệ.', [
          { field: '/body/reason', message: 'Lý do quá ngắn.' },
          { field: '/body/items/0/text', message: 'Nội dung không được để trống.' },
        ]),
      },
    });
    await screen.findByRole('heading', { name: 'Xử lý hồ sơ' });
    fireEvent.click(within(actionsPanel()).getByRole('button', { name: 'Trả lại bước trước' }));
    const form = screen.getByRole('form', { name: 'Trả lại bước trước' });
    fireEvent.change(within(form).getByLabelText('Lý do'), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Trả lại' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Dữ liệu gửi lên chưa hợp lệ.');
    expect(within(alert).getByText('Nội dung không được để trống.')).toBeTruthy();
    expect(within(alert).queryByText('Lý do quá ngắn.')).toBeNull();
    await waitFor(() => expect(within(form).getByLabelText('Lý do').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Lý do quá ngắn.')).toBeTruthy();
  });

  it("shows the API's error when the dossier cannot be opened", async () => {
    mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN_VP')),
      'GET /agencies': { body: { items: AGENCIES } },
      [`GET /dossiers/${CODE}`]: { status: 403, body: problem(403, 'auth.forbidden', 'Bạn không có quyền xem hồ sơ này.') },
    });
    renderApp({ path: `/console/dossiers/${CODE}` });
    expect((await screen.findByRole('alert')).textContent).toContain('Bạn không có quyền xem hồ sơ này.');
  });
});
