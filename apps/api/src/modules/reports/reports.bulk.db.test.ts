import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { enqueueMessage } from '../../core/messaging/outbox.ts';
import { findUserContacts } from '../identity/index.ts';
import { emailPendingNotices } from '../notifications/index.ts';
import { mapSlices, publicMapSliceQuery } from './reports.repository.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({ citizen: 'citizen@demo.onecity.local', lead: 'unit.lead@demo.onecity.local', ioc: 'ioc@demo.onecity.local', deptOfficer: 'dept.officer@demo.onecity.local', wardOfficer: 'ward.officer@demo.onecity.local' })) {
    tokens[name] = await loginToken(t.app, login);
  }
});
afterAll(async () => t?.dispose());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const file = async (categoryCode: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { categoryCode, description: 'Một phản ánh để thử thao tác hàng loạt.', location: PHU_XUAN } })).json().code as string;

describe('bulk actions', () => {
  it('applies one action to several reports and says per report what happened', async () => {
    const a = await file('FLOODING');
    const b = await file('FLOODING');
    const elsewhere = await file('GARBAGE');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports/actions/bulk', headers: as('deptOfficer'), payload: { codes: [a, b, elsewhere], action: { type: 'take' } } });
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toEqual([
      { code: a, ok: true, status: 'in_progress' },
      { code: b, ok: true, status: 'in_progress' },
      { code: elsewhere, ok: false, error: { code: 'auth.forbidden', detail: 'auth.forbidden' } },
    ]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports/actions/bulk', headers: as('deptOfficer'), payload: { codes: [], action: { type: 'take' } } })).statusCode).toBe(400);
  });
});

describe("a unit's officers", () => {
  it('are listed by name for its leads and the IOC only', async () => {
    const forLead = await t.app.inject({ method: 'GET', url: '/api/v1/console/units/SXD/officers', headers: as('lead') });
    expect(forLead.statusCode).toBe(200);
    expect(forLead.json().items.map((o: { fullName: string }) => o.fullName)).toContain('Lê Minh Châu');
    expect(forLead.body).not.toMatch(/@|090/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/console/units/PHUXUAN_KT/officers', headers: as('ioc') })).json().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/console/units/SXD/officers', headers: as('deptOfficer') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/console/units/NOPE/officers', headers: as('ioc') })).statusCode).toBe(404);
  });
});

describe('e-mailed notices', () => {
  it('hands fresh notices to the outbox once, for users with an e-mail address', async () => {
    // The demo seed leaves fresh notices (its dossiers); send those first so only this report's notice is new.
    await emailPendingNotices(t.app.ctx, (ids) => findUserContacts(t.app.ctx, ids), enqueueMessage);
    const before = await t.handle.db.selectFrom('outbox_messages').select('id').where('recipient', '=', 'citizen@demo.onecity.local').execute();
    const code = await file('GARBAGE');
    const take = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/actions`, headers: as('ioc'), payload: { type: 'transfer', unitCode: 'CSDT', reason: 'Thuộc đơn vị chiếu sáng' } });
    expect(take.statusCode, take.body).toBe(200);
    const sent = await emailPendingNotices(t.app.ctx, (ids) => findUserContacts(t.app.ctx, ids), enqueueMessage);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await emailPendingNotices(t.app.ctx, (ids) => findUserContacts(t.app.ctx, ids), enqueueMessage)).toBe(0);
    const after = await t.handle.db.selectFrom('outbox_messages').select(['body', 'subject']).where('recipient', '=', 'citizen@demo.onecity.local').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.some((m) => m.body.includes(code) && m.body.includes(`/reports/${code}`))).toBe(true);
  });
});

describe('scale: the hot queries are served by indexes', () => {
  it("uses the map's indexes by place and time for the map (rows read by code), the answer-time index for today's answers and the queue index for a unit queue", async () => {
    // Planner statistics on a test-sized table favour scans; forbidding them shows that an index can serve the query.
    await t.handle.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      // The map's own statements, as the repository builds them: a slice's matches come from the index by place and
      // time, and from the small index of open reports when only open statuses are asked for.
      const bbox = { minLng: 107.57, minLat: 16.46, maxLng: 107.59, maxLat: 16.48 };
      const explain = async (statuses: string[]) => {
        const compiled = publicMapSliceQuery(t.handle.db, { bbox, statuses, limit: 500 }, mapSlices(new Date())[1] ?? { since: null, until: null }, 501).compile();
        return JSON.stringify((await trx.executeQuery(CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]))).rows);
      };
      expect(await explain(['assigned', 'resolved'])).toMatch(/"reports_map_idx"/);
      expect(await explain(['submitted', 'assigned', 'in_progress'])).toMatch(/"reports_map_open_idx"/);
      // The rows shown are read by code (codes follow filing time, so the newest sit together), not by random id.
      expect(await explain(['assigned', 'resolved'])).toMatch(/"reports_code_key"/);
      expect(await explain(['assigned', 'resolved'])).not.toMatch(/"reports_pkey"/);
      // The live counters' reports answered today, by their answer time.
      const answered = await sql.raw(`explain (format json) select id from reports where resolved_at >= now() - interval '1 day'`).execute(trx);
      expect(JSON.stringify(answered.rows)).toMatch(/reports_resolved_idx/);
      const queue = await sql.raw(`explain (format json) select id from reports where unit_id = '00000000-0000-0000-0000-000000000000' and status in ('assigned','in_progress') order by due_at limit 100`).execute(trx);
      expect(JSON.stringify(queue.rows)).toMatch(/reports_queue_idx/);
    });
  });
});
