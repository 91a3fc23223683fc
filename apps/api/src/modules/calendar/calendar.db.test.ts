import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.dispose());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/v1/calendar/deadline', () => {
  it('computes the deadline over the Tết break', async () => {
    const response = await get(`/api/v1/calendar/deadline?from=${encodeURIComponent('2024-02-07T16:30:00+07:00')}&workingDays=7`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ receivedOn: '2024-02-07', dueDate: '2024-02-23', dueAt: '2024-02-23T17:00:00+07:00' });
  });

  it('refuses a time without offset, a negative or fractional count, and missing parameters', async () => {
    for (const query of ['from=2024-02-07T16:30:00&workingDays=7', `from=${encodeURIComponent('2024-02-07T16:30:00+07:00')}&workingDays=-1`, `from=${encodeURIComponent('2024-02-07T16:30:00+07:00')}&workingDays=1.5`, 'workingDays=7', 'from=yesterday&workingDays=2']) {
      const response = await get(`/api/v1/calendar/deadline?${query}`, { 'accept-language': 'en' });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('http.validation_failed');
    }
  });
});

describe('holiday years', () => {
  it('lists a year with its source', async () => {
    const response = await get('/api/v1/calendar/holidays?year=2024');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.basis).toBe('announced');
    expect(body.source).toMatch(/Labour Code/);
    expect(body.days.find((d: { date: string }) => d.date === '2024-05-04')).toMatchObject({ kind: 'working_saturday', isDayOff: false });
    expect(body.days.filter((d: { isDayOff: boolean }) => d.isDayOff).map((d: { date: string }) => d.date)).toContain('2024-02-14');
    expect((await get('/api/v1/calendar/holidays?year=2031')).statusCode).toBe(404);
    expect((await get('/api/v1/calendar/holidays?year=abc')).statusCode).toBe(400);
  });

  it('lets a city admin replace a year, audited, and deadlines follow at once', async () => {
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const before = await get(`/api/v1/calendar/deadline?from=${encodeURIComponent('2027-03-01T09:00:00+07:00')}&workingDays=1`);
    expect(before.json().dueDate).toBe('2027-03-02');
    const current = (await get('/api/v1/calendar/holidays?year=2027')).json();
    const days = [
      ...current.days.map((d: { date: string; kind: string; nameVi: string; nameEn: string }) => ({ date: d.date, kind: d.kind, nameVi: d.nameVi, nameEn: d.nameEn })),
      { date: '2027-03-02', kind: 'swapped_off', nameVi: 'Nghỉ hoán đổi (thử nghiệm)', nameEn: 'Swapped day off (test)' },
      { date: '2027-03-06', kind: 'working_saturday', nameVi: 'Làm bù (thử nghiệm)', nameEn: 'Working Saturday (test)' },
    ];
    const replaced = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: { authorization: `Bearer ${admin}` },
      payload: { basis: 'announced', source: 'Notice of the 2027 breaks (test)', days },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const after = await get(`/api/v1/calendar/deadline?from=${encodeURIComponent('2027-03-01T09:00:00+07:00')}&workingDays=1`);
    expect(after.json().dueDate).toBe('2027-03-03');
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.replace_year').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses inconsistent days and non-city admins without changing anything', async () => {
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const weekendOff = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026',
      headers: { authorization: `Bearer ${admin}`, 'accept-language': 'en' },
      payload: { basis: 'announced', source: 'A wrong notice', days: [{ date: '2026-03-07', kind: 'holiday', nameVi: 'Sai', nameEn: 'Wrong' }] },
    });
    expect(weekendOff.statusCode).toBe(400);
    expect(weekendOff.json().code).toBe('calendar.invalid_day');
    expect(weekendOff.json().detail).toMatch(/weekend/);
    const otherYear = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026',
      headers: { authorization: `Bearer ${admin}` },
      payload: { basis: 'announced', source: 'A wrong notice', days: [{ date: '2025-03-07', kind: 'holiday', nameVi: 'Sai', nameEn: 'Wrong' }] },
    });
    expect(otherYear.statusCode).toBe(400);
    const officer = await loginToken(t.app, 'dept.officer@demo.onecity.local');
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026',
      headers: { authorization: `Bearer ${officer}` },
      payload: { basis: 'announced', source: 'Not mine to change', days: [] },
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await get('/api/v1/calendar/holidays?year=2026')).json().days.length).toBeGreaterThan(5);
  });
});
