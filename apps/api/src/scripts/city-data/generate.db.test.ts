/**
 * The generator against a real database: invariants of a few hundred generated rows, and a generated report compared
 * with one filed through submitReport for the same input (the bulk path must give the service's shape).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { findAreaAt } from '../../modules/agencies/index.ts';
import { listUserGrants } from '../../modules/identity/index.ts';
import { submitReport } from '../../modules/reports/index.ts';
import { generateCity, hasGeneratedData, startOfLocalDay } from './generate.ts';

let app: TestApp;
const asOf = new Date('2026-06-01T00:00:00+07:00');

beforeAll(async () => {
  app = await createTestApp();
  await generateCity(app.app.ctx, { seed: 7, citizens: 60, reports: 200, dossiers: 80, asOf, days: 12, photos: true, batch: 1000, jobs: 2, quiet: true });
});
afterAll(async () => app?.dispose());

describe('generated city data', () => {
  it('is recognised, and the lookup schema is gone', async () => {
    expect(await hasGeneratedData(app.handle.db)).toBe(true);
    const schemas = await sql<{ n: number }>`select count(*)::int as n from information_schema.schemata where schema_name = 'onecity_gen'`.execute(app.handle.db);
    expect(schemas.rows[0]?.n).toBe(0);
    expect(startOfLocalDay(new Date('2026-06-01T20:00:00Z'), 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-06-01T17:00:00.000Z');
  });

  it('gives reports unique daily codes, places inside their ward and statuses that follow their timestamps', async () => {
    const reports = await app.handle.db.selectFrom('reports').selectAll().execute();
    expect(reports).toHaveLength(200);
    expect(new Set(reports.map((r) => r.code)).size).toBe(200);
    for (const report of reports) {
      expect(report.code).toMatch(/^PA-\d{6}-\d{4}$/);
      expect(report.created_at.getTime()).toBeLessThan(asOf.getTime());
      expect(report.updated_at.getTime()).toBeGreaterThanOrEqual(report.created_at.getTime());
      expect(report.updated_at.getTime()).toBeLessThanOrEqual(asOf.getTime());
      expect((await findAreaAt(app.app.ctx, report.location.x, report.location.y))?.code).toBe(report.area_code);
      const answered = ['resolved', 'closed'].includes(report.status);
      expect(report.resolved_at !== null).toBe(answered);
      expect(report.answer !== null).toBe(answered);
      expect(report.closed_at !== null).toBe(report.status === 'closed');
      if (report.closed_at && report.resolved_at) expect(report.closed_at.getTime()).toBeGreaterThan(report.resolved_at.getTime());
      expect(report.officer_id !== null).toBe(['in_progress', 'resolved', 'closed'].includes(report.status));
      expect(report.unit_id === null).toBe(['submitted', 'rejected'].includes(report.status));
      if (report.rating !== null) expect(answered).toBe(true);
    }
    // The daily counters continue after the generated codes, so the next real report gets a fresh number.
    const counters = await app.handle.db.selectFrom('report_code_counters').selectAll().execute();
    const perDay = new Map<string, number>();
    for (const report of reports) perDay.set(report.code.slice(3, 9), Math.max(perDay.get(report.code.slice(3, 9)) ?? 0, Number(report.code.slice(10))));
    for (const counter of counters) expect(counter.last_value).toBeGreaterThanOrEqual(perDay.get(counter.day.slice(2).replace(/-/g, '')) ?? 0);
  });

  it('writes timelines in order that end in the report status', async () => {
    const events = await app.handle.db.selectFrom('report_events').innerJoin('reports', 'reports.id', 'report_events.report_id').select(['reports.code', 'reports.status', 'report_events.type', 'report_events.to_status', 'report_events.at']).orderBy('report_events.report_id').orderBy('report_events.at').orderBy('report_events.id').execute();
    const byReport = new Map<string, typeof events>();
    for (const event of events) byReport.set(event.code, [...(byReport.get(event.code) ?? []), event]);
    expect(byReport.size).toBe(200);
    for (const timeline of byReport.values()) {
      expect(timeline[0]?.type).toBe('submit');
      const statusChanges = timeline.filter((event) => !['rate', 'escalate'].includes(event.type));
      expect(statusChanges.at(-1)?.to_status).toBe(timeline[0]?.status);
    }
  });

  it('takes dossiers through every status with consistent dates, steps and codes', async () => {
    const dossiers = await app.handle.db.selectFrom('dossiers').selectAll().where('submitted_at', '<', asOf).execute();
    expect(dossiers.length).toBeGreaterThanOrEqual(80);
    expect(new Set(dossiers.map((d) => d.status)).size).toBeGreaterThanOrEqual(6);
    for (const dossier of dossiers) {
      expect(dossier.code).toMatch(/^[A-Z0-9_]+-\d{6}-\d{4}$/);
      expect(dossier.finished_at !== null).toBe([9, 10].includes(dossier.status));
      expect(dossier.is_late !== null).toBe([9, 10].includes(dossier.status));
      expect(dossier.delivered_at !== null).toBe(dossier.status === 10);
      expect(dossier.closed_at !== null).toBe([3, 7, 8].includes(dossier.status));
      expect(dossier.current_step === null).toBe([3, 7, 8, 10].includes(dossier.status) || (dossier.status === 9 && dossier.current_step === null));
      expect(dossier.appointment_at.getTime()).toBeGreaterThan(dossier.submitted_at.getTime());
    }
    const steps = await app.handle.db.selectFrom('dossier_steps').select(['dossier_id']).where('dossier_id', 'in', dossiers.map((d) => d.id)).execute();
    expect(new Set(steps.map((s) => s.dossier_id)).size).toBe(dossiers.length);
  });
});

describe('a generated report and one filed through submitReport', () => {
  it('have the same shape for the same input', async () => {
    const db = app.handle.db;
    const generated = await db
      .selectFrom('reports as r')
      .innerJoin('report_categories as c', 'c.id', 'r.category_id')
      .selectAll('r')
      .select('c.code as category_code')
      .where('r.channel', '=', 'app')
      .where('r.is_urgent', '=', false)
      .where(sql<boolean>`(r.routing->>'ruleNo') is not null`)
      .orderBy('r.created_at', 'desc')
      .executeTakeFirstOrThrow();
    const grants = await listUserGrants(app.app.ctx, generated.reporter_id);
    const actor: Actor = { userId: generated.reporter_id, sessionId: 'test', via: 'bearer', csrfToken: '', grants };
    const audit = { actorId: actor.userId, actorRole: 'citizen', ip: null, requestId: 'test' };
    const filed = await submitReport(
      app.app.ctx,
      audit,
      actor,
      { categoryCode: generated.category_code, description: generated.description, location: { lat: generated.location.y, lng: generated.location.x }, address: generated.address ?? undefined, answers: generated.answers },
      { now: generated.created_at },
    );
    const made = await db.selectFrom('reports').selectAll().where('code', '=', filed.code).executeTakeFirstOrThrow();
    // The day's counter continued after the generated codes.
    expect(made.code.slice(0, 10)).toBe(generated.code.slice(0, 10));
    expect(Number(made.code.slice(10))).toBeGreaterThan(Number(generated.code.slice(10)));
    const atSubmission = (row: typeof made) => ({
      category_id: row.category_id,
      description: row.description,
      location: row.location,
      address: row.address,
      area_code: row.area_code,
      is_urgent: row.is_urgent,
      is_public: row.is_public,
      reporter_id: row.reporter_id,
      channel: row.channel,
      answers: row.answers,
      routing: row.routing,
      received_on: row.received_on,
      due_at: row.due_at,
      created_at: row.created_at,
      pending_extension: row.pending_extension,
      reopen_count: row.reopen_count,
      merged_into: row.merged_into,
    });
    expect(atSubmission(generated)).toEqual(atSubmission(made));
    expect(generated.unit_id ?? made.unit_id).toBe(made.unit_id);
    expect(Object.keys(generated).filter((key) => key !== 'category_code').sort()).toEqual(Object.keys(made).sort());
    const firstEvents = async (id: string) =>
      (await db.selectFrom('report_events').select(['type', 'from_status', 'to_status', 'actor_id', 'actor_kind', 'details', 'is_public', 'at']).where('report_id', '=', id).orderBy('at').orderBy('id').limit(2).execute());
    expect(await firstEvents(generated.id)).toEqual(await firstEvents(made.id));
    // (The service's follower row is stamped by the database clock, whatever `now` it was given.)
    const follower = async (id: string) => db.selectFrom('report_followers').select(['user_id']).where('report_id', '=', id).execute();
    expect(await follower(generated.id)).toEqual(await follower(made.id));
  });
});
