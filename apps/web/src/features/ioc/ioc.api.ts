/** GET /api/v1/areas: the wards and communes as GeoJSON (polygons used later by the map). */
export const AREAS_PATH = '/areas';

export type AreaProperties = { code: string; nameVi: string; nameEn: string; kind: string };
export type AreaFeature = { type: 'Feature'; properties: AreaProperties; geometry: unknown };
export type AreaCollection = { type: 'FeatureCollection'; features: AreaFeature[] };
