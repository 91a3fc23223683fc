/**
 * The staff queue in deadline order: for random units (a unit, a ward and its units, the whole city), statuses, filters
 * and pages, over reports spread across the city's units with a unit holding more than QUEUE_COUNT_CAP of them, the page
 * and the count equal what a plain scan of every report gives, and a page reads about as many rows as it shows.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyReport, createTestApp, fileDemoReport, loginToken, type TestApp } from '../../../test/harness.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import { QUEUE_COUNT_CAP, listQueue, queuePageQuery, type QueueFilter } from './reports.repository.ts';

let t: TestApp;
const NOW = new Date('2026-11-20T03:00:00.000Z');
const HOUR = 3_600_000;
const QUEUED = ['submitted', 'assigned', 'in_progress', 'resolved'];
const OPEN = ['submitted', 'assigned', 'in_progress'];

interface Row {
  code: string;
  status: string;
  unit_id: string | null;
  category_id: string;
  area_code: string;
  officer_id: string | null;
  due_at: Date;
}

let everything: Row[] = [];
let agencies: { id: string; code: string; path: string }[] = [];
let categories: { id: string; code: string }[] = [];
let officerIds: string[] = [];
const subtree = (code: string) => {
  const root = agencies.find((agency) => agency.code === code);
  if (!root) throw new Error(`no agency ${code}`);
  return agencies.filter((agency) => agency.path === root.path || agency.path.startsWith(`${root.path}.`)).map((agency) => agency.id);
};

beforeAll(async () => {
  t = await createTestApp();
  const template = await fileDemoReport(t, { categoryCode: 'GARBAGE', description: 'Rác chất đống ở góc đường, nhiều ngày chưa thu gom.', location: { lat: 16.4698, lng: 107.5786 } });
  agencies = await t.handle.db.selectFrom('agencies').select(['id', 'code', 'path']).execute();
  categories = await t.handle.db.selectFrom('report_categories').select(['id', 'code']).execute();
  officerIds = (await t.handle.db.selectFrom('users').select('id').limit(3).execute()).map((row) => row.id);
  // 700 copies over Phú Xuân's units, two departments and a few others, every status (closed, rejected and merged are
  // never queued), deadlines over the last and next 60 days, each at its own millisecond.
  const units = [...subtree('PHUXUAN'), ...subtree('HEPCO'), ...subtree('CSDT'), ...agencies.slice(0, 6).map((agency) => agency.id)];
  const random = seededRandom(20261129);
  const statuses = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged'];
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)] as T;
  const copies = Array.from({ length: 700 }, (_, index) => ({
    code: `PA-200102-${String(index + 1).padStart(4, '0')}`,
    status: pick(statuses),
    unit: random() < 0.05 ? null : pick(units),
    category: pick(categories).id,
    area: random() < 0.5 ? 'PHUXUAN' : 'THUANHOA',
    officer: random() < 0.4 ? pick(officerIds) : null,
    due: new Date(NOW.getTime() + Math.round((random() - 0.5) * 120 * 24) * HOUR + index),
  }));
  for (const copy of copies) {
    await copyReport(t, template, { code: copy.code, status: copy.status, unit_id: copy.unit, category_id: copy.category, area_code: copy.area, officer_id: copy.officer, due_at: copy.due.toISOString() });
  }
  // A busy unit: more reports in progress than the count's cap, deadlines interleaved with its other statuses.
  const busy = subtree('HEPCO')[0];
  await sql`
    insert into reports select (jsonb_populate_record(null::reports, (select to_jsonb(r) from reports r where code = ${template}) || jsonb_build_object(
      'id', gen_random_uuid(), 'code', 'PA-200103-' || lpad(i::text, 5, '0'), 'status', 'in_progress', 'unit_id', ${busy}::uuid,
      'due_at', ${NOW.toISOString()}::timestamptz + (i * 97 % 2880 - 1440) * interval '1 hour' + (1000 + i) * interval '1 ms'))).*
    from generate_series(1, ${QUEUE_COUNT_CAP + 300}::int) i`.execute(t.handle.db);
  await sql`analyze reports`.execute(t.handle.db);
  everything = await t.handle.db.selectFrom('reports').select(['code', 'status', 'unit_id', 'category_id', 'area_code', 'officer_id', 'due_at']).execute();
});
afterAll(async () => t?.dispose());

/** What the queue must answer, from every report. */
function expected(filter: QueueFilter, page: { limit: number; offset: number }) {
  const category = categories.find((candidate) => candidate.code === filter.categoryCode);
  const matches = everything
    .filter((row) => filter.statuses.includes(row.status))
    .filter((row) => !filter.unitIds || (row.unit_id !== null && filter.unitIds.includes(row.unit_id)))
    .filter((row) => !filter.categoryCode || row.category_id === category?.id)
    .filter((row) => !filter.areaCode || row.area_code === filter.areaCode)
    .filter((row) => !filter.officerId || row.officer_id === filter.officerId)
    .filter((row) => !filter.overdueBefore || (OPEN.includes(row.status) && row.due_at.getTime() < filter.overdueBefore.getTime()))
    .sort((left, right) => left.due_at.getTime() - right.due_at.getTime());
  const cap = Math.max(QUEUE_COUNT_CAP, page.offset + page.limit);
  return { codes: matches.slice(page.offset, page.offset + page.limit).map((row) => row.code), total: Math.min(matches.length, cap), isTotalCapped: matches.length > cap };
}

/** The rows of `reports` read by a plan's scans, and whether any scan read the table without an index. */
function rowsRead(plan: Record<string, unknown>): { rows: number; unindexed: boolean } {
  const own = plan['Relation Name'] === 'reports' ? Number(plan['Actual Rows']) * Number(plan['Actual Loops']) : 0;
  const unindexed = plan['Relation Name'] === 'reports' && plan['Node Type'] === 'Seq Scan';
  return ((plan['Plans'] as Record<string, unknown>[] | undefined) ?? []).map(rowsRead).reduce((sum, child) => ({ rows: sum.rows + child.rows, unindexed: sum.unindexed || child.unindexed }), { rows: own, unindexed });
}

describe('the staff queue', () => {
  it('gives the page and the count a scan of every report gives, for random units, filters and pages', async () => {
    const random = seededRandom(11);
    let capped = 0;
    let wide = 0;
    for (let round = 0; round < 150; round += 1) {
      const scope = random();
      const unitCode = scope < 0.3 ? 'HEPCO' : scope < 0.55 ? 'PHUXUAN' : scope < 0.7 ? 'PHUXUAN_KT' : scope < 0.85 ? 'HUE' : null;
      const statuses = random() < 0.6 ? QUEUED : QUEUED.filter(() => random() < 0.5);
      const filter: QueueFilter = {
        unitIds: unitCode ? subtree(unitCode) : undefined,
        statuses,
        categoryCode: random() < 0.15 ? (categories[Math.floor(random() * categories.length)]?.code ?? '') : undefined,
        areaCode: random() < 0.15 ? 'PHUXUAN' : undefined,
        officerId: random() < 0.1 ? officerIds[0] : undefined,
        overdueBefore: random() < 0.2 ? NOW : undefined,
      };
      const page = { limit: 1 + Math.floor(random() * (random() < 0.5 ? 10 : 120)), offset: random() < 0.6 ? 0 : Math.floor(random() * 1400) };
      const want = expected(filter, page);
      const got = await listQueue(t.handle.db, filter, page);
      const label = JSON.stringify({ unitCode, ...filter, unitIds: undefined, ...page });
      expect(got.rows.map((row) => row.code), label).toEqual(want.codes);
      expect({ total: got.total, isTotalCapped: got.isTotalCapped }, label).toEqual({ total: want.total, isTotalCapped: want.isTotalCapped });
      if (got.isTotalCapped) capped += 1;
      if ((filter.unitIds?.length ?? 0) * filter.statuses.length > 64) wide += 1;
    }
    // The rounds went past the count's cap and through the many-units plan (the whole city's subtree).
    expect(capped).toBeGreaterThan(5);
    expect(wide).toBeGreaterThan(5);
  });

  it('reads about as many rows as the page shows, from the indexes, however long the queue', async () => {
    const filter: QueueFilter = { unitIds: subtree('HEPCO'), statuses: QUEUED };
    const queued = everything.filter((row) => row.unit_id !== null && filter.unitIds?.includes(row.unit_id) && QUEUED.includes(row.status)).length;
    expect(queued).toBeGreaterThan(QUEUE_COUNT_CAP);
    for (const page of [{ limit: 100, offset: 0 }, { limit: 50, offset: 200 }]) {
      const compiled = queuePageQuery(t.handle.db, filter, page).compile();
      const result = await sql.raw<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(
        `explain (analyze, format json) ${compiled.sql.replace(/\$(\d+)/g, (_, n: string) => `'${String(compiled.parameters[Number(n) - 1] instanceof Date ? (compiled.parameters[Number(n) - 1] as Date).toISOString() : compiled.parameters[Number(n) - 1])}'`)}`,
      ).execute(t.handle.db);
      const plan = result.rows[0]?.['QUERY PLAN'][0].Plan ?? {};
      const read = rowsRead(plan);
      // Each of the four lanes (one unit, four statuses) reads at most one row past the page's end.
      expect(read.unindexed).toBe(false);
      expect(read.rows, JSON.stringify(page)).toBeLessThanOrEqual(page.offset + page.limit + 4);
    }
  });

  it('answers a unit officer over HTTP with the page, the count and whether it was capped', async () => {
    const officer = await loginToken(t.app, 'ward.officer@demo.onecity.local');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?unit=PHUXUAN_KT&limit=5', headers: { authorization: `Bearer ${officer}` } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: { code: string; dueAt: string }[]; total: number; isTotalCapped: boolean };
    const want = expected({ unitIds: subtree('PHUXUAN_KT'), statuses: QUEUED }, { limit: 5, offset: 0 });
    expect(body.items.map((item) => item.code)).toEqual(want.codes);
    expect({ total: body.total, isTotalCapped: body.isTotalCapped }).toEqual({ total: want.total, isTotalCapped: false });
  });
});
