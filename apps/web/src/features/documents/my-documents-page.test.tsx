import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { DOCUMENT_ID, makeDocumentSummary } from './document-fixtures.ts';

describe('my documents (/documents/mine)', () => {
  it("lists the citizen's documents with download and verification links", async () => {
    const calls = mockApi({ 'GET /me': meRoute(makeUser()), 'GET /documents': { body: { items: [makeDocumentSummary()], total: 1 } } });
    renderApp({ path: '/documents/mine' });
    const title = await screen.findByRole('heading', { level: 2, name: 'Trích lục khai sinh' });
    expect(calls.find((call) => call.path.startsWith('/documents'))?.path).toBe('/documents?limit=100&offset=0');
    const card = title.closest('li') as HTMLElement;
    expect(within(card).getByText('123/TLKS-UBND')).toBeTruthy();
    expect(within(card).getByText('Còn hiệu lực')).toBeTruthy();
    expect(within(card).getByText(/Kết quả giải quyết thủ tục hành chính · Phường Phú Xuân/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Tải về (PDF) — 123/TLKS-UBND' }).getAttribute('href')).toBe(`/api/v1/documents/${DOCUMENT_ID}/pdf`);
    expect(within(card).getByRole('link', { name: 'Xác thực — 123/TLKS-UBND' }).getAttribute('href')).toBe(`/verify/${DOCUMENT_ID}`);
    expect(within(card).getByRole('link', { name: 'PHUXUAN-261129-0001' }).getAttribute('href')).toBe('/dossiers/PHUXUAN-261129-0001');
  });

  it('says when there is nothing yet, and asks visitors to log in', async () => {
    mockApi({ 'GET /me': meRoute(makeUser()), 'GET /documents': { body: { items: [], total: 0 } } });
    const { unmount } = renderApp({ path: '/documents/mine' });
    expect(await screen.findByText(/Bạn chưa có giấy tờ điện tử nào/)).toBeTruthy();
    unmount();

    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/documents/mine' });
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    expect(screen.getByTestId('location').textContent).toMatch(/^\/login/);
  });
});
