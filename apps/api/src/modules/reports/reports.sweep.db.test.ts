import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { sweepReports } from './index.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({ citizen: 'citizen@demo.onecity.local', lead: 'unit.lead@demo.onecity.local', ioc: 'ioc@demo.onecity.local', wardOfficer: 'ward.officer@demo.onecity.local' })) {
    tokens[name] = await loginToken(t.app, login);
  }
});
afterAll(async () => t?.dispose());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const inbox = async (who: string) => (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(who) })).json() as { unread: number; items: { kind: string; body: string; link: string; id: string }[] };
const file = async (payload: object) => (await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { location: PHU_XUAN, ...payload } })).json();

describe('urgent reports', () => {
  it('alert the unit leads and the IOC at once', async () => {
    const report = await file({ categoryCode: 'FLOODING', description: 'Nước ngập qua đầu gối ở đường Mai Thúc Loan.', isUrgent: true });
    expect((await inbox('lead')).items.find((n) => n.kind === 'report.urgent' && n.body.includes(report.code))).toBeDefined();
    expect((await inbox('ioc')).items.find((n) => n.kind === 'report.urgent' && n.body.includes(report.code))).toBeDefined();
  });
});

describe('the sweep', () => {
  it('escalates an overdue report to the lead, then to the IOC, once each', async () => {
    const report = await file({ categoryCode: 'GARBAGE', description: 'Bãi rác tự phát cạnh bờ sông chưa được dọn.' });
    expect(report.unit.code).toBe('HEPCO');
    expect(await sweepReports(t.app.ctx)).toMatchObject({ escalated: 0 });
    await sql`update reports set due_at = now() - interval '1 hour' where code = ${report.code}`.execute(t.handle.db);
    expect((await sweepReports(t.app.ctx)).escalated).toBe(1);
    expect((await sweepReports(t.app.ctx)).escalated).toBe(0);
    const leadNotices = (await inbox('lead')).items.filter((n) => n.kind === 'report.overdue_lead' && n.body.includes(report.code));
    expect(leadNotices).toHaveLength(1);
    expect((await inbox('ioc')).items.filter((n) => n.kind === 'report.overdue_ioc' && n.body.includes(report.code))).toHaveLength(0);

    await sql`update reports set due_at = now() - interval '3 days' where code = ${report.code}`.execute(t.handle.db);
    expect((await sweepReports(t.app.ctx)).escalated).toBe(1);
    expect((await inbox('ioc')).items.filter((n) => n.kind === 'report.overdue_ioc' && n.body.includes(report.code))).toHaveLength(1);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${report.code}` })).json();
    expect(page.isOverdue).toBe(true);
    expect(page.timeline.filter((e: { type: string }) => e.type === 'escalate').map((e: { details: { level: number } }) => e.details.level)).toEqual([1, 2]);
    const overdueQueue = await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?overdue=true&unit=HEPCO', headers: as('ioc') });
    expect(overdueQueue.json().items.map((r: { code: string }) => r.code)).toContain(report.code);
  });

  it('closes answered reports after 7 days and tells the reporter', async () => {
    const report = await file({ categoryCode: 'ENCROACHMENT', description: 'Bàn ghế quán cà phê chiếm hết vỉa hè.' });
    const take = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${report.code}/actions`, headers: as('wardOfficer'), payload: { type: 'take' } });
    expect(take.statusCode).toBe(200);
    await sql`update report_categories set is_after_photo_required = false where code = 'ENCROACHMENT'`.execute(t.handle.db);
    const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${report.code}/actions`, headers: as('wardOfficer'), payload: { type: 'resolve', answer: 'Đã nhắc nhở chủ quán dọn bàn ghế.' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const notices = await inbox('citizen');
    const resolvedNotice = notices.items.find((n) => n.kind === 'report.resolve' && n.body.includes(report.code));
    expect(resolvedNotice?.link).toBe(`/reports/${report.code}`);
    expect((await sweepReports(t.app.ctx)).closed).toBe(0);
    await sql`update reports set resolved_at = now() - interval '8 days' where code = ${report.code}`.execute(t.handle.db);
    expect((await sweepReports(t.app.ctx)).closed).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${report.code}` })).json().status).toBe('closed');
    expect((await inbox('citizen')).items.find((n) => n.kind === 'report.auto_close' && n.body.includes(report.code))).toBeDefined();

    const before = (await inbox('citizen')).unread;
    expect(before).toBeGreaterThan(0);
    const read = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: as('citizen'), payload: { id: resolvedNotice?.id } });
    expect(read.json().changed).toBe(1);
    expect((await inbox('citizen')).unread).toBe(before - 1);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: as('ioc'), payload: { id: resolvedNotice?.id } })).statusCode).toBe(404);
    await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: as('citizen'), payload: {} });
    expect((await inbox('citizen')).unread).toBe(0);
  });
});
