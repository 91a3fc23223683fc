/**
 * Checks of ward/commune boundary files (RFC 7946 GeoJSON): a FeatureCollection of Polygon or
 * MultiPolygon features, each naming its agency code. Coordinates are [longitude, latitude].
 */
export interface AreaFeature {
  code: string;
  nameVi: string | null;
  nameEn: string | null;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  centre: { x: number; y: number };
}

export type ParseResult = { ok: true; features: AreaFeature[] } | { ok: false; reason: string };

type Ring = [number, number][];

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function isRing(value: unknown): value is Ring {
  if (!Array.isArray(value) || value.length < 4 || !value.every(isPosition)) return false;
  const first = value[0] as [number, number];
  const last = value[value.length - 1] as [number, number];
  return first[0] === last[0] && first[1] === last[1];
}

function outerRings(geometry: { type: string; coordinates: unknown }): Ring[] | null {
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates;
    return Array.isArray(rings) && rings.length > 0 && rings.every(isRing) ? [rings[0] as Ring] : null;
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) return null;
    const outers: Ring[] = [];
    for (const polygon of polygons) {
      if (!Array.isArray(polygon) || polygon.length === 0 || !polygon.every(isRing)) return null;
      outers.push(polygon[0] as Ring);
    }
    return outers;
  }
  return null;
}

/** The area-weighted centroid of the outer rings (shoelace formula), good enough for labels and map centres. */
export function centroidOf(rings: Ring[]): { x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i += 1) {
      const [x0, y0] = ring[i] as [number, number];
      const [x1, y1] = ring[i + 1] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (Math.abs(area) < 1e-15) {
    const first = rings[0]?.[0] ?? [0, 0];
    return { x: first[0], y: first[1] };
  }
  return { x: cx / (3 * area), y: cy / (3 * area) };
}

/** Parses an area FeatureCollection; the code comes from properties.code (or ma/MA, as Vietnamese files often name it). */
export function parseAreaCollection(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || (input as { type?: unknown }).type !== 'FeatureCollection') {
    return { ok: false, reason: 'expected a FeatureCollection' };
  }
  const features = (input as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0) return { ok: false, reason: 'the collection has no features' };
  const parsed: AreaFeature[] = [];
  for (const [index, feature] of features.entries()) {
    const properties = (feature?.properties ?? {}) as Record<string, unknown>;
    const code = properties.code ?? properties.ma ?? properties.MA;
    if (typeof code !== 'string' || code.trim() === '') return { ok: false, reason: `feature ${index} has no properties.code` };
    const geometry = feature?.geometry as { type: string; coordinates: unknown } | undefined;
    const rings = geometry ? outerRings(geometry) : null;
    if (!geometry || !rings) return { ok: false, reason: `feature ${index} (${code}) is not a valid Polygon or MultiPolygon` };
    parsed.push({
      code: code.trim(),
      nameVi: typeof properties.nameVi === 'string' ? properties.nameVi : typeof properties.name === 'string' ? properties.name : null,
      nameEn: typeof properties.nameEn === 'string' ? properties.nameEn : null,
      geometry: { type: geometry.type as 'Polygon' | 'MultiPolygon', coordinates: geometry.coordinates },
      centre: centroidOf(rings),
    });
  }
  return { ok: true, features: parsed };
}
