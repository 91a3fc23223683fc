/** GET /api/v1/areas: the wards and communes as GeoJSON (shared with the maps). */
export { AREAS_PATH, type AreaCollection, type AreaFeature, type AreaProperties } from '../../components/map/areas.ts';
