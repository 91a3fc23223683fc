import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, meRoute, mockApi, problem, type MockRoute } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { DOCUMENT_ID, SHA256, makeSignature, makeUploadVerification } from './document-fixtures.ts';

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n% test document\n%%EOF\n');

/** A file as the browser gives it; some browsers give no type for a PDF. */
const pdfFile = (type = 'application/pdf', name = 'trich-luc-khai-sinh.pdf') => new File([PDF_BYTES], name, { type });

/** The body of the one POST /verify request, as a list of bytes (arrays from jsdom and Node compare by value). */
async function sentBytes(): Promise<number[]> {
  const init = vi.mocked(fetch).mock.calls.find(([input, options]) => String(input).endsWith('/verify') && options?.method === 'POST')?.[1];
  expect(init?.body).toBeInstanceOf(Blob);
  return [...new Uint8Array(await (init?.body as Blob).arrayBuffer())];
}

async function upload(file: File) {
  const input = await screen.findByLabelText('Tệp PDF');
  fireEvent.change(input, { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
}

const setup = (answer: MockRoute, user = makeUser()) => mockApi({ 'GET /me': meRoute(user), 'POST /verify': answer });

describe('document verification by upload (/verify)', () => {
  it('explains the two ways to check, and works without logging in', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined), 'POST /verify': { body: makeUploadVerification() } });
    renderApp({ path: '/verify' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Xác thực văn bản' })).toBeTruthy();
    expect(screen.getByText(/Quét mã QR in trên văn bản/)).toBeTruthy();
    expect(screen.getByText(/Tải lên tệp PDF bạn nhận được/)).toBeTruthy();
    expect(screen.getByLabelText('Tệp PDF').getAttribute('accept')).toBe('.pdf,application/pdf');

    await upload(pdfFile());
    const result = await screen.findByRole('region', { name: 'Kết quả kiểm tra tệp trich-luc-khai-sinh.pdf' });
    const request = calls.find((call) => call.method === 'POST' && call.path === '/verify');
    expect(request?.headers['content-type']).toBe('application/pdf');
    expect(request?.headers['x-csrf-token']).toBeUndefined();
    expect(await sentBytes()).toEqual([...PDF_BYTES]);

    expect(within(result).getByText('Tệp này khớp với văn bản do hệ thống ban hành: Trích lục khai sinh (số 123/TLKS-UBND).')).toBeTruthy();
    expect(within(result).getByText(/Tình trạng: Văn bản còn hiệu lực\./)).toBeTruthy();
    expect(within(result).getByRole('link', { name: 'Xem kết quả xác thực đầy đủ' }).getAttribute('href')).toBe(`/verify/${DOCUMENT_ID}`);
    expect(within(result).getByText(SHA256)).toBeTruthy();
    const signature = within(result).getByRole('region', { name: 'Chữ ký số' });
    expect(within(signature).getByText('Chữ ký số: Hợp lệ')).toBeTruthy();
    expect(within(signature).getByText('Người ký').nextElementSibling?.textContent).toBe('Trần Văn Bình');
  });

  it('sends the raw bytes as application/pdf with the session’s CSRF token, and says when the file matches no issued document', async () => {
    const calls = setup({
      body: makeUploadVerification({
        matchedDocument: null,
        indication: 'TOTAL_FAILED',
        signatures: [makeSignature({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' })],
      }),
    });
    renderApp({ path: '/verify' });
    // The browser gave no type: the request still declares a PDF.
    await upload(pdfFile(''));
    const result = await screen.findByRole('region', { name: /Kết quả kiểm tra tệp/ });
    const request = calls.find((call) => call.method === 'POST' && call.path === '/verify');
    expect(request?.headers['content-type']).toBe('application/pdf');
    expect(request?.headers['x-csrf-token']).toBe('csrf-from-me');
    expect(await sentBytes()).toEqual([...PDF_BYTES]);

    expect(within(result).getByText('Tệp này không khớp với văn bản nào do hệ thống ban hành.')).toBeTruthy();
    expect(within(result).queryByRole('link', { name: 'Xem kết quả xác thực đầy đủ' })).toBeNull();
    const signature = within(result).getByRole('region', { name: 'Chữ ký số' });
    expect(within(signature).getByText('Chữ ký số: Không hợp lệ')).toBeTruthy();
    expect(within(signature).getByText(/Nội dung đã bị sửa sau khi ký\./)).toBeTruthy();
  });

  it('takes the current CSRF token when the session changed since the page loaded, and sends the file again', async () => {
    let isLoggedIn = false;
    const calls = mockApi({
      'GET /me': () => meRoute(isLoggedIn ? makeUser() : undefined),
      'POST /verify': (request) =>
        request.headers['x-csrf-token'] === 'csrf-from-me' ? { body: makeUploadVerification() } : { status: 403, body: problem(403, 'auth.csrf_invalid', 'Phiên làm việc đã thay đổi.') },
    });
    renderApp({ path: '/verify' });
    await screen.findByLabelText('Tệp PDF');
    isLoggedIn = true; // in another tab
    await upload(pdfFile());
    expect(await screen.findByText(/Tệp này khớp với văn bản do hệ thống ban hành/)).toBeTruthy();
    expect(calls.filter((call) => call.path === '/verify').map((call) => call.headers['x-csrf-token'])).toEqual([undefined, 'csrf-from-me']);
  });

  it('shows the status of a matched document that was revoked', async () => {
    setup({ body: makeUploadVerification({ matchedDocument: { id: DOCUMENT_ID, titleVi: 'Trích lục khai sinh', numberSymbol: '123/TLKS-UBND', status: 'revoked' } }) });
    renderApp({ path: '/verify' });
    await upload(pdfFile());
    const result = await screen.findByRole('region', { name: /Kết quả kiểm tra tệp/ });
    expect(within(result).getByText(/Tình trạng: Văn bản đã bị thu hồi\./)).toBeTruthy();
  });

  it('explains a file that is not a PDF, and a PDF without signatures', async () => {
    setup({ body: { status: 'NOT_PDF', indication: null, signatures: [], sha256: SHA256, matchedDocument: null } });
    renderApp({ path: '/verify' });
    await upload(pdfFile('image/png', 'anh-chup.pdf'));
    const result = await screen.findByRole('region', { name: 'Kết quả kiểm tra tệp anh-chup.pdf' });
    expect(within(result).getByText('Tệp bạn chọn không phải là tệp PDF hợp lệ, nên không kiểm tra được chữ ký số.')).toBeTruthy();
    expect(within(result).queryByRole('region', { name: 'Chữ ký số' })).toBeNull();
    expect(within(result).queryByText(/không khớp/)).toBeNull();

    mockApi({ 'GET /me': meRoute(undefined), 'POST /verify': { body: { status: 'NO_SIGNATURES', indication: null, signatures: [], sha256: SHA256, matchedDocument: null } } });
    await upload(pdfFile());
    expect(await screen.findByText('Tệp PDF này không có chữ ký số nào, nên không xác định được ai đã ký.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Chữ ký số' })).getByText('Tệp không có chữ ký số nào')).toBeTruthy();
  });

  it('checks the choice before sending: a file is needed, of 20 MB at most; API errors are shown', async () => {
    const calls = setup({ status: 413, body: problem(413, 'http.payload_too_large', 'Tệp quá lớn.') });
    renderApp({ path: '/verify' });
    const input = await screen.findByLabelText('Tệp PDF');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
    expect(screen.getByText('Vui lòng chọn một tệp PDF.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    const large = pdfFile();
    Object.defineProperty(large, 'size', { value: 20 * 1024 * 1024 + 1 });
    await upload(large);
    expect(screen.getByText('Tệp lớn hơn 20 MB, không kiểm tra được.')).toBeTruthy();
    expect(calls.some((call) => call.path === '/verify')).toBe(false);

    await upload(pdfFile());
    expect((await screen.findByRole('alert')).textContent).toContain('Tệp quá lớn.');
  });

  it('opens the verification of a typed id or QR address', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/verify' });
    const input = await screen.findByLabelText('Mã văn bản hoặc đường dẫn trong mã QR');
    fireEvent.change(input, { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem kết quả xác thực' }));
    expect(screen.getByText('Mã văn bản gồm 36 ký tự dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/verify');

    fireEvent.change(input, { target: { value: ` https://onecity.example/verify/${DOCUMENT_ID.toUpperCase()} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem kết quả xác thực' }));
    expect(screen.getByTestId('location').textContent).toBe(`/verify/${DOCUMENT_ID}`);
  });
});
