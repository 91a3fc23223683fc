import { Type, type Static } from 'typebox';
import { CategoryCode, CategoryInput, PhotoReviewBody, ReportActionBody, type ReportAction, NearbyReport, Problem, PublicReport, PublicReportDetail, PublicReportList, MapReportList, ReportCategory, ReportStatusSchema, SubmitReportRequest, ViewerReportPhoto } from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import { REPORT_CODE_PATTERN } from './workflow/report-code.ts';
import * as service from './reports.service.ts';
import { getReportPhoto, listPhotosForViewer, redactReportPhoto, reviewReportPhoto, uploadPhoto } from './reports.photos.service.ts';
import { canStaffHandle } from './reports.handling.service.ts';
import { actOnReport, actOnReports, listQueue, listUnitOfficers, rateReport, revealReporter } from './reports.handling.service.ts';
import { MAX_PHOTO_BYTES } from './workflow/photo-processing.ts';

const CodeParams = Type.Object({ code: Type.String({ pattern: REPORT_CODE_PATTERN }) }, { additionalProperties: false });
const UnitCode = Type.String({ minLength: 1, maxLength: 40 });

const RoutingRule = Type.Object({
  ruleNo: Type.Integer(),
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  areaCode: Type.Union([Type.String(), Type.Null()]),
  unitCode: Type.String(),
  note: Type.String(),
});

/** Parses "minLng,minLat,maxLng,maxLat" and refuses boxes that are malformed or larger than the city needs. */
function parseBbox(text: string): [number, number, number, number] {
  const parts = text.split(',').map((part) => Number(part.trim()));
  const [minLng = NaN, minLat = NaN, maxLng = NaN, maxLat = NaN] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLng < maxLng &&
    minLat < maxLat &&
    Math.abs(minLng) <= 180 &&
    Math.abs(maxLng) <= 180 &&
    Math.abs(minLat) <= 90 &&
    Math.abs(maxLat) <= 90 &&
    maxLng - minLng <= 5 &&
    maxLat - minLat <= 5;
  if (!valid) throw new AppError('http.validation_failed', { fields: [{ field: 'query.bbox', message: 'minLng,minLat,maxLng,maxLat with min < max, at most 5° wide' }] });
  return [minLng, minLat, maxLng, maxLat];
}

/** Field reports: categories and routing (admin), submission (citizens), public map, list and pages. */
export async function reportsRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const tags = ['reports'];

  // Photos arrive as the raw image body; the declared type only selects this parser, the content decides.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/reports/photos',
    {
      schema: {
        tags,
        summary: 'Upload one photo (raw JPEG, PNG or WebP body, ≤ 10 MB); attach it by id when filing or answering a report',
        querystring: Type.Object({ kind: Type.Enum(['before', 'after'], { default: 'before' }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ photoId: Type.String({ format: 'uuid' }), kind: Type.String(), width: Type.Integer(), height: Type.Integer() }),
          400: Problem,
          401: Problem,
          413: Problem,
          415: Problem,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('reports.invalid_photo');
      return reply.code(201).send(await uploadPhoto(ctx, auditContextOf(request), request.actor, body, request.query.kind));
    },
  );

  const PhotoParams = Type.Object({ code: Type.String({ pattern: REPORT_CODE_PATTERN }), photoId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
  app.get(
    '/api/v1/reports/:code/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'A report photo (re-encoded, without metadata): public once published; before that only for its reporter and the staff who see the report',
        params: PhotoParams,
        querystring: Type.Object({ size: Type.Enum(['full', 'thumb'], { default: 'full' }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const photo = await getReportPhoto(ctx, request.actor, request.params.code, request.params.photoId, request.query.size);
      // A published photo may still be withheld or redacted later, so shared caches keep it only briefly;
      // an unpublished one is for the signed-in viewer alone.
      reply.header('cache-control', photo.isPublic ? 'public, max-age=600' : 'private, no-store');
      return reply.type(photo.contentType).send(photo.bytes);
    },
  );

  app.get(
    '/api/v1/reports/:code/photos',
    {
      schema: {
        tags,
        summary: "Every photo of a report with its review (pending, published, withheld), for its reporter and the staff who see it",
        params: CodeParams,
        response: { 200: Type.Object({ items: Type.Array(ViewerReportPhoto), canReview: Type.Boolean() }), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => listPhotosForViewer(ctx, request.actor, request.params.code),
  );

  app.post(
    '/api/v1/reports/:code/photos/:photoId/review',
    {
      schema: {
        tags,
        summary: "Publish a citizen's photo, or withhold it with a reason kept for staff (IOC, or officers and leads of the handling unit); audited",
        params: PhotoParams,
        body: PhotoReviewBody,
        response: { 200: Type.Object({ photo: ViewerReportPhoto, isChanged: Type.Boolean() }), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => reviewReportPhoto(ctx, auditContextOf(request), request.actor, request.params.code, request.params.photoId, request.body),
  );

  const Fraction = Type.Number({ minimum: 0, maximum: 1 });
  app.post(
    '/api/v1/reports/:code/photos/:photoId/redact',
    {
      schema: {
        tags,
        summary: 'Paint over faces, plates or other personal details (unit staff or IOC); boxes are fractions of the picture',
        params: PhotoParams,
        body: Type.Object(
          { boxes: Type.Array(Type.Object({ x: Fraction, y: Fraction, width: Fraction, height: Fraction }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      await redactReportPhoto(ctx, auditContextOf(request), actor, request.params.code, request.params.photoId, request.body.boxes, (report) => canStaffHandle(ctx, actor, report.unitId));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/reports/categories',
    { schema: { tags, summary: 'Report categories with their questions and deadlines', response: { 200: Type.Object({ items: Type.Array(ReportCategory) }) } } },
    async (request) => ({ items: await service.listCategories(ctx, request.actor) }),
  );

  app.post(
    '/api/v1/reports/categories',
    { schema: { tags, summary: 'Create a category (admins)', body: CategoryInput, response: { 201: ReportCategory, 400: Problem, 401: Problem, 403: Problem, 409: Problem } } },
    async (request, reply) => reply.code(201).send(await service.saveCategory(ctx, auditContextOf(request), request.actor, request.body, 'create')),
  );

  app.put(
    '/api/v1/reports/categories/:code',
    {
      schema: {
        tags,
        summary: 'Replace a category (admins)',
        params: Type.Object({ code: CategoryCode }, { additionalProperties: false }),
        body: CategoryInput,
        response: { 200: ReportCategory, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      if (request.body.code !== request.params.code) throw new AppError('http.validation_failed', { fields: [{ field: 'code', message: 'must match the path' }] });
      return service.saveCategory(ctx, auditContextOf(request), request.actor, request.body, 'replace');
    },
  );

  app.get(
    '/api/v1/reports/routing-rules',
    { schema: { tags, summary: 'The routing table: category × ward → unit (admins, IOC)', response: { 200: Type.Object({ items: Type.Array(RoutingRule) }), 401: Problem, 403: Problem } } },
    async (request) => ({ items: await service.listRoutingRules(ctx, request.actor) }),
  );

  app.post(
    '/api/v1/reports/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule (admins); without areaCode it applies city-wide',
        body: Type.Object(
          {
            categoryCode: CategoryCode,
            areaCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            unitCode: Type.String({ minLength: 1, maxLength: 40 }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: RoutingRule, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createRoutingRule(ctx, auditContextOf(request), request.actor, request.body)),
  );

  app.post(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'File a field report (logged-in citizens)',
        body: SubmitReportRequest,
        response: { 201: PublicReport, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.submitReport(ctx, auditContextOf(request), request.actor, request.body)),
  );

  const viewportQuery = Type.Object(
    {
      bbox: Type.Optional(Type.String({ maxLength: 100, description: 'minLng,minLat,maxLng,maxLat' })),
      category: Type.Optional(Type.String({ maxLength: 400, description: 'comma-separated category codes' })),
      status: Type.Optional(Type.Array(ReportStatusSchema, { maxItems: 7 })),
      area: Type.Optional(Type.String({ maxLength: 40 })),
      since: Type.Optional(Type.String({ format: 'date-time' })),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 500 }),
    },
    { additionalProperties: false },
  );
  const viewportFilter = (query: Static<typeof viewportQuery>) => ({
    bbox: query.bbox ? parseBbox(query.bbox) : undefined,
    categoryCodes: query.category?.split(',').map((code) => code.trim()).filter(Boolean),
    statuses: query.status,
    areaCode: query.area,
    since: query.since ? new Date(query.since) : undefined,
    limit: query.limit,
  });

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'Public reports in a map viewport, whole, newest first (no personal data)',
        querystring: viewportQuery,
        response: { 200: PublicReportList, 400: Problem },
      },
    },
    async (request) => service.listPublicReports(ctx, viewportFilter(request.query)),
  );

  app.get(
    '/api/v1/reports/map',
    {
      schema: {
        tags,
        summary: "The public map: reports in a viewport, newest first, with what a marker and a card show (the whole report is /api/v1/reports/{code})",
        querystring: viewportQuery,
        response: { 200: MapReportList, 400: Problem },
      },
    },
    async (request) => service.listPublicMapReports(ctx, viewportFilter(request.query)),
  );

  app.get(
    '/api/v1/reports/nearby',
    {
      schema: {
        tags,
        summary: `Open reports of the same category within ${service.NEARBY_RADIUS_METRES} m (to follow one instead of filing a duplicate)`,
        querystring: Type.Object(
          { category: CategoryCode, lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(NearbyReport) }), 400: Problem, 404: Problem },
      },
    },
    async (request) => ({ items: await service.findNearbyOpenReports(ctx, request.query.category, { lat: request.query.lat, lng: request.query.lng }) }),
  );

  app.get(
    '/api/v1/reports/mine',
    { schema: { tags, summary: "The logged-in citizen's reports", response: { 200: Type.Object({ items: Type.Array(PublicReport) }), 401: Problem } } },
    async (request) => ({ items: await service.listMyReports(ctx, request.actor) }),
  );

  app.get(
    '/api/v1/reports/:code',
    { schema: { tags, summary: "A report's public page with its timeline", params: CodeParams, response: { 200: PublicReportDetail, 400: Problem, 404: Problem } } },
    async (request) => service.getPublicReport(ctx, request.params.code),
  );

  app.post(
    '/api/v1/reports/:code/actions',
    {
      schema: {
        tags,
        summary: 'Act on a report: IOC triage (accept, reject, merge), unit work (take, transfer, return_to_triage, request/decide extension, resolve), reporter (confirm, reopen)',
        params: CodeParams,
        body: ReportActionBody,
        response: { 200: Type.Object({ code: Type.String(), status: ReportStatusSchema, dueAt: Type.String({ format: 'date-time' }) }), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const result = await actOnReport(ctx, auditContextOf(request), request.actor, request.params.code, request.body as ReportAction);
      return { ...result, status: result.status as 'submitted' };
    },
  );

  app.post(
    '/api/v1/reports/actions/bulk',
    {
      schema: {
        tags,
        summary: 'Apply one action to several reports (e.g. take or accept a selection); each report succeeds or fails on its own',
        body: Type.Object(
          { codes: Type.Array(Type.String({ pattern: REPORT_CODE_PATTERN }), { minItems: 1, maxItems: 50 }), action: ReportActionBody },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Union([
                Type.Object({ code: Type.String(), ok: Type.Literal(true), status: Type.String() }),
                Type.Object({ code: Type.String(), ok: Type.Literal(false), error: Type.Object({ code: Type.String(), detail: Type.String() }) }),
              ]),
            ),
          }),
          400: Problem,
          401: Problem,
        },
      },
    },
    async (request) => ({
      results: await actOnReports(ctx, auditContextOf(request), request.actor, request.body.codes, request.body.action as ReportAction),
    }),
  );

  app.get(
    '/api/v1/console/units/:code/officers',
    {
      schema: {
        tags: ['reports', 'console'],
        summary: "A unit's officers (names only), for its leads and the IOC",
        params: Type.Object({ code: UnitCode }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), fullName: Type.String() })) }), 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => ({ items: await listUnitOfficers(ctx, request.actor, request.params.code) }),
  );

  app.post(
    '/api/v1/reports/:code/rating',
    {
      schema: {
        tags,
        summary: 'The reporter rates the answer, 1–5',
        params: CodeParams,
        body: Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await rateReport(ctx, auditContextOf(request), request.actor, request.params.code, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/reports/:code/reveal-reporter',
    {
      schema: {
        tags,
        summary: "IOC: reveal the reporter's identity to the handling unit, with a reason (audited)",
        params: CodeParams,
        body: Type.Object({ reason: Type.String({ minLength: 5, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await revealReporter(ctx, auditContextOf(request), request.actor, request.params.code, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/console/reports',
    {
      schema: {
        tags: ['reports', 'console'],
        summary: "Staff queue, soonest deadline first: a unit's reports (officers and leads of it), or the IOC triage queue",
        description: '`total` is exact up to 1,000 reports (or the end of the page asked for, if further); beyond it `isTotalCapped` is true and `total` is that cap.',
        querystring: Type.Object(
          {
            unit: Type.Optional(UnitCode),
            triage: Type.Optional(Type.Boolean()),
            status: Type.Optional(Type.Array(ReportStatusSchema, { maxItems: 7 })),
            category: Type.Optional(CategoryCode),
            area: Type.Optional(Type.String({ maxLength: 40 })),
            officer: Type.Optional(Type.String({ format: 'uuid' })),
            overdue: Type.Optional(Type.Boolean()),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Any()), total: Type.Integer(), isTotalCapped: Type.Boolean() }), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      listQueue(ctx, request.actor, {
        unitCode: request.query.unit,
        triage: request.query.triage,
        statuses: request.query.status,
        categoryCode: request.query.category,
        areaCode: request.query.area,
        officerId: request.query.officer,
        overdueOnly: request.query.overdue,
        limit: request.query.limit,
        offset: request.query.offset,
      }),
  );

  app.post(
    '/api/v1/reports/:code/follow',
    { schema: { tags, summary: 'Follow a report', params: CodeParams, response: { 204: Type.Null(), 401: Problem, 404: Problem } } },
    async (request, reply) => {
      await service.followReport(ctx, auditContextOf(request), request.actor, request.params.code);
      return reply.code(204).send(null);
    },
  );
}
