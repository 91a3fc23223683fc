import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, meRoute, mockApi } from '../test/api-mock.ts';
import { renderApp } from '../test/render-app.tsx';
import { LOCALE_STORAGE_KEY, createI18n } from './i18n/index.ts';

describe('language switch', () => {
  it('starts in Vietnamese and switches the whole screen, <html lang> and the API language to English', async () => {
    const calls = mockApi({ 'GET /me': meRoute(makeUser()), 'POST /auth/logout': { status: 204 } });
    renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Lan!' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Dịch vụ cho người dân' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
    expect(calls[0]?.headers['accept-language']).toBe('vi');

    const switcher = screen.getByRole('group', { name: 'Ngôn ngữ' });
    expect(within(switcher).getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(switcher).getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Nguyễn Thị Lan!' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Services for citizens' })).toBeTruthy();
    expect(screen.queryByText('Dịch vụ cho người dân')).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('remembers the choice for the next visit', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('is shown on every screen, including errors', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp({ path: '/no-such-page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Ngôn ngữ' })).toBeTruthy();
  });
});

describe('home page', () => {
  it('shows the six services: the built ones (online payment included) as links, the ones not yet built as "coming soon" and not as links', async () => {
    mockApi({ 'GET /me': meRoute(undefined) });
    renderApp();
    const services = await screen.findByRole('region', { name: 'Dịch vụ cho người dân' });
    const tiles = within(services).getAllByRole('listitem');
    expect(tiles).toHaveLength(6);
    for (const title of ['Phản ánh hiện trường', 'Dịch vụ công', 'Thanh toán', 'Tra cứu hồ sơ', 'Cảnh báo', 'Xác thực văn bản']) {
      expect(within(services).getByRole('heading', { name: title })).toBeTruthy();
    }
    expect(within(services).getAllByText('Sắp ra mắt')).toHaveLength(1);
    const links = within(services).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/reports/new', '/services', '/dossiers/mine', '/lookup', '/verify']);
    const payments = within(services).getByRole('link', { name: /Thanh toán/ });
    expect(payments.textContent).toContain('VietQR');
    expect(payments.textContent).not.toContain('Sắp ra mắt');
    expect(links[0]?.textContent).toContain('Phản ánh hiện trường');
  });

  it('links staff to the console and the operations centre by role', async () => {
    mockApi({ 'GET /me': meRoute(makeUser(['unit_lead'])) });
    renderApp();
    const staff = await screen.findByRole('region', { name: 'Dành cho cán bộ' });
    expect(within(staff).getByRole('link', { name: /Bàn làm việc cán bộ/ }).getAttribute('href')).toBe('/console');
    expect(within(staff).getByRole('link', { name: /Trung tâm điều hành/ }).getAttribute('href')).toBe('/ioc');
  });

  it('shows no staff links to a citizen', async () => {
    mockApi({ 'GET /me': meRoute(makeUser()) });
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Lan!' });
    expect(screen.queryByRole('region', { name: 'Dành cho cán bộ' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Bàn làm việc cán bộ/ })).toBeNull();
  });
});
