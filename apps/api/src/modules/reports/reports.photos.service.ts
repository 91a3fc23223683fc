/**
 * Report photos: upload first (so a draft can hold them while offline), attach when the report is filed
 * (before) or answered (after); served only as processed copies without metadata. A citizen's photo is public
 * only after staff review it (it may show faces or number plates, or be abusive): until then its reporter and the
 * staff who see the report see it, marked pending. The officials' after-photos are the city's own answer and are
 * published when attached.
 */
import type { PhotoReviewDecision, ViewerReportPhoto } from '@onecity/contracts';
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { canSeeUnpublishedPhotos, canViewQueue, photoReviewerKind } from './reports.policy.ts';
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
        // Every upload starts pending; attaching an after-photo to an answer publishes it.
        review_status: 'pending',
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
  // A citizen's photo waits for review; an official's after-photo is the city's answer and public at once.
  const review = kind === 'after' ? { review_status: 'published' as const, reviewed_by: uploaderId, reviewed_at: new Date() } : {};
  await trx.updateTable('report_photos').set({ report_id: reportId, ...review }).where('id', 'in', unique).execute();
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

/** The photos of a report (ids and sizes) in upload order; only the published ones when asked. */
export function listReportPhotos(ctx: AppContext, reportId: string, options: { onlyPublished: boolean }) {
  let query = ctx.db.selectFrom('report_photos').select(['id', 'kind', 'width', 'height', 'created_at']).where('report_id', '=', reportId);
  if (options.onlyPublished) query = query.where('review_status', '=', 'published');
  return query.orderBy('created_at').execute();
}

/** The address of a report photo (the thumbnail with `?size=thumb`). */
export const photoPath = (reportCode: string, photoId: string) => `/api/v1/reports/${reportCode}/photos/${photoId}`;

async function findPhotoWithReport(ctx: AppContext, reportCode: string, photoId: string) {
  return ctx.db
    .selectFrom('report_photos as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['p.content_type', 'p.image', 'p.thumbnail', 'p.review_status', 'r.is_public', 'r.status', 'r.reporter_id', 'r.unit_id'])
    .where('p.id', '=', photoId)
    .where('r.code', '=', reportCode)
    .executeTakeFirst();
}

async function unitPathOf(ctx: AppContext, unitId: string | null): Promise<string | null> {
  return unitId ? ((await getAgencyDirectory(ctx)).byId.get(unitId)?.path ?? null) : null;
}

/**
 * One photo's bytes (image or thumbnail): to anyone when it is published on a public report, otherwise only to its
 * reporter and the staff who see the report (`isPublic` false: the answer must not be kept by shared caches).
 */
export async function getReportPhoto(ctx: AppContext, actor: Actor | null, reportCode: string, photoId: string, size: 'full' | 'thumb') {
  const row = await findPhotoWithReport(ctx, reportCode, photoId);
  if (!row) throw new AppError('reports.photo_not_found');
  const isPublic = row.review_status === 'published' && row.is_public && row.status !== 'rejected';
  if (!isPublic && !canSeeUnpublishedPhotos(actor, { reporterId: row.reporter_id, unitPath: await unitPathOf(ctx, row.unit_id) })) throw new AppError('reports.photo_not_found');
  return { contentType: row.content_type, bytes: Buffer.from(size === 'thumb' ? row.thumbnail : row.image), isPublic };
}

/**
 * Every photo of a report with its review, for its reporter and the staff who see it; `canReview` says whether the
 * actor may publish or withhold them. The reason of a withheld photo is for staff only.
 */
export async function listPhotosForViewer(ctx: AppContext, actor: Actor | null, reportCode: string): Promise<{ items: ViewerReportPhoto[]; canReview: boolean }> {
  const known = requireActor(actor);
  const report = await ctx.db.selectFrom('reports').select(['id', 'code', 'reporter_id', 'unit_id']).where('code', '=', reportCode).executeTakeFirst();
  if (!report) throw new AppError('reports.not_found', { params: { code: reportCode } });
  const unitPath = await unitPathOf(ctx, report.unit_id);
  if (!canSeeUnpublishedPhotos(known, { reporterId: report.reporter_id, unitPath })) throw new AppError('auth.forbidden');
  // The reason a photo was withheld is for staff only, not for its reporter.
  const isStaff = canViewQueue(known, unitPath);
  const rows = await ctx.db
    .selectFrom('report_photos')
    .select(['id', 'kind', 'width', 'height', 'review_status', 'reviewed_at', 'review_reason'])
    .where('report_id', '=', report.id)
    .orderBy('created_at')
    .execute();
  return {
    items: rows.map((row) => presentViewerPhoto(report.code, row, isStaff)),
    canReview: photoReviewerKind(known, unitPath) !== undefined,
  };
}

function presentViewerPhoto(
  reportCode: string,
  row: { id: string; kind: string; width: number; height: number; review_status: ViewerReportPhoto['reviewStatus']; reviewed_at: Date | null; review_reason: string | null },
  isStaff: boolean,
): ViewerReportPhoto {
  return {
    id: row.id,
    kind: row.kind as 'before' | 'after',
    width: row.width,
    height: row.height,
    url: photoPath(reportCode, row.id),
    thumbnailUrl: `${photoPath(reportCode, row.id)}?size=thumb`,
    reviewStatus: row.review_status,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewReason: isStaff ? row.review_reason : null,
  };
}

/**
 * Staff publish a photo or withhold it with a reason (kept for staff, never shown publicly). Repeating the photo's
 * current decision changes nothing and records nothing (a double click, a retried request); the other decision
 * replaces it (a published photo withheld after a complaint, a withheld one published once redacted), audited and
 * written on the report's internal timeline.
 */
export async function reviewReportPhoto(
  ctx: AppContext,
  audit: AuditContext,
  actor: Actor | null,
  reportCode: string,
  photoId: string,
  input: { decision: PhotoReviewDecision; reason?: string },
): Promise<{ photo: ViewerReportPhoto; isChanged: boolean }> {
  const known = requireActor(actor);
  const reason = input.reason?.normalize('NFC').trim() ?? '';
  if (input.decision === 'withhold' && reason.length === 0) throw new AppError('reports.review_reason_required', { fields: [{ field: 'reason', message: 'required to withhold a photo' }] });
  // Read before the transaction: the embedded database has one connection.
  const directory = await getAgencyDirectory(ctx);
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('report_photos as p')
      .innerJoin('reports as r', 'r.id', 'p.report_id')
      .select(['p.id', 'p.kind', 'p.width', 'p.height', 'p.review_status', 'p.reviewed_at', 'p.review_reason', 'r.id as report_id', 'r.status', 'r.unit_id'])
      .where('p.id', '=', photoId)
      .where('r.code', '=', reportCode)
      .forUpdate('p')
      .executeTakeFirst();
    if (!row) throw new AppError('reports.photo_not_found');
    const actorKind = photoReviewerKind(known, row.unit_id ? (directory.byId.get(row.unit_id)?.path ?? null) : null);
    if (actorKind === undefined) throw new AppError('auth.forbidden');
    const target = input.decision === 'publish' ? 'published' : 'withheld';
    if (row.review_status === target) return { photo: presentViewerPhoto(reportCode, row, true), isChanged: false };

    const updated = await trx
      .updateTable('report_photos')
      .set({ review_status: target, reviewed_by: known.userId, reviewed_at: now, review_reason: target === 'withheld' ? reason : null })
      .where('id', '=', row.id)
      .returning(['id', 'kind', 'width', 'height', 'review_status', 'reviewed_at', 'review_reason'])
      .executeTakeFirstOrThrow();
    // What the public sees of the report changed: integrations that sync by update time must notice.
    if (row.review_status === 'published' || target === 'published') await trx.updateTable('reports').set({ updated_at: now }).where('id', '=', row.report_id).execute();
    await trx
      .insertInto('report_events')
      .values({
        report_id: row.report_id,
        at: now,
        type: 'photo_review',
        from_status: row.status,
        to_status: row.status,
        actor_id: known.userId,
        actor_kind: actorKind,
        details: JSON.stringify({ photoId: row.id, kind: row.kind, from: row.review_status, to: target, ...(target === 'withheld' ? { reason } : {}) }),
        is_public: false,
      })
      .execute();
    await recordAudit(trx, audit, {
      action: 'report_photo.review',
      targetType: 'report_photo',
      targetId: row.id,
      before: { reviewStatus: row.review_status },
      after: { reviewStatus: target },
      details: { reportCode, kind: row.kind, ...(target === 'withheld' ? { reason } : {}) },
    });
    return { photo: presentViewerPhoto(reportCode, updated, true), isChanged: true };
  });
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
