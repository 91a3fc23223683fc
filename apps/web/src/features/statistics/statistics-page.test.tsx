import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PublicStatistics } from '@onecity/contracts';
import { meRoute, mockApi } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

const STATISTICS: PublicStatistics = {
  from: '2026-11-01',
  to: '2026-11-30',
  computedAt: '2026-11-29T03:00:00.000Z',
  definitions: [
    { key: 'dossiersFiledOnline', nameVi: 'Hồ sơ nộp trực tuyến', nameEn: 'Dossiers filed online', definitionVi: 'Số hồ sơ tiếp nhận trực tuyến ÷ số hồ sơ tiếp nhận.', definitionEn: 'Online ÷ all.' },
    { key: 'reportsOnTime', nameVi: 'Phản ánh trả lời đúng hạn', nameEn: 'Reports answered on time', definitionVi: 'Trả lời đúng hạn ÷ đã trả lời.', definitionEn: 'On time ÷ answered.' },
  ],
  city: {
    agency: { code: 'HUE', nameVi: 'Thành phố Huế', nameEn: 'Huế City', kind: 'city' },
    figures: [
      { key: 'dossiersFiledOnline', numerator: 91, denominator: 100, value: 0.91 },
      { key: 'reportsOnTime', numerator: 0, denominator: 0, value: null },
    ],
  },
  agencies: [
    {
      agency: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward', kind: 'ward' },
      figures: [
        { key: 'dossiersFiledOnline', numerator: 5, denominator: 5, value: 1 },
        { key: 'reportsOnTime', numerator: 3, denominator: 4, value: 0.75 },
      ],
    },
  ],
};

describe('public statistics', () => {
  it('shows each figure with its numerator, denominator and definition, without logging in', async () => {
    const calls = mockApi({ 'GET /me': meRoute(undefined), 'GET /public/statistics?from=2026-11-01&to=2026-11-30': { body: STATISTICS } });
    renderApp({ path: '/statistics?from=2026-11-01&to=2026-11-30' });
    const city = await screen.findByRole('heading', { name: 'Hồ sơ nộp trực tuyến' });
    const card = city.closest('li') as HTMLElement;
    expect(within(card).getByText('91%', { exact: false })).toBeTruthy();
    expect(within(card).getByText('(91/100)')).toBeTruthy();
    expect(within(card).getByText('Số hồ sơ tiếp nhận trực tuyến ÷ số hồ sơ tiếp nhận.')).toBeTruthy();
    expect(within(screen.getByRole('heading', { name: 'Phản ánh trả lời đúng hạn' }).closest('li') as HTMLElement).getByText('Chưa có dữ liệu')).toBeTruthy();
    const row = screen.getByRole('row', { name: /Phường Phú Xuân/ });
    expect(within(row).getByText('(3/4)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toBe('/api/v1/public/statistics?from=2026-11-01&to=2026-11-30&format=csv');
    const json = screen.getByRole('link', { name: 'Tải JSON' });
    expect(json.getAttribute('href')).toBe('/api/v1/public/statistics?from=2026-11-01&to=2026-11-30&format=json');
    expect(json.getAttribute('download')).toBe('thong-ke-2026-11-01-2026-11-30.json');
    expect(calls.map((call) => call.path)).toContain('/public/statistics?from=2026-11-01&to=2026-11-30');
  });
});
