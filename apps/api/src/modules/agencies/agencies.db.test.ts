import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { importAreas } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.dispose());

describe('agency tree of the demo city', () => {
  it('has the city root, its departments and the 40 wards and communes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/agencies' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; kind: string; nameVi: string; path: string }[];
    expect(items.filter((a) => a.kind === 'city').map((a) => a.code)).toEqual(['HUE']);
    expect(items.filter((a) => a.kind === 'ward')).toHaveLength(21);
    expect(items.filter((a) => a.kind === 'commune')).toHaveLength(19);
    expect(items.filter((a) => a.kind === 'department').length).toBeGreaterThanOrEqual(12);
    expect(items.filter((a) => a.kind === 'unit' || a.kind === 'service_unit').length).toBeGreaterThanOrEqual(30);
    expect(items.find((a) => a.code === 'PHUXUAN')?.nameVi).toBe('Phường Phú Xuân');
    expect(items.find((a) => a.code === 'CHANMAYLANGCO')?.nameVi).toBe('Xã Chân Mây - Lăng Cô');
    expect(items.find((a) => a.code === 'SXD_HTKT')?.path).toBe('HUE.SXD.SXD_HTKT');
    const under = await t.app.inject({ method: 'GET', url: '/api/v1/agencies?under=SXD' });
    expect(under.json().items.every((a: { path: string }) => a.path.startsWith('HUE.SXD'))).toBe(true);
  });

  it('serves ward boundaries as GeoJSON labelled as demo data', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/areas' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/geo\+json/);
    const collection = response.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(40);
    const phuXuan = collection.features.find((f: { id: string }) => f.id === 'PHUXUAN');
    expect(phuXuan.properties.isDemoBoundary).toBe(true);
    expect(phuXuan.geometry.type).toBe('Polygon');
    const [lon, lat] = phuXuan.properties.centre;
    expect(lon).toBeGreaterThan(107.5);
    expect(lat).toBeGreaterThan(16.4);
  });

  it('is seeded idempotently', async () => {
    const { seedDemoCity } = await import('../../seed/demo-city.ts');
    const before = await countRows(t, 'agencies');
    const created = await seedDemoCity(t.app.ctx);
    expect(created).toEqual({ agencies: 0, areas: 0, accounts: 0, reportCategories: 0, routingRules: 0, procedures: 0, dossiers: 0, payments: 0 });
    expect(await countRows(t, 'agencies')).toBe(before);
  });
});

describe('managing agencies', () => {
  it('lets an admin add a unit and refuses wrong parents, duplicates and outsiders', async () => {
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const auth = { authorization: `Bearer ${admin}` };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: auth,
      payload: { code: 'SXD_NHA', nameVi: 'Phòng Quản lý nhà', nameEn: 'Housing Division', kind: 'unit', parentCode: 'SXD' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().path).toBe('HUE.SXD.SXD_NHA');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: auth,
      payload: { code: 'SXD_NHA', nameVi: 'Trùng', nameEn: 'Duplicate', kind: 'unit', parentCode: 'SXD' },
    });
    expect(duplicate.statusCode).toBe(409);
    const wrongParent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: auth,
      payload: { code: 'NEWWARD', nameVi: 'Phường Mới', nameEn: 'New Ward', kind: 'ward', parentCode: 'SXD' },
    });
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().code).toBe('agencies.invalid_parent');
    const officer = await loginToken(t.app, 'dept.officer@demo.onecity.local');
    const outsider = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/agencies/SXD_NHA',
      headers: { authorization: `Bearer ${officer}` },
      payload: { nameEn: 'Renamed' },
    });
    expect(outsider.statusCode).toBe(403);
    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/agencies/SXD_NHA', headers: auth, payload: { nameEn: 'Housing Management Division' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().nameEn).toBe('Housing Management Division');
  });

  it('imports boundaries all-or-nothing', async () => {
    const audit = { actorId: null, actorRole: 'system', ip: null, requestId: 'test' };
    const square = [[[107.58, 16.47], [107.59, 16.47], [107.59, 16.48], [107.58, 16.48], [107.58, 16.47]]];
    const rowsBefore = await countRows(t, 'audit_log');
    await expect(
      importAreas(t.app.ctx, audit, {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'PHUXUAN' }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { code: 'NOWHERE' }, geometry: { type: 'Polygon', coordinates: square } },
        ],
      }),
    ).rejects.toMatchObject({ code: 'areas.invalid_geojson' });
    expect(await countRows(t, 'audit_log')).toBe(rowsBefore);
    const ok = await importAreas(t.app.ctx, audit, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'PHUXUAN' }, geometry: { type: 'Polygon', coordinates: square } }],
    });
    expect(ok.imported).toBe(1);
    const area = await t.handle.db.selectFrom('areas').selectAll().where('code', '=', 'PHUXUAN').executeTakeFirstOrThrow();
    expect(area.is_demo_boundary).toBe(false);
    expect(area.centre.x).toBeCloseTo(107.585, 6);
  });
});
