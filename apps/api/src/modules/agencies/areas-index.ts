/**
 * Which ward or commune a point lies in: the boundaries (small: tens of polygons) are held in memory per
 * application and searched with a bounding-box prefilter and an exact point-in-polygon test.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { listAreas } from './agencies.repository.ts';

export interface AreaHit {
  code: string;
  agencyId: string;
  nameVi: string;
  nameEn: string;
}

interface IndexedArea extends AreaHit {
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

const REFRESH_MS = 60_000;
const indexes = new WeakMap<AppContext, { areas: IndexedArea[]; loadedAt: number }>();

function boundsOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

async function loadIndex(ctx: AppContext): Promise<IndexedArea[]> {
  const cached = indexes.get(ctx);
  if (cached && Date.now() - cached.loadedAt < REFRESH_MS) return cached.areas;
  const rows = await listAreas(ctx.db);
  const areas = rows.map((row) => {
    const geometry = row.boundary as unknown as Polygon | MultiPolygon;
    return { code: row.code, agencyId: row.agency_id, nameVi: row.name_vi, nameEn: row.name_en, geometry, bbox: boundsOf(geometry) };
  });
  indexes.set(ctx, { areas, loadedAt: Date.now() });
  return areas;
}

/** Forgets the cached boundaries (after an import). */
export function invalidateAreaIndex(ctx: AppContext): void {
  indexes.delete(ctx);
}

/** The ward or commune containing the point, or null when it is outside the city. */
export async function findAreaAt(ctx: AppContext, longitude: number, latitude: number): Promise<AreaHit | null> {
  for (const area of await loadIndex(ctx)) {
    const [minX, minY, maxX, maxY] = area.bbox;
    if (longitude < minX || longitude > maxX || latitude < minY || latitude > maxY) continue;
    if (booleanPointInPolygon([longitude, latitude], area.geometry)) {
      return { code: area.code, agencyId: area.agencyId, nameVi: area.nameVi, nameEn: area.nameEn };
    }
  }
  return null;
}

export interface AgencyName {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  path: string;
}

const nameCaches = new WeakMap<AppContext, { byId: Map<string, AgencyName>; byCode: Map<string, AgencyName>; loadedAt: number }>();

/** Names of all agencies and areas by id and by code, cached per application (they change rarely). */
export async function getAgencyDirectory(ctx: AppContext): Promise<{ byId: Map<string, AgencyName>; byCode: Map<string, AgencyName> }> {
  const cached = nameCaches.get(ctx);
  if (cached && Date.now() - cached.loadedAt < REFRESH_MS) return cached;
  const rows = await ctx.db.selectFrom('agencies').select(['id', 'code', 'name_vi', 'name_en', 'path']).execute();
  const entries = rows.map((row) => ({ id: row.id, code: row.code, nameVi: row.name_vi, nameEn: row.name_en, path: row.path }));
  const directory = { byId: new Map(entries.map((e) => [e.id, e])), byCode: new Map(entries.map((e) => [e.code, e])), loadedAt: Date.now() };
  nameCaches.set(ctx, directory);
  return directory;
}

/** Forgets cached agency names (after a change to the tree). */
export function invalidateAgencyDirectory(ctx: AppContext): void {
  nameCaches.delete(ctx);
}

/** Ids of an agency and of every agency below it. */
export function agencyIdsUnder(directory: { byId: Map<string, AgencyName> }, path: string): string[] {
  return [...directory.byId.values()].filter((entry) => entry.path === path || entry.path.startsWith(`${path}.`)).map((entry) => entry.id);
}

/**
 * The agency a statistics request is about, with the ids of its subtree, after checking the period and that the
 * caller works there (staff, IOC operators, auditors, admins over it); figures about an agency are not public.
 */
export async function getStatisticsScope(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string) {
  const caller = requireActor(actor);
  if (from > to) throw new AppError('http.validation_failed', { fields: [{ field: 'query.from', message: 'must not be after to' }] });
  const directory = await getAgencyDirectory(ctx);
  const agency = directory.byCode.get(agencyCode);
  if (!agency) throw new AppError('http.validation_failed', { fields: [{ field: 'query.agencyCode', message: 'unknown agency' }] });
  if (!hasRole(caller, ['officer', 'unit_lead', 'desk_officer', 'ioc_operator', 'auditor', 'admin'], agency.path)) throw new AppError('auth.forbidden');
  return { agency, agencyIds: agencyIdsUnder(directory, agency.path) };
}
