/**
 * Report photos: upload first (so a draft can hold them while offline), attach when the report is filed
 * (before) or answered (after); served publicly only as processed copies without metadata.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { processPhoto, redactPhoto, type RedactionBox } from './workflow/photo-processing.ts';

export const MAX_PHOTOS_PER_REPORT = 5;

/** Processes and stores an uploaded photo for later attachment; returns its id. */
export async function uploadPhoto(ctx: AppContext, audit: AuditContext, actor: Actor | null, body: Buffer, kind: 'before' | 'after') {
  const uploader = requireActor(actor);
  const processed = await processPhoto(body);
  if (!processed) throw new AppError('reports.invalid_photo', { fields: [{ field: 'body', message: 'not a JPEG, PNG or WebP image' }] });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('report_photos')
      .values({
        kind,
        uploaded_by: uploader.userId,
        content_type: processed.contentType,
        width: processed.width,
        height: processed.height,
        image: processed.image,
        thumbnail: processed.thumbnail,
        byte_size: processed.image.length,
      })
      .returning(['id', 'width', 'height', 'kind'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, audit, { action: 'report_photo.upload', targetType: 'report_photo', targetId: row.id, after: { kind, width: row.width, height: row.height } });
    return { photoId: row.id, kind, width: row.width, height: row.height };
  });
}

/** Attaches the uploader's unattached photos of a kind to a report, inside the caller's transaction. */
export async function attachPhotos(trx: Transaction<DB>, uploaderId: string, reportId: string, photoIds: string[], kind: 'before' | 'after'): Promise<void> {
  if (photoIds.length === 0) return;
  const unique = [...new Set(photoIds)];
  const already = await trx.selectFrom('report_photos').select('id').where('report_id', '=', reportId).where('kind', '=', kind).execute();
  if (already.length + unique.length > MAX_PHOTOS_PER_REPORT) throw new AppError('reports.too_many_photos', { params: { max: MAX_PHOTOS_PER_REPORT } });
  const rows = await trx.selectFrom('report_photos').select(['id', 'report_id', 'uploaded_by', 'kind']).where('id', 'in', unique).forUpdate().execute();
  for (const photoId of unique) {
    const row = rows.find((candidate) => candidate.id === photoId);
    if (!row || row.report_id !== null || row.uploaded_by !== uploaderId || row.kind !== kind) {
      throw new AppError('reports.photo_unusable', { params: { photoId }, fields: [{ field: 'photoIds', message: photoId }] });
    }
  }
  await trx.updateTable('report_photos').set({ report_id: reportId }).where('id', 'in', unique).execute();
}

/** Checks that photo ids are usable before a transaction starts (same rules as attachPhotos). */
export async function checkPhotosUsable(ctx: AppContext, uploaderId: string, photoIds: string[], kind: 'before' | 'after'): Promise<void> {
  const unique = [...new Set(photoIds)];
  if (unique.length > MAX_PHOTOS_PER_REPORT) throw new AppError('reports.too_many_photos', { params: { max: MAX_PHOTOS_PER_REPORT } });
  if (unique.length === 0) return;
  const rows = await ctx.db.selectFrom('report_photos').select(['id', 'report_id', 'uploaded_by', 'kind']).where('id', 'in', unique).execute();
  for (const photoId of unique) {
    const row = rows.find((candidate) => candidate.id === photoId);
    if (!row || row.report_id !== null || row.uploaded_by !== uploaderId || row.kind !== kind) {
      throw new AppError('reports.photo_unusable', { params: { photoId }, fields: [{ field: 'photoIds', message: photoId }] });
    }
  }
}

/** The photos of a report (ids and sizes) in upload order. */
export function listReportPhotos(ctx: AppContext, reportId: string) {
  return ctx.db
    .selectFrom('report_photos')
    .select(['id', 'kind', 'width', 'height', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
}

/** One photo's bytes (image or thumbnail) when its report is public. */
export async function getPublicPhoto(ctx: AppContext, reportCode: string, photoId: string, size: 'full' | 'thumb') {
  const row = await ctx.db
    .selectFrom('report_photos as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['p.content_type', 'p.image', 'p.thumbnail', 'r.is_public', 'r.status'])
    .where('p.id', '=', photoId)
    .where('r.code', '=', reportCode)
    .executeTakeFirst();
  if (!row || !row.is_public || row.status === 'rejected') throw new AppError('reports.photo_not_found');
  return { contentType: row.content_type, bytes: Buffer.from(size === 'thumb' ? row.thumbnail : row.image) };
}

/** Staff of the handling unit or the IOC paint over personal details in a photo; the original is not kept. */
export async function redactReportPhoto(
  ctx: AppContext,
  audit: AuditContext,
  actor: Actor | null,
  reportCode: string,
  photoId: string,
  boxes: RedactionBox[],
  canRedact: (report: { unitId: string | null }) => Promise<boolean>,
) {
  requireActor(actor);
  const photo = await ctx.db
    .selectFrom('report_photos as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['p.id', 'p.image', 'r.unit_id', 'r.id as report_id'])
    .where('p.id', '=', photoId)
    .where('r.code', '=', reportCode)
    .executeTakeFirst();
  if (!photo) throw new AppError('reports.photo_not_found');
  if (!(await canRedact({ unitId: photo.unit_id }))) throw new AppError('auth.forbidden');
  const redacted = await redactPhoto(Buffer.from(photo.image), boxes);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report_photos')
      .set({ image: redacted.image, thumbnail: redacted.thumbnail, byte_size: redacted.image.length, is_redacted: true })
      .where('id', '=', photo.id)
      .execute();
    await recordAudit(trx, audit, { action: 'report_photo.redact', targetType: 'report_photo', targetId: photo.id, details: { reportCode, boxes: boxes.length } });
  });
}
