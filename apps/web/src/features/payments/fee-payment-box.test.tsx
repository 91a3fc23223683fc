import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { DossierDetail } from '@onecity/contracts';
import { createI18n } from '../../app/i18n/index.ts';
import { AppProviders } from '../../app/providers.tsx';
import { meRoute, makeUser, mockApi, problem } from '../../test/api-mock.ts';
import { DOSSIER_CODE, makeDossier } from '../procedures/procedure-fixtures.ts';
import { FeePaymentBox } from './fee-payment-box.tsx';
import { INTENT_ID, makeIntent, makePaidIntent, PAYLOAD } from './payment-fixtures.ts';

const intentPath = `/payments/intents/${INTENT_ID}`;
const feeDue = makeDossier({ status: 'fee_due', statusCode: 6, allowedActions: [] });
const accepted = makeDossier({ status: 'accepted', statusCode: 2, feePaidVia: 'online', feePaidAt: '2026-11-29T03:05:00.000Z' });

function renderBox(options: { onPaid?: (dossier: DossierDetail) => void; goTo?: (url: string) => void; path?: string } = {}) {
  return render(
    <AppProviders i18n={createI18n('vi')}>
      <MemoryRouter initialEntries={[options.path ?? `/dossiers/${DOSSIER_CODE}`]}>
        <FeePaymentBox dossier={feeDue} pollMs={20} {...(options.onPaid ? { onPaid: options.onPaid } : {})} {...(options.goTo ? { goTo: options.goTo } : {})} />
      </MemoryRouter>
    </AppProviders>,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the fee payment box', () => {
  it('shows the VietQR code, its text and the account, and polls until the payment is confirmed, then stops', async () => {
    let polls = 0;
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'POST /payments/intents': { status: 201, body: makeIntent() },
      [`GET ${intentPath}`]: () => {
        polls += 1;
        return { body: polls < 8 ? makeIntent() : makePaidIntent() };
      },
      [`GET /dossiers/${DOSSIER_CODE}`]: { body: accepted },
    });
    const onPaid = vi.fn();
    renderBox({ onPaid });
    const qr = await screen.findByRole('img', { name: new RegExp(`^Mã VietQR nộp 8\\.000\\s₫ cho hồ sơ ${DOSSIER_CODE}$`) });
    expect(qr.getAttribute('src')).toBe(`/api/v1/payments/intents/${INTENT_ID}/vietqr.png`);
    expect(screen.getByTestId('vietqr-payload').textContent).toBe(PAYLOAD);
    const facts = screen.getByRole('region', { name: 'Chuyển khoản bằng mã VietQR' });
    expect(within(facts).getByText('VietinBank')).toBeTruthy();
    expect(within(facts).getByText('113366668888')).toBeTruthy();
    expect(within(facts).getByText('OC0123456789AB')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thẻ/Ví điện tử (VNPay)' })).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST' && call.path === '/payments/intents')?.body).toEqual({ dossierCode: DOSSIER_CODE });

    await waitFor(() => expect(onPaid).toHaveBeenCalledTimes(1));
    expect(onPaid).toHaveBeenCalledWith(accepted);
    expect(screen.getByText(/^Đã nhận 8\.000\s₫\. Biên lai điện tử đã được cấp trong mục Giấy tờ của tôi\.$/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    const pollsWhenPaid = polls;
    await sleep(120);
    expect(polls).toBe(pollsWhenPaid);
    expect(onPaid).toHaveBeenCalledTimes(1);
  });

  it('sends the browser to the gateway with the address the API signed', async () => {
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'POST /payments/intents': { body: makeIntent() },
      [`GET ${intentPath}`]: { body: makeIntent() },
      [`POST ${intentPath}/attempts`]: { status: 201, body: { attemptId: 'c0000000-0000-4000-8000-000000000001', provider: 'vnpay', redirectUrl: 'https://gateway.example/pay?vnp_TxnRef=OC0123456789ABV1' } },
    });
    const goTo = vi.fn();
    renderBox({ goTo });
    fireEvent.click(await screen.findByRole('button', { name: 'Thẻ/Ví điện tử (VNPay)' }));
    await waitFor(() => expect(goTo).toHaveBeenCalledWith('https://gateway.example/pay?vnp_TxnRef=OC0123456789ABV1'));
    expect(calls.find((call) => call.path === `${intentPath}/attempts`)?.body).toEqual({ provider: 'vnpay', locale: 'vn' });
  });

  it('offers a clearly labelled sandbox transfer in the demo, and shows the payment once the simulated bank reports it', async () => {
    let isPaid = false;
    const calls = mockApi({
      'GET /me': meRoute(makeUser()),
      'POST /payments/intents': { body: makeIntent() },
      [`GET ${intentPath}`]: () => ({ body: isPaid ? makePaidIntent() : makeIntent() }),
      'POST /payments/sandbox/bank-feed/credits': () => {
        isPaid = true;
        return { body: { bankReference: 'FT1', deliveries: [] } };
      },
      [`GET /dossiers/${DOSSIER_CODE}`]: { body: accepted },
    });
    renderBox();
    const sandbox = await screen.findByRole('complementary', { name: 'Môi trường thử nghiệm (sandbox)' });
    fireEvent.click(within(sandbox).getByRole('button', { name: 'Sandbox: giả lập chuyển khoản thành công' }));
    expect(await screen.findByText(/Đã nhận 8\.000\s₫/)).toBeTruthy();
    expect(calls.find((call) => call.path === '/payments/sandbox/bank-feed/credits')?.body).toEqual({ intentId: INTENT_ID });
  });

  it('hides the sandbox without it, says so when online payment is not offered, and reports the gateway’s return', async () => {
    mockApi({
      'GET /me': meRoute(makeUser()),
      'POST /payments/intents': { body: makeIntent({ methods: { ...makeIntent().methods, isSandbox: false } }) },
      [`GET ${intentPath}`]: { body: makeIntent() },
    });
    const { unmount } = renderBox({ path: `/dossiers/${DOSSIER_CODE}?payment=failed` });
    expect(await screen.findByText('Thanh toán qua cổng không thành công. Bạn có thể thử lại hoặc chuyển khoản bằng mã QR.')).toBeTruthy();
    expect(screen.queryByRole('complementary')).toBeNull();
    unmount();
    mockApi({ 'GET /me': meRoute(makeUser()), 'POST /payments/intents': { status: 409, body: problem(409, 'payments.not_offered', 'Không cung cấp.') } });
    renderBox();
    expect(await screen.findByText('Thanh toán trực tuyến chưa được cung cấp; vui lòng nộp tại bộ phận một cửa.')).toBeTruthy();
  });
});
