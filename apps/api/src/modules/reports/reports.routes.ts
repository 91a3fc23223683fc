import { Type } from 'typebox';
import { CategoryCode, CategoryInput, NearbyReport, Problem, PublicReport, PublicReportDetail, PublicReportList, ReportCategory, ReportStatusSchema, SubmitReportRequest } from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import { REPORT_CODE_PATTERN } from './workflow/report-code.ts';
import * as service from './reports.service.ts';

const CodeParams = Type.Object({ code: Type.String({ pattern: REPORT_CODE_PATTERN }) }, { additionalProperties: false });
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

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'Public reports in a map viewport, newest first (no personal data)',
        querystring: Type.Object(
          {
            bbox: Type.Optional(Type.String({ maxLength: 100, description: 'minLng,minLat,maxLng,maxLat' })),
            category: Type.Optional(Type.String({ maxLength: 400, description: 'comma-separated category codes' })),
            status: Type.Optional(Type.Array(ReportStatusSchema, { maxItems: 7 })),
            area: Type.Optional(Type.String({ maxLength: 40 })),
            since: Type.Optional(Type.String({ format: 'date-time' })),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: PublicReportList, 400: Problem },
      },
    },
    async (request) =>
      service.listPublicReports(ctx, {
        bbox: request.query.bbox ? parseBbox(request.query.bbox) : undefined,
        categoryCodes: request.query.category?.split(',').map((code) => code.trim()).filter(Boolean),
        statuses: request.query.status,
        areaCode: request.query.area,
        since: request.query.since ? new Date(request.query.since) : undefined,
        limit: request.query.limit,
      }),
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
    '/api/v1/reports/:code/follow',
    { schema: { tags, summary: 'Follow a report', params: CodeParams, response: { 204: Type.Null(), 401: Problem, 404: Problem } } },
    async (request, reply) => {
      await service.followReport(ctx, auditContextOf(request), request.actor, request.params.code);
      return reply.code(204).send(null);
    },
  );
}
