import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let citizen: string;
let admin: string;
// Phú Xuân ward centre (the Citadel) and a point in the sea, outside every ward.
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };
const SEA = { lat: 16.9, lng: 108.3 };

beforeAll(async () => {
  t = await createTestApp();
  citizen = await loginToken(t.app, 'citizen@demo.onecity.local');
  admin = await loginToken(t.app, 'admin@demo.onecity.local');
});
afterAll(async () => t?.dispose());

const submit = (payload: object, token = citizen, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${token}`, ...headers }, payload });

describe('categories', () => {
  it('lists the demo categories with their questions', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/reports/categories' });
    expect(response.statusCode).toBe(200);
    const light = response.json().items.find((c: { code: string }) => c.code === 'STREET_LIGHT');
    expect(light).toMatchObject({ nameVi: 'Chiếu sáng công cộng', slaWorkingDays: 5, questions: [{ code: 'light_state', datatype: 'choice', isRequired: true }, { code: 'pole_number' }] });
  });

  it('lets admins create and replace categories, audited; others may not', async () => {
    const body = { code: 'NOISE', nameVi: 'Tiếng ồn', nameEn: 'Noise', groupVi: 'Môi trường', groupEn: 'Environment', slaWorkingDays: 4 };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports/categories', headers: { authorization: `Bearer ${citizen}` }, payload: body })).statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/reports/categories', headers: { authorization: `Bearer ${admin}` }, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'NOISE', slaWorkingDays: 4, urgentSlaHours: 24, isPublic: true });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/reports/categories', headers: { authorization: `Bearer ${admin}` }, payload: body });
    expect(again.statusCode).toBe(409);
    const replaced = await t.app.inject({ method: 'PUT', url: '/api/v1/reports/categories/NOISE', headers: { authorization: `Bearer ${admin}` }, payload: { ...body, slaWorkingDays: 2 } });
    expect(replaced.json().slaWorkingDays).toBe(2);
    const badChoice = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/categories/NOISE',
      headers: { authorization: `Bearer ${admin}` },
      payload: { ...body, questions: [{ code: 'kind', labelVi: 'Loại', labelEn: 'Kind', datatype: 'choice', isRequired: true }] },
    });
    expect(badChoice.statusCode).toBe(400);
  });
});

describe('submitting a report', () => {
  it('routes by ward and category, explains why, and sets a working-day deadline', async () => {
    const response = await submit({
      categoryCode: 'ENCROACHMENT',
      description: 'Quán nước lấn chiếm hết vỉa hè trước cửa Ngọ Môn, người đi bộ phải xuống lòng đường.',
      location: PHU_XUAN,
      address: '23 Tháng 8, Phú Xuân',
    });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(report.code).toMatch(/^PA-\d{6}-\d{4}$/);
    expect(report).toMatchObject({ status: 'assigned', area: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân' }, unit: { code: 'PHUXUAN_KT' } });
    expect(report.routing.explanationVi).toMatch(/^Phường Phú Xuân · Lấn chiếm lòng đường, vỉa hè → Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân, quy tắc riêng của địa bàn #\d+$/);
    expect(report.dueAt).toMatch(/T17:00:00\.000Z$|T10:00:00\.000Z$/);
    expect(JSON.stringify(report)).not.toMatch(/citizen@demo|Nguyễn Thị Hoa|reporter/);

    const page = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${report.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'route']);
    expect(page.body).not.toMatch(/citizen@demo|Nguyễn Thị Hoa|reporter_id|actor_id/);
  });

  it('computes the deadline with the calendar: the N-th working day after receipt', async () => {
    const response = await submit({ categoryCode: 'GARBAGE', description: 'Rác tồn đọng ba ngày chưa được thu gom ở đầu kiệt.', location: PHU_XUAN });
    const report = response.json();
    const expected = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?from=${encodeURIComponent(report.createdAt)}&workingDays=3` });
    expect(report.receivedOn).toBe(expected.json().receivedOn);
    expect(new Date(report.dueAt).toISOString()).toBe(new Date(expected.json().dueAt).toISOString());
  });

  it('sends a category without a rule to IOC triage', async () => {
    const response = await submit({ categoryCode: 'OTHER', description: 'Biển báo giao thông bị che khuất bởi bảng quảng cáo.', location: PHU_XUAN });
    expect(response.json()).toMatchObject({ status: 'submitted', unit: null, routing: { ruleNo: null } });
    expect(response.json().routing.explanationEn).toMatch(/no routing rule: sent to the operations centre/);
  });

  it('gives urgent reports the category SLA in hours', async () => {
    const before = Date.now();
    const response = await submit({ categoryCode: 'FLOODING', description: 'Nước ngập sâu, xe máy chết máy hàng loạt.', location: PHU_XUAN, isUrgent: true, answers: { water_depth_cm: 40 } });
    const dueAt = new Date(response.json().dueAt).getTime();
    expect(dueAt - before).toBeGreaterThanOrEqual(4 * 3600_000 - 5000);
    expect(dueAt - before).toBeLessThanOrEqual(4 * 3600_000 + 5000);
  });

  it('stores HTML as text, shown as given', async () => {
    const response = await submit({ categoryCode: 'OTHER', description: '<script>alert("x")</script> đèn hỏng', location: PHU_XUAN });
    expect(response.statusCode).toBe(201);
    expect(response.json().description).toBe('<script>alert("x")</script> đèn hỏng');
  });

  const refusals: [string, object, number, string][] = [
    ['outside the city', { categoryCode: 'GARBAGE', description: 'Rác trôi dạt ngoài biển khơi xa.', location: SEA }, 400, 'reports.outside_city'],
    ['coordinates that are not numbers', { categoryCode: 'GARBAGE', description: 'Rác ở đây nhiều lắm.', location: { lat: 'north', lng: 107.5 } }, 400, 'http.validation_failed'],
    ['no category', { description: 'Rác ở đây nhiều lắm.', location: PHU_XUAN }, 400, 'http.validation_failed'],
    ['an unknown category', { categoryCode: 'UFO', description: 'Vật thể lạ bay qua.', location: PHU_XUAN }, 404, 'reports.category_not_found'],
    ['a missing required answer', { categoryCode: 'STREET_LIGHT', description: 'Đèn đường không sáng cả tuần nay.', location: PHU_XUAN }, 400, 'reports.invalid_answer'],
    ['an answer outside the options', { categoryCode: 'STREET_LIGHT', description: 'Đèn đường không sáng cả tuần nay.', location: PHU_XUAN, answers: { light_state: 'purple' } }, 400, 'reports.invalid_answer'],
    ['a non-numeric number answer', { categoryCode: 'FLOODING', description: 'Nước ngập sâu quá rồi.', location: PHU_XUAN, answers: { water_depth_cm: 'deep' } }, 400, 'reports.invalid_answer'],
    ['an unknown question', { categoryCode: 'GARBAGE', description: 'Rác ở đây nhiều lắm.', location: PHU_XUAN, answers: { colour: 'red' } }, 400, 'reports.invalid_answer'],
    ['a too short description', { categoryCode: 'GARBAGE', description: 'Rác', location: PHU_XUAN }, 400, 'http.validation_failed'],
  ];
  for (const [name, payload, status, code] of refusals) {
    it(`refuses ${name}, storing nothing`, async () => {
      const [reports, audit] = [await countRows(t, 'reports'), await countRows(t, 'audit_log')];
      const response = await submit(payload, citizen, { 'accept-language': 'en' });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      expect(await countRows(t, 'reports')).toBe(reports);
      expect(await countRows(t, 'audit_log')).toBe(audit);
    });
  }

  it('needs a logged-in user', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { categoryCode: 'GARBAGE', description: 'Rác ở đây nhiều lắm.', location: PHU_XUAN } });
    expect(response.statusCode).toBe(401);
  });
});

describe('public views', () => {
  it('lists public reports in a viewport and hides non-public categories', async () => {
    await submit({ categoryCode: 'FOOD_SAFETY', description: 'Quán ăn dùng dầu chiên đi chiên lại nhiều lần.', location: PHU_XUAN });
    const inView = await t.app.inject({ method: 'GET', url: '/api/v1/reports?bbox=107.57,16.46,107.59,16.48' });
    expect(inView.statusCode).toBe(200);
    const items = inView.json().items as { category: { code: string }; location: { lat: number; lng: number } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.category.code !== 'FOOD_SAFETY')).toBe(true);
    expect(items.every((r) => r.location.lng >= 107.57 && r.location.lng <= 107.59)).toBe(true);
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/v1/reports?bbox=107.0,16.0,107.1,16.1' });
    expect(elsewhere.json().items).toEqual([]);
    const filtered = await t.app.inject({ method: 'GET', url: '/api/v1/reports?category=GARBAGE&status=assigned' });
    expect(filtered.json().items.every((r: { category: { code: string }; status: string }) => r.category.code === 'GARBAGE' && r.status === 'assigned')).toBe(true);
    for (const bbox of ['1,2,3', '107.6,16.4,107.5,16.5', 'a,b,c,d', '0,0,90,45']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports?bbox=${bbox}` })).statusCode, bbox).toBe(400);
    }
  });

  it('gives the newest reports first, at most the limit, with the number of all matches', async () => {
    await submit({ categoryCode: 'GARBAGE', description: 'Rác chất đống ở góc chợ, bốc mùi.', location: PHU_XUAN });
    await submit({ categoryCode: 'GARBAGE', description: 'Thùng rác công cộng bị vỡ nắp.', location: PHU_XUAN });
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/reports?bbox=107.57,16.46,107.59,16.48&limit=1000' })).json() as { items: { code: string; createdAt: string }[]; total: number; isTruncated: boolean };
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.total).toBe(all.items.length);
    expect(all.isTruncated).toBe(false);
    const times = all.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const firstTwo = (await t.app.inject({ method: 'GET', url: '/api/v1/reports?bbox=107.57,16.46,107.59,16.48&limit=2' })).json() as typeof all;
    expect(firstTwo.items.map((item) => item.code)).toEqual(all.items.slice(0, 2).map((item) => item.code));
    expect(firstTwo.total).toBe(all.total);
    expect(firstTwo.isTruncated).toBe(all.total > 2);
    const none = (await t.app.inject({ method: 'GET', url: '/api/v1/reports?bbox=107.0,16.0,107.1,16.1&limit=2' })).json() as typeof all;
    expect(none).toEqual({ items: [], total: 0, isTruncated: false, isTotalCapped: false });
  });

  it('offers open reports of the same category within 50 m', async () => {
    const near = await t.app.inject({ method: 'GET', url: `/api/v1/reports/nearby?category=ENCROACHMENT&lat=${PHU_XUAN.lat + 0.0003}&lng=${PHU_XUAN.lng}` });
    expect(near.statusCode).toBe(200);
    expect(near.json().items).toHaveLength(1);
    expect(near.json().items[0].distanceMetres).toBeGreaterThan(30);
    expect(near.json().items[0].distanceMetres).toBeLessThan(40);
    const far = await t.app.inject({ method: 'GET', url: `/api/v1/reports/nearby?category=ENCROACHMENT&lat=${PHU_XUAN.lat + 0.0006}&lng=${PHU_XUAN.lng}` });
    expect(far.json().items).toEqual([]);
    const follow = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${near.json().items[0].code}/follow`, headers: { authorization: `Bearer ${admin}` } });
    expect(follow.statusCode).toBe(204);
  });

  it("shows a citizen their own reports only", async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/reports/mine', headers: { authorization: `Bearer ${citizen}` } });
    expect(mine.json().items.length).toBeGreaterThanOrEqual(5);
    const adminsOwn = await t.app.inject({ method: 'GET', url: '/api/v1/reports/mine', headers: { authorization: `Bearer ${admin}` } });
    expect(adminsOwn.json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/PA-000000-0000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/not-a-code' })).statusCode).toBe(400);
  });
});
