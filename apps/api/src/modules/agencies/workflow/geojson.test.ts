import { describe, expect, it } from 'vitest';
import { centroidOf, parseAreaCollection } from './geojson.ts';
import { canSitUnder } from './agency-tree.ts';

const square = [[[107, 16], [107.1, 16], [107.1, 16.1], [107, 16.1], [107, 16]]];

describe('parseAreaCollection', () => {
  it('reads codes, names and centroids', () => {
    const result = parseAreaCollection({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'PHUXUAN', name: 'Phường Phú Xuân' }, geometry: { type: 'Polygon', coordinates: square } }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.features[0]?.code).toBe('PHUXUAN');
    expect(result.features[0]?.nameVi).toBe('Phường Phú Xuân');
    expect(result.features[0]?.centre.x).toBeCloseTo(107.05, 6);
    expect(result.features[0]?.centre.y).toBeCloseTo(16.05, 6);
  });
  it('names the problem in a bad file', () => {
    expect(parseAreaCollection({ type: 'Feature' })).toEqual({ ok: false, reason: 'expected a FeatureCollection' });
    const noCode = parseAreaCollection({ type: 'FeatureCollection', features: [{ properties: {}, geometry: { type: 'Polygon', coordinates: square } }] });
    expect(noCode.ok ? '' : noCode.reason).toMatch(/no properties.code/);
    const openRing = parseAreaCollection({
      type: 'FeatureCollection',
      features: [{ properties: { code: 'X' }, geometry: { type: 'Polygon', coordinates: [[[107, 16], [107.1, 16], [107.1, 16.1], [107, 16.2]]] } }],
    });
    expect(openRing.ok ? '' : openRing.reason).toMatch(/X/);
    const point = parseAreaCollection({ type: 'FeatureCollection', features: [{ properties: { code: 'X' }, geometry: { type: 'Point', coordinates: [107, 16] } }] });
    expect(point.ok).toBe(false);
  });
  it('computes the centroid of a triangle', () => {
    const c = centroidOf([[[0, 0], [3, 0], [0, 3], [0, 0]]]);
    expect(c.x).toBeCloseTo(1, 9);
    expect(c.y).toBeCloseTo(1, 9);
  });
});

describe('canSitUnder', () => {
  it('follows the administrative tree', () => {
    expect(canSitUnder('ward', 'city')).toBe(true);
    expect(canSitUnder('ward', 'department')).toBe(false);
    expect(canSitUnder('unit', 'ward')).toBe(true);
    expect(canSitUnder('department', 'department')).toBe(false);
    expect(canSitUnder('city', 'city')).toBe(false);
  });
});
