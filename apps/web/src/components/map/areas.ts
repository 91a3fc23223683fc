import { api } from '../../app/api.ts';

/** GET /api/v1/areas: the wards and communes as a GeoJSON FeatureCollection. */
export const AREAS_PATH = '/areas';

export type LatLng = { lat: number; lng: number };

type Ring = [number, number][];
export type AreaGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
export type AreaProperties = {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  /** [longitude, latitude] */
  centre?: [number, number];
  /** True while the boundary is generated demo data rather than a survey. */
  isDemoBoundary?: boolean;
};
export type AreaFeature = { type: 'Feature'; properties: AreaProperties; geometry: AreaGeometry | null };
export type AreaCollection = { type: 'FeatureCollection'; features: AreaFeature[] };

let areasRequest: Promise<AreaCollection> | undefined;

/**
 * The wards, asked once per page load and shared by every map: they change only when an admin imports new
 * boundaries. A failed request is forgotten so the next map asks again.
 */
export function loadAreas(): Promise<AreaCollection> {
  areasRequest ??= api.get<AreaCollection>(AREAS_PATH).catch((error: unknown) => {
    areasRequest = undefined;
    throw error;
  });
  return areasRequest;
}

/** Forgets the shared answer (tests start each case afresh). */
export function forgetLoadedAreas(): void {
  areasRequest = undefined;
}

function polygonsOf(geometry: AreaGeometry | null): Ring[][] {
  if (geometry === null) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

// Ray casting on [lng, lat] rings; at city scale the plane approximation is exact enough.
function isInRing(point: LatLng, ring: Ring): boolean {
  let isInside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const [x1, y1] = ring[index] as [number, number];
    const [x2, y2] = ring[previous] as [number, number];
    const crosses = y1 > point.lat !== y2 > point.lat && point.lng < ((x2 - x1) * (point.lat - y1)) / (y2 - y1) + x1;
    if (crosses) isInside = !isInside;
  }
  return isInside;
}

/** The area containing the point (holes respected), or undefined outside every area. */
export function findAreaAt(areas: AreaCollection, point: LatLng): AreaFeature | undefined {
  return areas.features.find((feature) =>
    polygonsOf(feature.geometry).some(([outer, ...holes]) => outer !== undefined && isInRing(point, outer) && !holes.some((hole) => isInRing(point, hole))),
  );
}

/** [[minLat, minLng], [maxLat, maxLng]] around the given features, or undefined when they have no geometry. */
export function boundsOfAreas(features: readonly AreaFeature[]): [[number, number], [number, number]] | undefined {
  let minLat = Infinity;
  let minLng = Infinity;
  let maxLat = -Infinity;
  let maxLng = -Infinity;
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const [lng, lat] of polygon[0] ?? []) {
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
        minLng = Math.min(minLng, lng);
        maxLng = Math.max(maxLng, lng);
      }
    }
  }
  return Number.isFinite(minLat) ? [[minLat, minLng], [maxLat, maxLng]] : undefined;
}
