/**
 * The public map by place and time: for random viewports and filters over a history of more than 512 days (every
 * slice of time used, reports exactly on the slices' boundaries, a dense spot of more than MAP_COUNT_CAP reports),
 * the newest reports and the count equal what a plain scan of every report gives.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyReport, createTestApp, fileDemoReport, type TestApp } from '../../../test/harness.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import { MAP_COUNT_CAP, MAP_EXCERPT_LENGTH, MAP_SLICE_DAYS, listPublicMapReports, listPublicReports, type PublicFilter } from './reports.repository.ts';

let t: TestApp;
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };
// A spot in Phường Thuận Hóa where more than MAP_COUNT_CAP old reports pile up.
const DENSE = { lat: 16.4616, lng: 107.5955 };
const NOW = new Date('2026-11-20T03:00:00.000Z');
const DAY = 86_400_000;
const OPEN = ['submitted', 'assigned', 'in_progress'];

interface Row {
  code: string;
  created_at: Date;
  status: string;
  is_public: boolean;
  category_id: string;
  area_code: string;
  location: { x: number; y: number };
}

let everything: Row[] = [];
let categoryIds: string[] = [];
const LONG_DESCRIPTION = `Đường ${'rất '.repeat(60)}hư hỏng, ổ gà sâu ngay trước cổng chợ.`;

beforeAll(async () => {
  t = await createTestApp();
  const template = await fileDemoReport(t, { categoryCode: 'ROAD_DAMAGE', description: LONG_DESCRIPTION, location: PHU_XUAN });
  categoryIds = (await t.handle.db.selectFrom('report_categories').select('id').where('code', 'in', ['GARBAGE', 'ROAD_DAMAGE', 'STREET_LIGHT']).execute()).map((row) => row.id);
  // Copies of the filed report over 900 days: random places around Phú Xuân, statuses, categories and publicity, each
  // at its own millisecond, and one exactly on each slice boundary of NOW.
  const random = seededRandom(20261201);
  const statuses = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged'];
  const copies = Array.from({ length: 600 }, (_, index) => ({
    code: `PA-200101-${String(index + 1).padStart(4, '0')}`,
    at: new Date(NOW.getTime() - Math.floor(random() * 900 * DAY) - index),
    lng: PHU_XUAN.lng + (random() - 0.5) * 0.03,
    lat: PHU_XUAN.lat + (random() - 0.5) * 0.03,
    status: statuses[Math.floor(random() * statuses.length)] ?? 'submitted',
    category: categoryIds[Math.floor(random() * categoryIds.length)] ?? '',
    isPublic: random() > 0.1,
  }));
  MAP_SLICE_DAYS.forEach((days, index) => {
    const copy = copies[index];
    if (copy) Object.assign(copy, { at: new Date(NOW.getTime() - days * DAY), status: 'assigned', isPublic: true });
  });
  for (const copy of copies) {
    await copyReport(t, template, { code: copy.code, created_at: copy.at.toISOString(), status: copy.status, category_id: copy.category, is_public: copy.isPublic, location: `(${copy.lng},${copy.lat})` });
  }
  // The dense spot: old resolved reports, one statement.
  await sql`
    insert into reports select (jsonb_populate_record(null::reports, (select to_jsonb(r) from reports r where code = ${template}) || jsonb_build_object(
      'id', gen_random_uuid(), 'code', 'PA-190101-' || lpad(i::text, 5, '0'), 'created_at', ${NOW.toISOString()}::timestamptz - (600 + i % 100) * interval '1 day' - i * interval '1 ms',
      'status', 'resolved', 'area_code', 'THUANHOA', 'location', point(${DENSE.lng}::float8 + (i % 70) * 0.00001, ${DENSE.lat}::float8 + (i / 70) * 0.00001)))).*
    from generate_series(1, ${MAP_COUNT_CAP + 300}::int) i`.execute(t.handle.db);
  everything = (await t.handle.db.selectFrom('reports').select(['code', 'created_at', 'status', 'is_public', 'category_id', 'area_code', 'location']).execute()) as Row[];
});
afterAll(async () => t?.dispose());

/** What the map must answer, from every report. */
function expected(filter: PublicFilter) {
  const statuses = filter.statuses?.length ? filter.statuses : ['submitted', 'assigned', 'in_progress', 'resolved', 'closed'];
  const matches = everything
    .filter((row) => row.is_public && statuses.includes(row.status))
    .filter((row) => !filter.bbox || (row.location.x >= filter.bbox.minLng && row.location.x <= filter.bbox.maxLng && row.location.y >= filter.bbox.minLat && row.location.y <= filter.bbox.maxLat))
    .filter((row) => !filter.categoryIds?.length || filter.categoryIds.includes(row.category_id))
    .filter((row) => !filter.areaCode || row.area_code === filter.areaCode)
    .filter((row) => !filter.since || row.created_at.getTime() >= filter.since.getTime())
    .sort((left, right) => right.created_at.getTime() - left.created_at.getTime());
  return { codes: matches.slice(0, filter.limit).map((row) => row.code), total: Math.min(matches.length, MAP_COUNT_CAP), isTotalCapped: matches.length > MAP_COUNT_CAP };
}

describe('the public map by place and time', () => {
  it('gives the newest matches and their number, as a scan of every report does, for random viewports and filters', async () => {
    const random = seededRandom(7);
    let capped = 0;
    let deep = 0;
    for (let round = 0; round < 120; round += 1) {
      const centre = random() < 0.25 ? DENSE : PHU_XUAN;
      const half = 0.001 + random() * 0.02;
      const filter: PublicFilter = {
        bbox: random() < 0.9 ? { minLng: centre.lng - half, minLat: centre.lat - half * 0.75, maxLng: centre.lng + half, maxLat: centre.lat + half * 0.75 } : undefined,
        statuses: random() < 0.3 ? OPEN : random() < 0.2 ? ['resolved'] : undefined,
        categoryIds: random() < 0.25 ? [categoryIds[Math.floor(random() * categoryIds.length)] ?? ''] : undefined,
        areaCode: random() < 0.1 ? 'PHUXUAN' : undefined,
        since: random() < 0.15 ? new Date(NOW.getTime() - random() * 700 * DAY) : undefined,
        // Sometimes the API's largest limit, which reaches the count's cap (the count is then not run).
        limit: random() < 0.12 ? 1000 : 1 + Math.floor(random() * (random() < 0.5 ? 20 : 400)),
      };
      const want = expected(filter);
      const got = await listPublicMapReports(t.handle.db, filter, NOW);
      expect(got.rows.map((row) => row.code), JSON.stringify(filter)).toEqual(want.codes);
      expect({ total: got.total, isTotalCapped: got.isTotalCapped }, JSON.stringify(filter)).toEqual({ total: want.codes.length < filter.limit ? want.codes.length : want.total, isTotalCapped: want.isTotalCapped && want.codes.length === filter.limit });
      if (got.isTotalCapped) capped += 1;
      const oldest = got.rows.at(-1)?.created_at.getTime() ?? NOW.getTime();
      if (oldest < NOW.getTime() - 512 * DAY) deep += 1;
    }
    // The rounds reached past the last slice boundary and past the count's cap.
    expect(deep).toBeGreaterThan(5);
    expect(capped).toBeGreaterThan(3);
  });

  it('puts a report on a slice boundary in exactly one slice', async () => {
    const filter: PublicFilter = { bbox: { minLng: PHU_XUAN.lng - 0.02, minLat: PHU_XUAN.lat - 0.02, maxLng: PHU_XUAN.lng + 0.02, maxLat: PHU_XUAN.lat + 0.02 }, statuses: ['assigned'], limit: 1000 };
    const codes = (await listPublicMapReports(t.handle.db, filter, NOW)).rows.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const index of MAP_SLICE_DAYS.keys()) expect(codes).toContain(`PA-200101-${String(index + 1).padStart(4, '0')}`);
    expect(codes).toEqual(expected(filter).codes);
  });

  it('answers the map with what a marker and a card show, and the list with whole reports, in the same order', async () => {
    const bbox = `${PHU_XUAN.lng - 0.01},${PHU_XUAN.lat - 0.01},${PHU_XUAN.lng + 0.01},${PHU_XUAN.lat + 0.01}`;
    const map = await t.app.inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox}&limit=50` });
    expect(map.statusCode).toBe(200);
    const body = map.json() as { items: Record<string, unknown>[]; total: number; isTruncated: boolean; isTotalCapped: boolean };
    expect(body.items).toHaveLength(50);
    expect(body.isTruncated).toBe(true);
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(['area', 'category', 'code', 'createdAt', 'description', 'isOverdue', 'location', 'status']);
    const newest = body.items[0] as { description: string; area: { nameVi: string } };
    // The newest is the report filed through the API just now, whose description is longer than the excerpt.
    expect([...newest.description]).toHaveLength(MAP_EXCERPT_LENGTH);
    expect(newest.description.endsWith('…')).toBe(true);
    expect(LONG_DESCRIPTION.startsWith(newest.description.slice(0, -1))).toBe(true);
    expect(newest.area.nameVi).toBe('Phường Phú Xuân');
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/reports?bbox=${bbox}&limit=50` })).json() as typeof body;
    expect(list.items.map((item) => item.code)).toEqual(body.items.map((item) => item.code));
    expect(list.items[0]).toMatchObject({ description: LONG_DESCRIPTION, routing: expect.any(Object) });
    expect({ total: list.total, isTotalCapped: list.isTotalCapped }).toEqual({ total: body.total, isTotalCapped: body.isTotalCapped });
    const whole = await listPublicReports(t.handle.db, { bbox: { minLng: PHU_XUAN.lng - 0.01, minLat: PHU_XUAN.lat - 0.01, maxLng: PHU_XUAN.lng + 0.01, maxLat: PHU_XUAN.lat + 0.01 }, limit: 50 }, new Date());
    expect(whole.rows.map((row) => row.code)).toEqual(body.items.map((item) => item.code));
  });

  it('refuses a bad viewport, filter or limit with a 400 problem', async () => {
    for (const query of ['bbox=1,2,3', 'bbox=107.6,16.4,107.5,16.5', 'limit=0', 'limit=5000', 'status=lost', 'since=yesterday']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/reports/map?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type'], query).toMatch(/problem\+json/);
    }
  });
});
