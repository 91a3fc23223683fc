import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi } from '../../test/api-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('ways to the public statistics and the operations centre', () => {
  it('links anyone to /statistics from the navigation, the footer and the home page', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp();
    const home = await screen.findByRole('region', { name: 'Thành phố công khai' });
    expect(within(home).getByRole('link', { name: /Số liệu thống kê/ }).getAttribute('href')).toBe('/statistics');
    expect(within(screen.getByRole('navigation', { name: 'Điều hướng chính' })).getByRole('link', { name: 'Số liệu thống kê' }).getAttribute('href')).toBe('/statistics');
    expect(within(screen.getByRole('navigation', { name: 'Liên kết cuối trang' })).getByRole('link', { name: 'Số liệu thống kê' }).getAttribute('href')).toBe('/statistics');
  });

  it('puts the operations centre in the console for IOC operators and leads, and "My results" for officials', async () => {
    mockApi({ 'GET /me': meRoute(makeUser(['unit_lead'])) });
    renderApp({ path: '/console' });
    const sections = await screen.findByRole('navigation', { name: 'Các mục của bàn làm việc' });
    expect(within(sections).getByRole('link', { name: 'Trung tâm điều hành' }).getAttribute('href')).toBe('/ioc');
    expect(within(sections).getByRole('link', { name: 'Kết quả làm việc' }).getAttribute('href')).toBe('/console/scorecards');
  });

  it('keeps the operations centre out of an officer’s console, and "My results" out of an IOC operator’s', async () => {
    mockApi({ 'GET /me': meRoute(makeUser(['officer'])) });
    const { unmount } = renderApp({ path: '/console' });
    const sections = await screen.findByRole('navigation', { name: 'Các mục của bàn làm việc' });
    expect(within(sections).queryByRole('link', { name: 'Trung tâm điều hành' })).toBeNull();
    expect(within(sections).getByRole('link', { name: 'Kết quả làm việc' })).toBeTruthy();
    unmount();

    mockApi({ 'GET /me': meRoute(makeUser(['ioc_operator'])) });
    renderApp({ path: '/console' });
    const iocSections = await screen.findByRole('navigation', { name: 'Các mục của bàn làm việc' });
    expect(within(iocSections).getByRole('link', { name: 'Trung tâm điều hành' }).getAttribute('href')).toBe('/ioc');
    expect(within(iocSections).queryByRole('link', { name: 'Kết quả làm việc' })).toBeNull();
  });
});
