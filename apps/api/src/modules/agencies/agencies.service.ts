/**
 * Agency use cases: the tree of the city's administration and the boundaries of its wards and communes.
 */
import type { AgencyKind, CreateAgencyRequest, UpdateAgencyRequest } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import * as repository from './agencies.repository.ts';
import { auditableAgency } from './agencies.presenter.ts';
import { invalidateAgencyDirectory, invalidateAreaIndex } from './areas-index.ts';
import { canSitUnder, childPath } from './workflow/agency-tree.ts';
import { parseAreaCollection } from './workflow/geojson.ts';

/** Returns the agency with this code or throws agencies.not_found. */
export async function getAgencyByCode(ctx: AppContext, code: string): Promise<repository.AgencyRow> {
  const agency = await repository.findAgencyByCode(ctx.db, code);
  if (!agency) throw new AppError('agencies.not_found', { params: { code } });
  return agency;
}

/** Creates an agency under a parent inside the actor's admin subtree. */
export async function createAgency(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: CreateAgencyRequest) {
  requireActor(actor);
  const parent = await getAgencyByCode(ctx, input.parentCode);
  if (!hasRole(actor, ['admin'], parent.path)) throw new AppError('agencies.outside_scope', { params: { code: parent.code } });
  if (!canSitUnder(input.kind, parent.kind as AgencyKind)) {
    throw new AppError('agencies.invalid_parent', { params: { kind: input.kind, parentKind: parent.kind } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (await repository.findAgencyByCode(trx, input.code)) throw new AppError('agencies.code_taken', { params: { code: input.code } });
    const created = await repository.insertAgency(trx, {
      code: input.code,
      nameVi: input.nameVi.normalize('NFC'),
      nameEn: input.nameEn,
      kind: input.kind,
      parentId: parent.id,
      path: childPath(parent.path, input.code),
    });
    await recordAudit(trx, audit, { action: 'agency.create', targetType: 'agency', targetId: created.id, after: auditableAgency(created) });
    return created;
  }).finally(() => invalidateAgencyDirectory(ctx));
}

/** Renames, activates or deactivates an agency inside the actor's admin subtree. */
export async function updateAgency(ctx: AppContext, audit: AuditContext, actor: Actor | null, code: string, input: UpdateAgencyRequest) {
  requireActor(actor);
  const agency = await getAgencyByCode(ctx, code);
  if (!hasRole(actor, ['admin'], agency.path)) throw new AppError('agencies.outside_scope', { params: { code } });
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('agencies')
      .set({
        ...(input.nameVi !== undefined ? { name_vi: input.nameVi.normalize('NFC') } : {}),
        ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
        ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', agency.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, audit, {
      action: 'agency.update',
      targetType: 'agency',
      targetId: agency.id,
      before: auditableAgency(agency),
      after: auditableAgency(updated),
    });
    return updated;
  }).finally(() => invalidateAgencyDirectory(ctx));
}

/**
 * Imports ward/commune boundaries from a GeoJSON FeatureCollection; each feature's code must name a
 * ward or commune agency. All or nothing: one bad feature rejects the file and nothing is written.
 */
export async function importAreas(
  ctx: AppContext,
  audit: AuditContext,
  collection: unknown,
  options: { isDemoBoundary?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ imported: number }> {
  const parsed = parseAreaCollection(collection);
  if (!parsed.ok) throw new AppError('areas.invalid_geojson', { params: { reason: parsed.reason } });
  return ctx.db.transaction().execute(async (trx) => {
    let done = 0;
    for (const feature of parsed.features) {
      const agency = await repository.findAgencyByCode(trx, feature.code);
      if (!agency || (agency.kind !== 'ward' && agency.kind !== 'commune')) {
        throw new AppError('areas.invalid_geojson', { params: { reason: `no ward or commune has the code ${feature.code}` } });
      }
      const before = await repository.findAreaByCode(trx, feature.code);
      const values = {
        agency_id: agency.id,
        code: agency.code,
        name_vi: feature.nameVi ?? agency.name_vi,
        name_en: feature.nameEn ?? agency.name_en,
        kind: agency.kind,
        centre: `(${feature.centre.x},${feature.centre.y})`,
        boundary: JSON.stringify(feature.geometry),
        is_demo_boundary: options.isDemoBoundary ?? false,
        updated_at: new Date(),
      };
      const saved = await trx
        .insertInto('areas')
        .values(values)
        .onConflict((oc) => oc.column('code').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: before ? 'area.update' : 'area.create',
        targetType: 'area',
        targetId: saved.id,
        before: before ? { centre: before.centre, isDemoBoundary: before.is_demo_boundary } : null,
        after: { centre: saved.centre, isDemoBoundary: saved.is_demo_boundary },
        details: { code: saved.code },
      });
      done += 1;
      options.onProgress?.(done, parsed.features.length);
    }
    return { imported: done };
  }).finally(() => invalidateAreaIndex(ctx));
}
