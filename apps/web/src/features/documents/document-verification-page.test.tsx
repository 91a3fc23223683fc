import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { DOCUMENT_ID, OTHER_DOCUMENT_ID, SHA256, makeSignature, makeVerification } from './document-fixtures.ts';

const path = `/verify/${DOCUMENT_ID}`;
const route = `GET /documents/${DOCUMENT_ID}/verification`;
const panel = (name: string) => screen.getByRole('region', { name });

describe('document verification page (/verify/:id)', () => {
  it('shows the document and four passed checks to a visitor who is not logged in', async () => {
    mockApi({ 'GET /me': meRoute(undefined), [route]: { body: makeVerification() } });
    renderApp({ path });

    expect(await screen.findByRole('heading', { level: 2, name: 'Trích lục khai sinh' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Xác thực văn bản' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(path);
    expect(screen.getByText('Số, ký hiệu').nextElementSibling?.textContent).toBe('123/TLKS-UBND');
    expect(screen.getByText('Loại văn bản').nextElementSibling?.textContent).toBe('Kết quả giải quyết thủ tục hành chính');

    const integrity = panel('Toàn vẹn');
    expect(within(integrity).getByText('Tệp được lưu trữ không bị thay đổi')).toBeTruthy();
    expect(within(integrity).getByText(SHA256).tagName).toBe('CODE');
    expect(integrity.className).toContain('check-panel--pass');

    const signature = panel('Chữ ký số');
    expect(within(signature).getByText('Chữ ký số: Hợp lệ')).toBeTruthy();
    const first = within(signature).getByRole('article', { name: 'Chữ ký số 1' });
    expect(within(first).getByText('Hợp lệ')).toBeTruthy();
    expect(within(first).getByText('Người ký').nextElementSibling?.textContent).toBe('Trần Văn Bình');
    expect(within(first).getByText('Tổ chức cấp chứng thư số').nextElementSibling?.textContent).toBe('VNPT-CA SHA-256');
    // 03:05 UTC is 10:05 in Huế, written day/month/year.
    expect(within(first).getByText('Thời điểm ký').nextElementSibling?.textContent).toBe('29/11/2026 10:05 (theo dấu thời gian)');
    expect(within(first).getByText('Định dạng chữ ký').nextElementSibling?.textContent).toBe('PAdES-B-T');

    expect(within(panel('Hiệu lực')).getByText('Văn bản còn hiệu lực')).toBeTruthy();
    const issuer = panel('Cơ quan ban hành');
    expect(within(issuer).getByText('Cơ quan').nextElementSibling?.textContent).toBe('Phường Phú Xuân');
    expect(within(issuer).getByText('Thời điểm ban hành').nextElementSibling?.textContent).toBe('29/11/2026 10:00');
  });

  it('explains a failed signature in plain words: content changed after signing, and codes it cannot explain', async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      [route]: {
        body: makeVerification({
          signature: {
            status: 'SIGNED',
            indication: 'TOTAL_FAILED',
            signatures: [
              makeSignature({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', integrity: 'invalid' }),
              makeSignature({ index: 1, indication: 'INDETERMINATE', subIndication: 'CHAIN_CONSTRAINTS_FAILURE', signingTime: null, signingTimeSource: null, level: null }),
            ],
          },
        }),
      },
    });
    renderApp({ path });

    const signature = await screen.findByRole('region', { name: 'Chữ ký số' });
    expect(within(signature).getByText('Chữ ký số: Không hợp lệ')).toBeTruthy();
    expect(signature.className).toContain('check-panel--fail');
    const first = within(signature).getByRole('article', { name: 'Chữ ký số 1' });
    expect(within(first).getByText('Không hợp lệ')).toBeTruthy();
    expect(within(first).getByText(/Nội dung đã bị sửa sau khi ký\./)).toBeTruthy();
    expect(within(first).getByText('HASH_FAILURE')).toBeTruthy();
    const second = within(signature).getByRole('article', { name: 'Chữ ký số 2' });
    expect(within(second).getByText('Chưa xác định được')).toBeTruthy();
    expect(within(second).getByText('Mã kết quả kiểm tra: CHAIN_CONSTRAINTS_FAILURE.')).toBeTruthy();
    expect(within(second).getByText('Thời điểm ký').nextElementSibling?.textContent).toBe('Không rõ');
    // The other checks stand on their own.
    expect(within(panel('Toàn vẹn')).getByText('Tệp được lưu trữ không bị thay đổi')).toBeTruthy();
  });

  it('explains an untrusted, expired or revoked certificate', async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      [route]: {
        body: makeVerification({
          signature: {
            status: 'SIGNED',
            indication: 'INDETERMINATE',
            signatures: [
              makeSignature({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', chain: 'untrusted' }),
              makeSignature({ index: 1, indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', chain: 'expired' }),
              makeSignature({ index: 2, indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', chain: 'revoked' }),
            ],
          },
        }),
      },
    });
    renderApp({ path });
    const signature = await screen.findByRole('region', { name: 'Chữ ký số' });
    expect(within(signature).getByText('Chữ ký số: Chưa xác định được')).toBeTruthy();
    expect(signature.className).toContain('check-panel--warn');
    expect(within(signature).getByText(/Chứng thư số không do tổ chức tin cậy cấp\./)).toBeTruthy();
    expect(within(signature).getByText(/Chứng thư số đã hết hạn/)).toBeTruthy();
    expect(within(signature).getByText(/Chứng thư số đã bị thu hồi\./)).toBeTruthy();
  });

  it('says a revoked document was revoked, why and when', async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      [route]: { body: makeVerification({ status: { value: 'revoked', reason: 'Cấp sai thông tin người được khai sinh.', changedAt: '2026-12-01T08:30:00.000Z', supersededBy: null } }) },
    });
    renderApp({ path });
    const validity = await screen.findByRole('region', { name: 'Hiệu lực' });
    expect(within(validity).getByText('Văn bản đã bị thu hồi')).toBeTruthy();
    expect(validity.className).toContain('check-panel--fail');
    expect(within(validity).getByText('Lý do').nextElementSibling?.textContent).toBe('Cấp sai thông tin người được khai sinh.');
    expect(within(validity).getByText('Ngày thay đổi').nextElementSibling?.textContent).toBe('01/12/2026 15:30');
    expect(within(validity).queryByRole('link')).toBeNull();
    // Revocation does not alter the file: integrity and signature still pass.
    expect(within(panel('Toàn vẹn')).getByText('Tệp được lưu trữ không bị thay đổi')).toBeTruthy();
    expect(within(panel('Chữ ký số')).getByText('Chữ ký số: Hợp lệ')).toBeTruthy();
  });

  it('links a superseded document to the document that replaces it', async () => {
    mockApi({
      'GET /me': meRoute(undefined),
      [route]: { body: makeVerification({ status: { value: 'superseded', reason: 'Đính chính họ tên.', changedAt: '2026-12-01T08:30:00.000Z', supersededBy: OTHER_DOCUMENT_ID } }) },
    });
    renderApp({ path });
    const validity = await screen.findByRole('region', { name: 'Hiệu lực' });
    expect(within(validity).getByText('Văn bản đã được thay thế')).toBeTruthy();
    expect(within(validity).getByRole('link', { name: 'Xem văn bản thay thế' }).getAttribute('href')).toBe(`/verify/${OTHER_DOCUMENT_ID}`);
  });

  it('says clearly when there is no such document, and does not ask the API for a malformed id', async () => {
    mockApi({ 'GET /me': meRoute(undefined), [route]: { status: 404, body: problem(404, 'documents.not_found', 'Không tìm thấy văn bản.') } });
    renderApp({ path });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy văn bản' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(DOCUMENT_ID);
    expect(screen.getByRole('link', { name: 'Kiểm tra văn bản khác' }).getAttribute('href')).toBe('/verify');
    cleanup();

    const calls = mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/verify/not-a-document' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy văn bản' })).toBeTruthy();
    expect(calls.some((call) => call.path.startsWith('/documents'))).toBe(false);
  });

  it('speaks English when the interface is in English', async () => {
    mockApi({ 'GET /me': meRoute(undefined), [route]: { body: makeVerification() } });
    renderApp({ path, locale: 'en' });
    const title = await screen.findByRole('heading', { level: 2, name: 'Trích lục khai sinh' });
    expect(title.getAttribute('lang')).toBe('vi');
    expect(screen.getByRole('heading', { level: 1, name: 'Document verification' })).toBeTruthy();
    expect(within(panel('Integrity')).getByText('The stored file has not been altered')).toBeTruthy();
    expect(within(panel('Digital signature')).getByText('Digital signature: Valid')).toBeTruthy();
    expect(within(panel('Validity')).getByText('The document is in force')).toBeTruthy();
    expect(within(panel('Issuing authority')).getByText('Phu Xuan Ward')).toBeTruthy();
    expect(screen.getByText('Type of document').nextElementSibling?.textContent).toBe('Administrative procedure result');
  });
});
