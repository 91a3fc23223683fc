import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DossierLookup } from '@onecity/contracts';
import { meRoute, mockApi, problem } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { DOSSIER_CODE } from './procedure-fixtures.ts';

const found: DossierLookup = {
  code: DOSSIER_CODE,
  procedureCode: '1.001193',
  procedureNameVi: 'Đăng ký khai sinh',
  procedureNameEn: 'Birth registration',
  agencyCode: 'PHUXUAN',
  agencyNameVi: 'Phường Phú Xuân',
  agencyNameEn: 'Phu Xuan Ward',
  status: 'processing',
  statusCode: 4,
  submittedAt: '2026-11-29T03:00:00.000Z',
  appointmentDate: '2026-12-02',
  finishedAt: null,
};

const routes = () =>
  mockApi({
    'GET /me': meRoute(undefined),
    [`GET /dossiers/lookup?code=${DOSSIER_CODE}`]: { body: found },
    'GET /dossiers/lookup?code=HUE-261129-9999': { status: 404, body: problem(404, 'dossiers.not_found', 'Không tìm thấy hồ sơ.') },
  });

describe('dossier lookup', () => {
  it('shows the public status of a code given in the address, without logging in', async () => {
    routes();
    renderApp({ path: `/lookup?code=${DOSSIER_CODE.toLowerCase()}` });
    expect(await screen.findByRole('heading', { level: 2, name: `Hồ sơ ${DOSSIER_CODE}` })).toBeTruthy();
    expect(screen.getByText('Đăng ký khai sinh')).toBeTruthy();
    expect(screen.getByText('Phường Phú Xuân')).toBeTruthy();
    expect(screen.getByText('Đang xử lý')).toBeTruthy();
    expect(screen.getByText('Ngày hẹn trả').nextElementSibling?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-12-02');
    expect((screen.getByLabelText('Mã hồ sơ') as HTMLInputElement).value).toBe(DOSSIER_CODE);
  });

  it('says clearly when no dossier has the code, and checks the code’s form first', async () => {
    const calls = routes();
    renderApp({ path: '/lookup' });
    const input = await screen.findByLabelText('Mã hồ sơ');
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(screen.getByText(/Mã hồ sơ có dạng/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((call) => call.path.startsWith('/dossiers/lookup'))).toBe(false);

    fireEvent.change(input, { target: { value: ' hue-261129-9999 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(await screen.findByText('Không tìm thấy hồ sơ có mã HUE-261129-9999. Vui lòng kiểm tra lại mã trên giấy biên nhận.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/lookup?code=HUE-261129-9999');

    fireEvent.change(input, { target: { value: DOSSIER_CODE } });
    fireEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(await screen.findByText('Đăng ký khai sinh')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Không tìm thấy hồ sơ/)).toBeNull());
  });
});
