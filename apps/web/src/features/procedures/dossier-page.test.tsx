import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SURVEY_CRITERIA, type DossierDetail } from '@onecity/contracts';
import { makeUser, meRoute, mockApi, type MockRoute, type RecordedRequest } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { DOSSIER_CODE, makeDossier } from './procedure-fixtures.ts';
import { INTENT_ID, makeIntent, makePaidIntent } from '../payments/payment-fixtures.ts';

const citizen = makeUser();
const path = `/dossiers/${DOSSIER_CODE}`;
const actions = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'POST' && call.path === `${path}/actions`);

function routes(dossier: DossierDetail | (() => DossierDetail), extra: Record<string, MockRoute> = {}) {
  return mockApi({
    'GET /me': meRoute(citizen),
    [`GET ${path}`]: () => ({ body: typeof dossier === 'function' ? dossier() : dossier }),
    ...extra,
  });
}

describe('my dossier', () => {
  it('shows status, appointment date, agency, steps with due dates, history, files and what was declared', async () => {
    routes(
      makeDossier({
        status: 'processing',
        isOverdue: true,
        timeline: [
          { at: '2026-11-29T03:00:00.000Z', action: 'submit', status: 'new', note: null, actorName: 'Nguyễn Thị Lan', agencyCode: 'PHUXUAN' },
          { at: '2026-11-29T04:00:00.000Z', action: 'accept', status: 'processing', note: 'Hồ sơ đầy đủ', actorName: 'Hoàng Thu Hà', agencyCode: 'PHUXUAN_HCC' },
        ],
        files: [
          ...makeDossier().files,
          { id: 'f0000000-0000-4000-8000-000000000009', componentCode: null, kind: 'result', fileName: 'giay-khai-sinh.pdf', contentType: 'application/pdf', byteSize: 80_000, createdAt: '2026-12-01T03:00:00.000Z' },
        ],
      }),
    );
    renderApp({ path });
    expect(await screen.findByRole('heading', { level: 1, name: `Hồ sơ ${DOSSIER_CODE}` })).toBeTruthy();
    expect(screen.getByText('Đang xử lý', { selector: '.status-badge' })).toBeTruthy();
    expect(screen.getByText('Quá hạn')).toBeTruthy();
    expect(screen.getByText('Ngày hẹn trả').nextElementSibling?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-12-02');
    expect(screen.getByText('Phường Phú Xuân')).toBeTruthy();

    const steps = screen.getByRole('region', { name: 'Các bước xử lý' });
    expect(within(steps).getByText('Tiếp nhận hồ sơ')).toBeTruthy();
    expect(within(steps).getByText('Đang thực hiện')).toBeTruthy();
    expect(within(steps).getByText('Chưa đến')).toBeTruthy();
    const history = screen.getByRole('region', { name: 'Quá trình xử lý' });
    expect(within(history).getByText('Tiếp nhận hồ sơ → Đang xử lý')).toBeTruthy();
    expect(within(history).getByText('Hồ sơ đầy đủ')).toBeTruthy();
    const files = screen.getByRole('region', { name: 'Tệp trong hồ sơ' });
    expect(within(files).getByRole('link', { name: 'to-khai.pdf' }).getAttribute('href')).toBe(`/api/v1${path}/files/f0000000-0000-4000-8000-000000000001`);
    expect(within(files).getByText(/Tờ khai đăng ký khai sinh/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tải kết quả (PDF)' }).getAttribute('href')).toBe(`/api/v1${path}/result.pdf`);
    const answers = screen.getByRole('region', { name: 'Thông tin đã khai' });
    expect(within(answers).getByText('Trần Minh An')).toBeTruthy();
    expect(within(answers).getByText('Nam')).toBeTruthy();
    expect(within(answers).getByText('20/11/2026')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Yêu cầu bổ sung giấy tờ' })).toBeNull();
  });

  it('asks for the requested papers and sends them with complete_supplement', async () => {
    const asked = makeDossier({
      status: 'supplement_requested',
      statusCode: 5,
      allowedActions: ['complete_supplement', 'withdraw'],
      supplementRequests: [
        {
          requestedAt: '2026-11-29T06:00:00.000Z',
          items: [
            { componentCode: 'giay_chung_sinh', text: 'Bản chụp bị mờ, vui lòng chụp lại.' },
            { componentCode: null, text: 'Ghi rõ quê quán của người mẹ.' },
          ],
          note: 'Bổ sung trong 5 ngày.',
          completedAt: null,
          previousAppointmentDate: '2026-12-02',
          newAppointmentDate: null,
        },
      ],
    });
    const calls = routes(asked, {
      'POST /dossiers/files': { status: 201, body: { fileId: '5f0c1c9e-1d7a-4c55-9a43-000000000077', fileName: 'chung-sinh.jpg', contentType: 'image/jpeg', byteSize: 3 } },
      [`POST ${path}/actions`]: { body: makeDossier({ status: 'processing', statusCode: 4, allowedActions: ['withdraw'] }) },
    });
    renderApp({ path });
    const box = await screen.findByRole('region', { name: 'Yêu cầu bổ sung giấy tờ' });
    expect(within(box).getByText('Bản chụp bị mờ, vui lòng chụp lại.')).toBeTruthy();
    expect(within(box).getByText('Ghi rõ quê quán của người mẹ.')).toBeTruthy();
    expect(within(box).getByText('Bổ sung trong 5 ngày.')).toBeTruthy();

    fireEvent.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));
    expect(within(box).getByText('Vui lòng tải lên ít nhất một tệp.')).toBeTruthy();
    expect(actions(calls)).toHaveLength(0);

    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'chung-sinh.jpg', { type: 'image/jpeg' });
    fireEvent.change(within(box).getByLabelText('Chọn tệp – Giấy chứng sinh'), { target: { files: [file] } });
    expect(await within(box).findByText('Đã tải lên')).toBeTruthy();
    fireEvent.change(within(box).getByLabelText('Ghi chú cho cán bộ'), { target: { value: 'Quê quán: Phú Vang, Huế' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));

    expect(await screen.findByText('Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý.')).toBeTruthy();
    expect(actions(calls)[0]?.body).toEqual({
      type: 'complete_supplement',
      components: [{ componentCode: 'giay_chung_sinh', fileIds: ['5f0c1c9e-1d7a-4c55-9a43-000000000077'] }],
      note: 'Quê quán: Phú Vang, Huế',
    });
    expect(screen.queryByRole('region', { name: 'Yêu cầu bổ sung giấy tờ' })).toBeNull();
    expect(screen.getByText('Đang xử lý', { selector: '.status-badge' })).toBeTruthy();
  });

  it('files the papers of a request that names no component under the component the citizen picks, with corrected answers', async () => {
    const asked = makeDossier({
      status: 'supplement_requested',
      statusCode: 5,
      allowedActions: ['complete_supplement', 'withdraw'],
      supplementRequests: [
        { requestedAt: '2026-11-29T06:00:00.000Z', items: [{ componentCode: null, text: 'Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ.' }], note: null, completedAt: null, previousAppointmentDate: '2026-12-02', newAppointmentDate: null },
      ],
    });
    const calls = routes(asked, {
      'POST /dossiers/files': { status: 201, body: { fileId: '5f0c1c9e-1d7a-4c55-9a43-000000000088', fileName: 'ket-hon.pdf', contentType: 'application/pdf', byteSize: 4 } },
      [`POST ${path}/actions`]: { body: makeDossier({ status: 'processing', statusCode: 4 }) },
    });
    renderApp({ path });
    const box = await screen.findByRole('region', { name: 'Yêu cầu bổ sung giấy tờ' });
    fireEvent.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));
    expect(within(box).getByText('Hãy tải lên giấy tờ được yêu cầu hoặc sửa thông tin tờ khai trước khi gửi.')).toBeTruthy();

    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'ket-hon.pdf', { type: 'application/pdf' });
    fireEvent.change(within(box).getByLabelText('Chọn tệp – Tệp cho yêu cầu 1'), { target: { files: [pdf] } });
    expect(await within(box).findByText('Đã tải lên')).toBeTruthy();
    fireEvent.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));
    expect(within(box).getByText('Vui lòng chọn thành phần hồ sơ cho các tệp này.')).toBeTruthy();
    expect(actions(calls)).toHaveLength(0);

    const target = within(box).getByLabelText('Giấy tờ này thuộc thành phần hồ sơ *');
    fireEvent.change(target, { target: { value: 'to_khai' } });
    expect(within(box).getByText('Tệp mới sẽ thay thế 1 tệp đã nộp cho thành phần này.')).toBeTruthy();
    fireEvent.change(target, { target: { value: 'giay_to_khac' } });
    fireEvent.click(within(box).getByLabelText('Tôi cần sửa thông tin tờ khai'));
    const childName = within(box).getByLabelText('Họ và tên người được khai sinh *') as HTMLInputElement;
    expect(childName.value).toBe('Trần Minh An');
    fireEvent.change(childName, { target: { value: 'Trần Minh Anh' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));

    expect(await screen.findByText('Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý.')).toBeTruthy();
    expect(actions(calls)[0]?.body).toEqual({
      type: 'complete_supplement',
      components: [{ componentCode: 'giay_to_khac', fileIds: ['5f0c1c9e-1d7a-4c55-9a43-000000000088'] }],
      formData: { child_name: 'Trần Minh Anh', birth_date: '2026-11-20', gender: 'male', is_twin: false },
    });
  });

  it('shows the fees due, itemised, with payment at the desk and online payment (VietQR, card/e-wallet)', async () => {
    routes(makeDossier({ status: 'fee_due', statusCode: 6, allowedActions: [] }), { 'POST /payments/intents': { body: makeIntent() }, [`GET /payments/intents/${INTENT_ID}`]: { body: makeIntent() } });
    renderApp({ path });
    const box = await screen.findByRole('region', { name: 'Nộp phí, lệ phí' });
    expect(within(box).getByText(/8\.000\s₫/, { selector: '.fee-due__total strong' })).toBeTruthy();
    expect(within(box).getByRole('list', { name: 'Chi tiết phí, lệ phí' }).textContent).toMatch(/Lệ phí đăng ký khai sinh\s*8\.000\s₫/);
    expect(within(box).getByText(/bộ phận một cửa của Phường Phú Xuân/)).toBeTruthy();
    expect((await within(box).findByRole('img', { name: /^Mã VietQR nộp 8\.000\s₫/ })).getAttribute('src')).toBe(`/api/v1/payments/intents/${INTENT_ID}/vietqr.png`);
    expect(within(box).getByRole('button', { name: 'Thẻ/Ví điện tử (VNPay)' })).toBeTruthy();
    expect(screen.queryByText('Rút hồ sơ')).toBeNull();
  });

  it('moves on by itself once the fee is paid online and offers the receipt (biên lai) to download', async () => {
    let isPaid = false;
    const paidDossier = makeDossier({ status: 'accepted', statusCode: 2, allowedActions: [], feePaidVia: 'online', feePaidAt: '2026-11-29T03:05:00.000Z' });
    const calls = routes(() => (isPaid ? paidDossier : makeDossier({ status: 'fee_due', statusCode: 6, allowedActions: [] })), {
      'POST /payments/intents': { body: makeIntent() },
      [`GET /payments/intents/${INTENT_ID}`]: () => ({ body: isPaid ? makePaidIntent() : makeIntent() }),
      'POST /payments/sandbox/bank-feed/credits': () => {
        isPaid = true;
        return { body: { bankReference: 'FT1', deliveries: [] } };
      },
      'GET /payments/intents': { body: { items: [makePaidIntent()], total: 1 } },
    });
    renderApp({ path });
    const box = await screen.findByRole('region', { name: 'Nộp phí, lệ phí' });
    fireEvent.click(await within(box).findByRole('button', { name: 'Sandbox: giả lập chuyển khoản thành công' }));
    expect(await screen.findByText('Đã ghi nhận thanh toán.')).toBeTruthy();
    expect(screen.getByText('Được tiếp nhận', { selector: '.status-badge' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Nộp phí, lệ phí' })).toBeNull();
    const receipt = await screen.findByRole('region', { name: 'Biên lai thu phí, lệ phí' });
    const download = await within(receipt).findByRole('link', { name: 'Tải biên lai (PDF)' });
    expect(download.getAttribute('href')).toBe('/api/v1/documents/b0000000-0000-4000-8000-000000000001/pdf');
    expect(within(receipt).getByText(/^Đã thanh toán 8\.000\s₫ qua VietQR lúc /)).toBeTruthy();
    expect(calls.find((call) => call.path.startsWith('/payments/intents?'))?.path).toBe(`/payments/intents?dossierCode=${DOSSIER_CODE}&limit=20`);
    // The page was not reloaded: the dossier was read once before and once after the payment.
    expect(calls.filter((call) => call.method === 'GET' && call.path === path)).toHaveLength(2);
  });

  it('withdraws the dossier only after a reason and a confirmation', async () => {
    const calls = routes(makeDossier(), { [`POST ${path}/actions`]: { body: makeDossier({ status: 'withdrawn', statusCode: 7, allowedActions: [] }) } });
    renderApp({ path });
    fireEvent.click(await screen.findByText('Rút hồ sơ', { selector: 'summary' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rút hồ sơ' }));
    expect(screen.getByText('Vui lòng nêu lý do rút hồ sơ.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Lý do rút hồ sơ'), { target: { value: 'Nộp nhầm thủ tục' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rút hồ sơ' }));
    const confirm = screen.getByRole('alertdialog');
    expect(within(confirm).getByText(`Bạn chắc chắn muốn rút hồ sơ ${DOSSIER_CODE}? Thao tác này không thể hoàn tác.`)).toBeTruthy();
    expect(actions(calls)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Xác nhận rút hồ sơ' }));
    expect(await screen.findByText('Đã rút hồ sơ.')).toBeTruthy();
    expect(actions(calls)[0]?.body).toEqual({ type: 'withdraw', reason: 'Nộp nhầm thủ tục' });
    expect(screen.getByText('Công dân yêu cầu rút hồ sơ', { selector: '.status-badge' })).toBeTruthy();
    expect(screen.queryByText('Rút hồ sơ', { selector: 'summary' })).toBeNull();
  });
});

describe('satisfaction survey', () => {
  const delivered = makeDossier({ status: 'delivered', statusCode: 10, allowedActions: [], deliveredAt: '2026-12-01T03:00:00.000Z' });

  it('asks all twelve criteria, sends the answers once, and then shows them', async () => {
    let current = delivered;
    const calls = routes(() => current, {
      [`POST ${path}/survey`]: (request) => {
        const body = request.body as { answers: NonNullable<DossierDetail['survey']>['answers']; comment: string };
        current = { ...delivered, survey: { answers: body.answers, comment: body.comment, submittedAt: '2026-12-01T04:00:00.000Z' } };
        return { status: 201 };
      },
    });
    renderApp({ path });
    const survey = await screen.findByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    const groups = within(survey).getAllByRole('group');
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Mức độ hài lòng chung',
      'Dễ sử dụng',
      'Trả kết quả đúng hẹn',
      'Thái độ của cán bộ',
      'Thời gian so với quy định',
      'Số lần phải liên hệ',
      'Số cơ quan phải đến',
      'Tiếp nhận một cửa',
      'Công khai thông tin',
      'Xử lý phản ánh',
      'Chất lượng dịch vụ trực tuyến',
      'Kết quả chính xác',
    ]);

    fireEvent.click(within(groups[0] as HTMLElement).getByRole('radio', { name: '4 – Hài lòng' }));
    fireEvent.click(within(survey).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(within(survey).getByText('Còn 11 tiêu chí chưa chọn mức đánh giá.')).toBeTruthy();
    expect(calls.filter((call) => call.path === `${path}/survey`)).toHaveLength(0);

    for (const group of groups.slice(1)) fireEvent.click(within(group).getByRole('radio', { name: '5 – Rất hài lòng' }));
    fireEvent.click(within(groups[2] as HTMLElement).getByRole('radio', { name: '3 – Bình thường' }));
    fireEvent.change(within(survey).getByLabelText('Góp ý thêm (không bắt buộc)'), { target: { value: 'Cán bộ nhiệt tình' } });
    fireEvent.click(within(survey).getByRole('button', { name: 'Gửi đánh giá' }));

    const answers = await screen.findByRole('region', { name: 'Đánh giá của bạn' });
    const expected = Object.fromEntries(SURVEY_CRITERIA.map((criterion) => [criterion, 5]));
    expect(calls.find((call) => call.path === `${path}/survey`)?.body).toEqual({ answers: { ...expected, overall: 4, on_time: 3 }, comment: 'Cán bộ nhiệt tình' });
    expect(screen.getByText('Cảm ơn bạn đã đánh giá.')).toBeTruthy();
    expect(within(answers).getByText('Mức độ hài lòng chung').nextElementSibling?.textContent).toBe('4 – Hài lòng');
    expect(within(answers).getByText('Trả kết quả đúng hẹn').nextElementSibling?.textContent).toBe('3 – Bình thường');
    expect(within(answers).getByText('Cán bộ nhiệt tình')).toBeTruthy();
    await waitFor(() => expect(calls.filter((call) => call.path === path)).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).toBeNull();
  });

  it('is not offered before the result is delivered', async () => {
    routes(makeDossier({ status: 'done', statusCode: 9, allowedActions: [] }));
    renderApp({ path });
    await screen.findByRole('heading', { level: 1, name: `Hồ sơ ${DOSSIER_CODE}` });
    expect(screen.queryByRole('region', { name: 'Đánh giá mức độ hài lòng' })).toBeNull();
  });
});
