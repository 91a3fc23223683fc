import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { OfficialScorecard, ScorecardDefinitions, UnitOfficials } from '@onecity/contracts';
import { meRoute, mockApi } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { staffUser } from '../console/dossiers/dossier-fixtures.ts';
import type { UnitScorecardDetail } from './operations.api.ts';
import { figureRatio, figureText } from './scorecards-view.tsx';

const DEFINITIONS: ScorecardDefinitions = {
  formulaVi: 'Điểm tổng hợp (0–100) = 70 × tỷ lệ đúng hạn + 30 × (điểm đánh giá trung bình − 1) ÷ 4.',
  formulaEn: 'Composite score (0–100) = 70 × on-time share + 30 × (average rating − 1) ÷ 4.',
  measures: [{ measure: 'onTime', nameVi: 'Tỷ lệ đúng hạn', nameEn: 'On-time share', definitionVi: 'Số việc giải quyết đúng hạn ÷ số việc đã giải quyết.', definitionEn: 'On time ÷ handled.' }],
};
const ME = '00000000-0000-4000-8000-000000000001';
const COLLEAGUE = '00000000-0000-4000-8000-0000000000c2';
const MONTH = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

const official = (id: string, fullName: string, onTime: number): OfficialScorecard => ({
  official: { id, fullName, agencies: [{ code: 'PHUXUAN_KT', nameVi: 'Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân', nameEn: 'Economy division', kind: 'unit' }] },
  month: MONTH,
  figures: [
    { measure: 'handled', numerator: 4, denominator: 4, value: 4 },
    { measure: 'onTime', numerator: onTime, denominator: 4, value: onTime / 4 },
    { measure: 'handlingTime', numerator: 7200, denominator: 28_800, value: 0.25 },
    { measure: 'overdue', numerator: 4 - onTime, denominator: 4, value: 4 - onTime },
    { measure: 'ratings', numerator: 9, denominator: 2, value: 4.5 },
  ],
  definitions: DEFINITIONS,
});

const unit = (code: string, nameVi: string): UnitScorecardDetail => ({
  agency: { code, nameVi, nameEn: nameVi, kind: code === 'PHUXUAN' ? 'ward' : 'unit' },
  month: MONTH,
  figures: [
    { measure: 'handled', numerator: 9, denominator: 9, value: 9 },
    { measure: 'onTime', numerator: 8, denominator: 9, value: 8 / 9 },
  ],
  score: 62.2,
  rank: 3,
  peers: 40,
  comments: [{ id: 'c1', month: MONTH, authorName: 'Trương Công Minh', text: 'Tháng này phường tăng cường kiểm tra lấn chiếm vỉa hè.', createdAt: '2026-11-29T03:00:00.000Z' }],
  definitions: DEFINITIONS,
});

describe('my results in the staff console', () => {
  it("shows an officer his month with the formula, opens the items behind a number, and his unit's scorecard read-only", async () => {
    const calls = mockApi({
      'GET /me': meRoute(staffUser('officer', 'PHUXUAN_KT')),
      [`GET /operations/scorecards/officials/${ME}`]: { body: official(ME, 'Nguyễn Thị Lan', 3) },
      [`GET /operations/scorecards/officials/${ME}/items`]: { body: { measure: 'overdue', total: 1, items: [{ kind: 'report', code: 'PA-261105-0003', isMet: false, outcome: 'late', fields: { dueAt: '2026-11-06T10:00:00.000Z' } }] } },
      'GET /operations/scorecards/units/PHUXUAN_KT': { body: unit('PHUXUAN_KT', 'Phòng Kinh tế, Hạ tầng và Đô thị') },
    });
    renderApp({ path: '/console' });
    fireEvent.click(await screen.findByRole('link', { name: 'Kết quả làm việc' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kết quả làm việc' })).toBeTruthy();

    const mine = (await screen.findByRole('heading', { level: 2, name: 'Kết quả của tôi' })).closest('section') as HTMLElement;
    const figures = within(mine).getByRole('table');
    expect(within(figures).getByRole('rowheader', { name: 'Đúng hạn' })).toBeTruthy();
    expect(within(figures).getByText('3/4')).toBeTruthy();
    // Hours rather than seconds, ratings by how many were given.
    const row = (name: string) => within(figures).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(within(row('Thời gian/thời hạn')).getByText('2 giờ / 8 giờ')).toBeTruthy();
    expect(within(row('Đánh giá')).getByRole('button', { name: 'Đánh giá: 4,5/5 — xem các mục' })).toBeTruthy();
    expect(within(row('Đánh giá')).getByText('2 lượt đánh giá')).toBeTruthy();
    // The formula is there to read.
    fireEvent.click(within(mine).getByText('Cách tính điểm'));
    expect(within(mine).getByText(/70 × tỷ lệ đúng hạn/)).toBeTruthy();
    // Each number opens what it is made of.
    fireEvent.click(within(figures).getByRole('button', { name: 'Quá hạn: 1 — xem các mục' }));
    expect(await within(mine).findByRole('heading', { name: 'Quá hạn — Nguyễn Thị Lan' })).toBeTruthy();
    expect(within(mine).getByRole('link', { name: 'PA-261105-0003' }).getAttribute('href')).toBe('/reports/PA-261105-0003');
    expect(calls.some((call) => call.path === `/operations/scorecards/officials/${ME}/items?month=${MONTH}&measure=overdue`)).toBe(true);

    // The unit's scorecard and its comments, without the lead's form or the officials' list.
    const unitSection = (await screen.findByRole('heading', { level: 2, name: 'Đơn vị: Phòng Kinh tế, Hạ tầng và Đô thị' })).closest('section') as HTMLElement;
    expect(within(unitSection).getByText('Xếp hạng 3/40 đơn vị cùng loại · Điểm tổng hợp: 62,2')).toBeTruthy();
    expect(within(unitSection).getByText(/tăng cường kiểm tra lấn chiếm/)).toBeTruthy();
    expect(within(unitSection).queryByLabelText('Ý kiến của đơn vị về kết quả tháng')).toBeNull();
    expect(screen.queryByRole('navigation', { name: /Cán bộ của đơn vị/ })).toBeNull();
    expect(calls.some((call) => call.path.includes('/officials?') || call.path.endsWith('/officials'))).toBe(false);
  });

  it("lets a unit lead open his officials' results and comment on the unit's month", async () => {
    const officials: UnitOfficials = {
      agency: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward', kind: 'ward' },
      items: [{ id: COLLEAGUE, fullName: 'Trần Văn Bình', agencies: [{ code: 'PHUXUAN_KT', nameVi: 'Phòng Kinh tế', nameEn: 'Economy division', kind: 'unit' }] }],
      total: 1,
    };
    const calls = mockApi({
      'GET /me': meRoute(staffUser('unit_lead', 'PHUXUAN')),
      [`GET /operations/scorecards/officials/${ME}`]: { body: official(ME, 'Nguyễn Thị Lan', 4) },
      [`GET /operations/scorecards/officials/${COLLEAGUE}`]: { body: official(COLLEAGUE, 'Trần Văn Bình', 1) },
      'GET /operations/scorecards/units/PHUXUAN': { body: unit('PHUXUAN', 'Phường Phú Xuân') },
      'GET /operations/scorecards/units/PHUXUAN/officials': { body: officials },
      'POST /operations/scorecards/units/PHUXUAN/comments': { status: 201, body: { id: 'c2', month: MONTH, authorName: 'Nguyễn Thị Lan', text: 'Đã rõ, sẽ khắc phục.', createdAt: '2026-11-29T04:00:00.000Z' } },
    });
    renderApp({ path: `/console/scorecards?month=${MONTH}` });
    const list = await screen.findByRole('navigation', { name: 'Cán bộ của đơn vị — Phường Phú Xuân' });
    fireEvent.click(within(list).getByRole('link', { name: 'Trần Văn Bình' }));
    const theirs = (await screen.findByRole('heading', { level: 2, name: 'Kết quả của Trần Văn Bình' })).closest('section') as HTMLElement;
    expect(within(theirs).getByText('1/4')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(`/console/scorecards?month=${MONTH}&official=${COLLEAGUE}`);
    fireEvent.click(screen.getByRole('link', { name: 'Về kết quả của tôi' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Kết quả của tôi' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Ý kiến của đơn vị về kết quả tháng'), { target: { value: 'Đã rõ, sẽ khắc phục.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi ý kiến' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ path: '/operations/scorecards/units/PHUXUAN/comments', body: { month: MONTH, text: 'Đã rõ, sẽ khắc phục.' } });
    // The scorecard is read again, with the new comment.
    await waitFor(() => expect(calls.filter((call) => call.path === `/operations/scorecards/units/PHUXUAN?month=${MONTH}`).length).toBeGreaterThanOrEqual(2));
  });
});

describe('a ratio over nothing', () => {
  const t = ((key: string) => key) as unknown as TFunction;
  it('reads "—" on every card, whether the API sends no value or a value of 0', () => {
    for (const value of [0, null]) {
      const figure = { measure: 'onTime', numerator: 0, denominator: 0, value } as const;
      expect(figureText(figure, 'vi')).toBe('—');
      expect(figureRatio(figure, 'vi', t)).toBe('—');
    }
    expect(figureText({ measure: 'ratings', numerator: 0, denominator: 0, value: 0 }, 'vi')).toBe('—');
    expect(figureRatio({ measure: 'handlingTime', numerator: 0, denominator: 0, value: 0 }, 'vi', t)).toBe('—');
    // Counts are counts: nothing overdue is 0.
    expect(figureText({ measure: 'overdue', numerator: 0, denominator: 0, value: 0 }, 'vi')).toBe('0');
    expect(figureText({ measure: 'onTime', numerator: 3, denominator: 4, value: 0.75 }, 'vi')).toBe('75%');
  });
});
