import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PaymentDiscrepancy, PaymentStatistics, ReconciliationItem } from '@onecity/contracts';
import { meRoute, mockApi } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { AGENCIES, staffUser } from '../console/dossiers/dossier-fixtures.ts';
import { INTENT_ID, makePaidIntent } from './payment-fixtures.ts';

const STATISTICS: PaymentStatistics = {
  agencyCode: 'PHUXUAN',
  from: '2026-11-01',
  to: '2026-11-30',
  dossiersPaidOnline: { numerator: 3, denominator: 4, share: 0.75 },
  proceduresAcceptingOnline: { numerator: 12, denominator: 12, share: 1 },
  proceduresWithOnlinePayments: { numerator: 2, denominator: 12, share: 2 / 12 },
  collected: 24_000,
  refunded: 0,
  payments: 3,
  providers: ['vietqr', 'vnpay'],
};
const CREDIT: ReconciliationItem = {
  id: 'd0000000-0000-4000-8000-000000000001',
  bankReference: 'FT26334000001',
  accountNumber: '113366668888',
  amount: 8_000,
  description: 'TRAN VAN BINH chuyen tien le phi',
  transactionAt: '2026-11-29T03:00:00.000Z',
  receivedAt: '2026-11-29T03:00:01.000Z',
  status: 'unmatched',
  reason: 'no_reference',
  intentId: null,
  intentReference: null,
  resolvedAt: null,
  resolvedByName: null,
  resolutionNote: null,
};

const DISCREPANCY: PaymentDiscrepancy = {
  id: 'e0000000-0000-4000-8000-000000000001',
  kind: 'dossier_paid_twice',
  day: '2026-11-29',
  intentId: INTENT_ID,
  intentReference: 'OC0123456789AB',
  provider: 'vietqr',
  providerTransactionId: 'FT26334000002',
  expectedAmount: 0,
  actualAmount: 8_000,
  details: { dossierCode: 'PHUXUAN-261129-0001' },
  status: 'open',
  detectedAt: '2026-11-29T03:05:00.000Z',
  resolution: null,
  resolutionNote: null,
  resolvedAt: null,
  resolvedByName: null,
};
const RESOLVED: PaymentDiscrepancy = { ...DISCREPANCY, status: 'resolved', resolution: 'refunded', resolutionNote: 'Đã hoàn trả khoản nộp trùng.', resolvedAt: '2026-11-29T04:00:00.000Z', resolvedByName: 'Trương Công Minh' };

function routes() {
  return mockApi({
    'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
    'GET /agencies': { body: { items: AGENCIES } },
    'GET /payments/statistics': { body: STATISTICS },
    'GET /payments/daily': { body: { items: [{ day: '2026-11-29', count: 3, amount: 24_000, refunded: 0, byProvider: { vietqr: 2, vnpay: 1 } }] } },
    'GET /payments/intents': { body: { items: [makePaidIntent()], total: 1 } },
    'GET /payments/reconciliation': { body: { items: [CREDIT] } },
    'GET /payments/discrepancies': { body: { items: [] } },
    [`POST /payments/reconciliation/${CREDIT.id}/resolve`]: { body: { status: 'linked', intentId: INTENT_ID } },
    [`POST /payments/intents/${INTENT_ID}/refunds`]: { status: 201, body: makePaidIntent() },
  });
}

describe('/console/payments', () => {
  it('shows the 766 indicators with numerators and denominators and the collections per day', async () => {
    routes();
    renderApp({ path: '/console/payments' });
    expect(await screen.findByText('3/4 (75%)')).toBeTruthy();
    expect(screen.getByText('12/12 (100%)')).toBeTruthy();
    expect(screen.getByText('Hồ sơ có phí được thanh toán trực tuyến')).toBeTruthy();
    expect(screen.getByText('2/12 (16,7%)')).toBeTruthy();
    expect(screen.getByRole('row', { name: /29\/11\/2026\s+3\s+24\.000\s₫/ })).toBeTruthy();
    // The month in Vietnamese dates (dd/mm/yyyy), never raw ISO.
    const month = screen.getByText(/^Tháng:/);
    expect(month.textContent).toMatch(/^Tháng: 01\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/);
    // On a phone every table scrolls inside its own box instead of widening the page.
    await screen.findByRole('row', { name: /OC0123456789AB/ });
    const tables = [...document.querySelectorAll('.payments-section table')];
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) expect(table.parentElement?.classList.contains('table-scroll')).toBe(true);
    expect(screen.getByRole('link', { name: 'Tải CSV (theo mẫu sao kê ngân hàng)' }).getAttribute('href')).toMatch(/^\/api\/v1\/payments\/export\.csv\?agencyCode=PHUXUAN&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  });

  it('links a queued bank credit to the payment a reference names, and refunds with a reason', async () => {
    const calls = routes();
    renderApp({ path: '/console/payments' });
    const row = await screen.findByRole('row', { name: /FT26334000001/ });
    expect(within(row).getByText('Không có mã thanh toán')).toBeTruthy();
    fireEvent.change(within(row).getByLabelText('Mã thanh toán cần gắn'), { target: { value: 'oc0123456789ab' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Gắn với khoản thanh toán' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path === `/payments/reconciliation/${CREDIT.id}/resolve`)).toBe(true));
    expect(calls.find((call) => call.path.startsWith('/payments/intents?reference='))?.path).toBe('/payments/intents?reference=OC0123456789AB&limit=1');
    expect(calls.find((call) => call.path.endsWith('/resolve'))?.body).toEqual({ action: 'link', intentId: INTENT_ID });
    expect(await screen.findByText('Đã xử lý giao dịch FT26334000001.')).toBeTruthy();

    const payment = screen.getByRole('row', { name: /OC0123456789AB/ });
    fireEvent.click(within(payment).getByText('Hoàn tiền', { selector: 'summary' }));
    fireEvent.change(within(payment).getByLabelText('Số tiền hoàn (đồng)'), { target: { value: '3000' } });
    fireEvent.change(within(payment).getByLabelText('Lý do hoàn tiền'), { target: { value: 'Thu thừa phí sao y' } });
    fireEvent.click(within(payment).getByRole('button', { name: 'Hoàn tiền' }));
    await waitFor(() => expect(calls.find((call) => call.path === `/payments/intents/${INTENT_ID}/refunds`)?.body).toEqual({ amount: 3000, reason: 'Thu thừa phí sao y' }));
  });

  it('closes a reconciliation difference with what was done and a note, then lists it as resolved', async () => {
    let isResolved = false;
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      'GET /agencies': { body: { items: AGENCIES } },
      'GET /payments/statistics': { body: STATISTICS },
      'GET /payments/daily': { body: { items: [] } },
      'GET /payments/intents': { body: { items: [], total: 0 } },
      'GET /payments/reconciliation': { body: { items: [] } },
      'GET /payments/discrepancies?status=open': () => ({ body: { items: isResolved ? [] : [DISCREPANCY] } }),
      'GET /payments/discrepancies?status=resolved': () => ({ body: { items: isResolved ? [RESOLVED] : [] } }),
      [`POST /payments/discrepancies/${DISCREPANCY.id}/resolve`]: () => {
        isResolved = true;
        return { body: RESOLVED };
      },
    });
    renderApp({ path: '/console/payments' });
    const row = await screen.findByRole('row', { name: /Hồ sơ được nộp phí hai lần/ });
    expect(within(row).getByText('OC0123456789AB')).toBeTruthy();
    fireEvent.click(within(row).getByText('Xử lý chênh lệch', { selector: 'summary' }));
    const form = within(row).getByRole('form', { name: 'Xử lý chênh lệch' });
    const submit = within(form).getByRole('button', { name: 'Xác nhận đã xử lý' });
    fireEvent.change(within(form).getByLabelText('Cách xử lý'), { target: { value: 'refunded' } });
    // A note of blanks says nothing: the button waits for five characters once trimmed.
    fireEvent.change(within(form).getByLabelText('Ghi chú xử lý (ít nhất 5 ký tự)'), { target: { value: '   ab   ' } });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Ghi chú xử lý (ít nhất 5 ký tự)'), { target: { value: '  Đã hoàn trả khoản nộp trùng.  ' } });
    fireEvent.click(submit);
    expect(await screen.findByText('Đã xử lý chênh lệch «Hồ sơ được nộp phí hai lần» ngày 29/11/2026.')).toBeTruthy();
    const posted = calls.find((call) => call.method === 'POST' && call.path === `/payments/discrepancies/${DISCREPANCY.id}/resolve`);
    expect(posted?.body).toEqual({ resolution: 'refunded', note: 'Đã hoàn trả khoản nộp trùng.' });
    expect(posted?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(await screen.findByText('Không có chênh lệch nào.')).toBeTruthy();

    const tabs = screen.getByRole('group', { name: 'Trạng thái chênh lệch' });
    fireEvent.click(within(tabs).getByRole('button', { name: 'Đã xử lý' }));
    const resolved = await screen.findByRole('row', { name: /Hồ sơ được nộp phí hai lần/ });
    expect(within(resolved).getByText('Đã hoàn tiền')).toBeTruthy();
    expect(within(resolved).getByText(/Đã hoàn trả khoản nộp trùng\./)).toBeTruthy();
    expect(within(resolved).getByText(/Trương Công Minh/)).toBeTruthy();
    expect(within(resolved).queryByText('Xử lý chênh lệch')).toBeNull();
  });
});
