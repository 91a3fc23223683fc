import type { Agency, AgencyKind } from '@onecity/contracts';
import type { AgencyRow, AreaRow } from './agencies.repository.ts';

/** An agency as the API shows it. */
export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    kind: row.kind as AgencyKind,
    parentId: row.parent_id,
    path: row.path,
    isActive: row.is_active,
  };
}

/** The areas as a GeoJSON FeatureCollection (RFC 7946: coordinates are [longitude, latitude]). */
export function presentAreas(rows: AreaRow[]) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: row.code,
      properties: {
        code: row.code,
        nameVi: row.name_vi,
        nameEn: row.name_en,
        kind: row.kind,
        centre: [row.centre.x, row.centre.y],
        isDemoBoundary: row.is_demo_boundary,
      },
      geometry: row.boundary,
    })),
  };
}

/** The audited view of an agency row. */
export function auditableAgency(row: AgencyRow): Record<string, unknown> {
  return { code: row.code, nameVi: row.name_vi, nameEn: row.name_en, kind: row.kind, parentId: row.parent_id, path: row.path, isActive: row.is_active };
}
