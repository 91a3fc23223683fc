import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meRoute, mockApi, problem, type RecordedRequest } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { AGENCIES, staffUser } from '../console/dossiers/dossier-fixtures.ts';
import { DOCUMENT_ID, OTHER_DOCUMENT_ID, makeDocumentStatistics, makeDocumentSummary, makeVerification } from './document-fixtures.ts';
import { canRevoke } from './documents-section.tsx';

const REVOKED_ID = '5d6e7f80-91a2-4b3c-8d4e-5f60718293a4';
const listCalls = (calls: RecordedRequest[]) => calls.filter((call) => call.method === 'GET' && call.path.startsWith('/documents?'));
const statsCalls = (calls: RecordedRequest[]) => calls.filter((call) => call.path.startsWith('/documents/statistics')).map((call) => call.path);

const documents = (firstStatus: 'valid' | 'superseded' = 'valid') => ({
  items: [
    makeDocumentSummary({ agencyCode: 'PHUXUAN_VP', agencyNameVi: 'Văn phòng HĐND và UBND Phường Phú Xuân', status: firstStatus }),
    makeDocumentSummary({ id: REVOKED_ID, kind: 'apology', titleVi: 'Thư xin lỗi về việc trễ hẹn', numberSymbol: '7/TXL-UBND', signatureCount: 2, status: 'revoked' }),
  ],
  total: 2,
});

beforeEach(() => {
  // Only the clock: "this month" is November 2026 in Huế; timers stay real for the queries' waiting.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T03:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('issued documents in the staff console', () => {
  it("lists the agencies' documents with PDF and verification links, and this month's signed share in Vietnamese", async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /documents': { body: documents() },
      'GET /documents/statistics': { body: makeDocumentStatistics() },
    });
    renderApp({ path: '/console/documents' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Văn bản đã ban hành' })).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(listCalls(calls).map((call) => call.path)).toEqual(['/documents?limit=50&offset=0']);
    const row = within(table).getByRole('rowheader', { name: /Trích lục khai sinh/ }).closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 5)).toEqual(['123/TLKS-UBND', 'Văn phòng HĐND và UBND Phường Phú Xuân', '29/11/2026', '1', 'Còn hiệu lực']);
    expect(within(row).getByText('Kết quả giải quyết thủ tục hành chính')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Tải PDF văn bản 123/TLKS-UBND' }).getAttribute('href')).toBe(`/api/v1/documents/${DOCUMENT_ID}/pdf`);
    expect(within(row).getByRole('link', { name: 'Xác thực văn bản 123/TLKS-UBND' }).getAttribute('href')).toBe(`/verify/${DOCUMENT_ID}`);
    // A revoked document cannot be revoked again.
    const revokedRow = within(table).getByRole('rowheader', { name: /Thư xin lỗi/ }).closest('tr') as HTMLElement;
    expect(within(revokedRow).getByText('Đã thu hồi')).toBeTruthy();
    expect(within(revokedRow).queryByRole('button')).toBeNull();

    const kpi = screen.getByRole('region', { name: 'Tỷ lệ văn bản được ký số trong tháng' });
    expect(await within(kpi).findByText('87,5%')).toBeTruthy();
    expect(within(kpi).getByText('35 trên 40 văn bản ban hành từ 01/11/2026 đến 30/11/2026 có chữ ký số.')).toBeTruthy();
    expect(statsCalls(calls)).toEqual(['/documents/statistics?agencyCode=PHUXUAN&from=2026-11-01&to=2026-11-30']);

    // Another agency in the lead's scope can be chosen.
    const picker = within(kpi).getByLabelText('Cơ quan, đơn vị') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(['PHUXUAN', 'PHUXUAN_HCC', 'PHUXUAN_VP']);
    fireEvent.change(picker, { target: { value: 'PHUXUAN_VP' } });
    await waitFor(() => expect(statsCalls(calls).at(-1)).toBe('/documents/statistics?agencyCode=PHUXUAN_VP&from=2026-11-01&to=2026-11-30'));
  });

  it('says so when nothing was issued this month', async () => {
    mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN_VP')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /documents': { body: { items: [], total: 0 } },
      'GET /documents/statistics': { body: makeDocumentStatistics({ agencyCode: 'PHUXUAN_VP', issued: 0, signed: 0, signedShare: null }) },
    });
    renderApp({ path: '/console/documents' });
    expect(await screen.findByText('Chưa ban hành văn bản nào trong tháng.')).toBeTruthy();
    expect(await screen.findByText('Chưa có văn bản nào.')).toBeTruthy();
  });

  it('lets a unit lead supersede a document: reason required, then the request body, a confirmation and a fresh list', async () => {
    let isDone = false;
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /documents': () => ({ body: documents(isDone ? 'superseded' : 'valid') }),
      'GET /documents/statistics': { body: makeDocumentStatistics() },
      [`POST /documents/${DOCUMENT_ID}/revoke`]: () => {
        isDone = true;
        return { body: makeVerification({ status: { value: 'superseded', reason: 'Đính chính họ tên.', changedAt: '2026-11-29T03:00:00.000Z', supersededBy: OTHER_DOCUMENT_ID } }) };
      },
    });
    renderApp({ path: '/console/documents' });
    fireEvent.click(await screen.findByRole('button', { name: 'Thu hồi hoặc thay thế văn bản 123/TLKS-UBND' }));
    const form = screen.getByRole('form', { name: 'Thu hồi hoặc thay thế văn bản 123/TLKS-UBND' });
    expect(document.activeElement?.textContent).toBe('Thu hồi hoặc thay thế văn bản 123/TLKS-UBND');

    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect(within(form).getByText('Vui lòng nhập lý do.')).toBeTruthy();
    // Revoking needs no replacement; superseding does (the API refuses it without one).
    expect(within(form).queryByLabelText('Mã văn bản thay thế')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Việc cần làm'), { target: { value: 'superseded' } });
    fireEvent.change(within(form).getByLabelText('Lý do'), { target: { value: '  Đính chính họ tên.  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect(within(form).getByText('Vui lòng nhập mã văn bản thay thế.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Mã văn bản thay thế'), { target: { value: 'abc' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect(within(form).getByText('Mã văn bản gồm 36 ký tự dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('Mã văn bản thay thế'), { target: { value: ` ${OTHER_DOCUMENT_ID.toUpperCase()} ` } });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Đã ghi nhận văn bản 123/TLKS-UBND được thay thế.')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.path).toBe(`/documents/${DOCUMENT_ID}/revoke`);
    expect(post?.body).toEqual({ status: 'superseded', reason: 'Đính chính họ tên.', supersededBy: OTHER_DOCUMENT_ID });
    expect(post?.headers['x-csrf-token']).toBe('csrf-from-me');
    expect(screen.queryByRole('form', { name: /Thu hồi hoặc thay thế/ })).toBeNull();
    await waitFor(() => expect(listCalls(calls)).toHaveLength(2));
    expect(await screen.findByText('Đã được thay thế')).toBeTruthy();
  });

  it('sends a plain revocation without a replacement, and shows the API’s refusal', async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /documents': { body: documents() },
      'GET /documents/statistics': { body: makeDocumentStatistics() },
      [`POST /documents/${DOCUMENT_ID}/revoke`]: { status: 403, body: problem(403, 'documents.forbidden', 'Bạn không có quyền thu hồi văn bản này.') },
    });
    renderApp({ path: '/console/documents' });
    fireEvent.click(await screen.findByRole('button', { name: 'Thu hồi hoặc thay thế văn bản 123/TLKS-UBND' }));
    const form = screen.getByRole('form', { name: 'Thu hồi hoặc thay thế văn bản 123/TLKS-UBND' });
    fireEvent.change(within(form).getByLabelText('Lý do'), { target: { value: 'Cấp nhầm hồ sơ.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Bạn không có quyền thu hồi văn bản này.');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ status: 'revoked', reason: 'Cấp nhầm hồ sơ.' });
  });

  it('offers no revoke action to an officer', async () => {
    mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /documents': { body: documents() },
      'GET /documents/statistics': { body: makeDocumentStatistics() },
    });
    renderApp({ path: '/console/documents' });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Thu hồi/ })).toBeNull();
  });
});

describe('who may revoke', () => {
  const doc = { agencyCode: 'PHUXUAN_VP', status: 'valid' as const };
  it('unit leads and admins of the issuing agency or an agency above it, for documents still in force', () => {
    expect(canRevoke(staffUser('admin', 'HUE'), doc, AGENCIES)).toBe(true);
    expect(canRevoke(staffUser('admin', 'THUANHOA'), doc, AGENCIES)).toBe(false);
    expect(canRevoke(staffUser('unit_lead', 'PHUXUAN_VP'), doc, AGENCIES)).toBe(true);
    expect(canRevoke(staffUser('unit_lead', 'PHUXUAN'), doc, AGENCIES)).toBe(true);
    expect(canRevoke(staffUser('unit_lead', 'THUANHOA'), doc, AGENCIES)).toBe(false);
    expect(canRevoke(staffUser('officer', 'PHUXUAN_VP'), doc, AGENCIES)).toBe(false);
    expect(canRevoke(staffUser('unit_lead', 'PHUXUAN_VP'), { ...doc, status: 'revoked' }, AGENCIES)).toBe(false);
    // Without the agency list, only the issuing agency itself is known.
    expect(canRevoke(staffUser('unit_lead', 'PHUXUAN'), doc, [])).toBe(false);
  });
});
