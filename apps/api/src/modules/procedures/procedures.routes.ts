import { Type } from 'typebox';
import {
  DossierActionBody,
  DossierDetail,
  DossierLookup,
  DossierStatistics,
  DossierStatusSchema,
  DossierSummary,
  DOSSIER_CODE_PATTERN,
  Problem,
  Procedure,
  ProcedureCode,
  ProcedureInput,
  ProcedureSummary,
  SubmitDossierRequest,
  SurveyRequest,
} from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import * as catalogue from './procedures.catalogue.ts';
import * as dossiers from './dossiers.service.ts';
import { listReusableFiles, MAX_DOSSIER_FILE_BYTES, uploadDossierFile } from './dossiers.files.ts';
import { getDossierStatistics, statisticsCsv } from './dossiers.statistics.ts';

const CodeParams = Type.Object({ code: ProcedureCode }, { additionalProperties: false });
const DossierParams = Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN }) }, { additionalProperties: false });
const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Content-Disposition for a download, with the UTF-8 name (RFC 6266 / RFC 5987) and an ASCII fallback. */
function attachment(name: string, inline: boolean): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'file';
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Online public services: the procedure catalogue, dossiers through their lifecycle, look-up, survey and statistics. */
export async function proceduresRoutes(app: App): Promise<void> {
  const { ctx } = app;

  // Component files arrive as the raw body; the declared type only selects this parser, the content decides.
  app.addContentTypeParser(['application/pdf', 'image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: MAX_DOSSIER_FILE_BYTES }, (_request, body, done) => done(null, body));

  // ---------------------------------------------------------------- catalogue
  const procedureTags = ['procedures'];
  app.get(
    '/api/v1/procedures',
    {
      schema: {
        tags: procedureTags,
        summary: 'Search the procedure catalogue (with or without Vietnamese diacritics)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            level: Type.Optional(Type.Enum(['department', 'ward'])),
            agencyCode: Type.Optional(Type.String({ maxLength: 40 })),
            field: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ProcedureSummary), total: Type.Integer() }), 400: Problem },
      },
    },
    async (request) => catalogue.listProcedures(ctx, request.actor, { ...request.query, query: request.query.q }),
  );

  app.get(
    '/api/v1/procedures/export',
    { schema: { tags: procedureTags, summary: 'The whole catalogue as importable JSON (admins)', response: { 200: Type.Object({ procedures: Type.Array(ProcedureInput) }), 401: Problem, 403: Problem } } },
    async (request) => ({ procedures: await catalogue.exportProcedures(ctx, request.actor) }),
  );

  app.post(
    '/api/v1/procedures/import',
    {
      schema: {
        tags: procedureTags,
        summary: 'Import a catalogue: new codes created, known codes replaced, all or nothing (admins)',
        body: Type.Object({ procedures: Type.Array(ProcedureInput, { minItems: 1, maxItems: 5000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }), ...Errors },
      },
      bodyLimit: 20 * 1024 * 1024,
    },
    async (request) => catalogue.importProcedures(ctx, auditContextOf(request), request.actor, request.body.procedures),
  );

  app.get(
    '/api/v1/procedures/:code',
    { schema: { tags: procedureTags, summary: 'One procedure with its form, components, fees and workflow', params: CodeParams, response: { 200: Procedure, 404: Problem } } },
    async (request) => catalogue.getProcedure(ctx, request.actor, request.params.code),
  );

  app.post(
    '/api/v1/procedures',
    { schema: { tags: procedureTags, summary: 'Add a procedure to the catalogue (admins)', body: ProcedureInput, response: { 201: Procedure, ...Errors } } },
    async (request, reply) => reply.code(201).send(await catalogue.saveProcedure(ctx, auditContextOf(request), request.actor, request.body, 'create')),
  );

  app.put(
    '/api/v1/procedures/:code',
    { schema: { tags: procedureTags, summary: 'Replace a procedure (admins); dossiers already filed keep the version they were filed under', params: CodeParams, body: ProcedureInput, response: { 200: Procedure, ...Errors } } },
    async (request) => {
      if (request.body.code !== request.params.code) throw new AppError('http.validation_failed', { fields: [{ field: 'code', message: 'must match the code in the path' }] });
      return catalogue.saveProcedure(ctx, auditContextOf(request), request.actor, request.body, 'replace');
    },
  );

  // ---------------------------------------------------------------- dossiers
  const tags = ['dossiers'];
  app.post(
    '/api/v1/dossiers/files',
    {
      schema: {
        tags,
        summary: 'Upload one component file (raw PDF, JPEG or PNG body, ≤ 10 MB; name in x-file-name, URI-encoded); attach it by id when filing',
        response: { 201: Type.Object({ fileId: Type.String({ format: 'uuid' }), fileName: Type.String(), contentType: Type.String(), byteSize: Type.Integer() }), 400: Problem, 401: Problem, 413: Problem, 415: Problem },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('dossiers.invalid_file');
      const name = request.headers['x-file-name'];
      return reply.code(201).send(await uploadDossierFile(ctx, auditContextOf(request), request.actor, body, typeof name === 'string' ? name : undefined));
    },
  );

  app.get(
    '/api/v1/dossiers/files/reusable',
    {
      schema: {
        tags,
        summary: "The component files of the caller's earlier dossiers, to reuse for components the procedure marks reusable",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ fileId: Type.String(), componentCode: Type.Union([Type.String(), Type.Null()]), fileName: Type.String(), contentType: Type.String(), byteSize: Type.Integer(), dossierCode: Type.String(), createdAt: Type.String({ format: 'date-time' }) }),
            ),
          }),
          401: Problem,
        },
      },
    },
    async (request) => listReusableFiles(ctx, request.actor),
  );

  app.get(
    '/api/v1/dossiers/lookup',
    {
      schema: {
        tags,
        summary: 'Public look-up by dossier code: procedure, agency, status and appointment date, no personal data',
        querystring: Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN }) }, { additionalProperties: false }),
        response: { 200: DossierLookup, 400: Problem, 404: Problem },
      },
    },
    async (request) => dossiers.lookupDossier(ctx, request.query.code),
  );

  app.get(
    '/api/v1/dossiers/statistics',
    {
      schema: {
        tags,
        summary: "Statistics of an agency's dossiers over a period, with the national portal's definitions (JSON or CSV)",
        querystring: Type.Object(
          { agencyCode: Type.String({ minLength: 1, maxLength: 40 }), from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }), format: Type.Enum(['json', 'csv'], { default: 'json' }) },
          { additionalProperties: false },
        ),
        response: { 200: DossierStatistics, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const statistics = await getDossierStatistics(ctx, request.actor, request.query.agencyCode, request.query.from, request.query.to);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`thong-ke-ho-so-${statistics.agencyCode}-${statistics.from}-${statistics.to}.csv`, false))
          .serializer((payload: unknown) => String(payload))
          // The CSV bypasses the JSON schema of the 200 answer (same figures, other format).
          .send(statisticsCsv(statistics) as never);
      }
      return statistics;
    },
  );

  app.post(
    '/api/v1/dossiers',
    { schema: { tags, summary: 'File a dossier (citizens online; one-stop desk officers for a paper dossier with channel in_person)', body: SubmitDossierRequest, response: { 201: DossierDetail, ...Errors } } },
    async (request, reply) => reply.code(201).send(await dossiers.submitDossier(ctx, auditContextOf(request), request.actor, request.body)),
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary: "The caller's dossiers: a citizen's own; staff's intake queue, work list or all dossiers at their agencies",
        querystring: Type.Object(
          {
            queue: Type.Enum(['mine', 'intake', 'all'], { default: 'all' }),
            status: Type.Optional(DossierStatusSchema),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DossierSummary), total: Type.Integer() }), 400: Problem, 401: Problem },
      },
    },
    async (request) => dossiers.listDossiers(ctx, request.actor, { ...request.query, query: request.query.q }),
  );

  app.get(
    '/api/v1/dossiers/:code',
    { schema: { tags, summary: 'One dossier for its owner or the staff handling it, with the actions the caller may take', params: DossierParams, response: { 200: DossierDetail, 401: Problem, 404: Problem } } },
    async (request) => dossiers.getDossierDetail(ctx, request.actor, request.params.code),
  );

  app.post(
    '/api/v1/dossiers/:code/actions',
    { schema: { tags, summary: 'Take one lifecycle action (accept, request_supplement, approve, withdraw, …)', params: DossierParams, body: DossierActionBody, response: { 200: DossierDetail, ...Errors } } },
    async (request) => dossiers.actOnDossier(ctx, auditContextOf(request), request.actor, request.params.code, request.body),
  );

  app.get(
    '/api/v1/dossiers/:code/officers',
    { schema: { tags, summary: 'Officers who may take the current step (for assignment)', params: DossierParams, response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), fullName: Type.String() })) }), 401: Problem, 403: Problem, 404: Problem } } },
    async (request) => dossiers.listStepOfficers(ctx, request.actor, request.params.code),
  );

  app.get(
    '/api/v1/dossiers/:code/files/:fileId',
    { schema: { tags, summary: 'A file of the dossier (component, result or apology letter)', params: Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }) } },
    async (request, reply) => {
      const file = await dossiers.getDossierFile(ctx, request.actor, request.params.code, request.params.fileId);
      // The staff console previews components beside the dossier in a frame of its own origin.
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(file.file_name, true))
        .header('content-security-policy', "frame-ancestors 'self'")
        .header('x-frame-options', 'SAMEORIGIN')
        .type(file.content_type)
        .send(file.content);
    },
  );

  app.get(
    '/api/v1/dossiers/:code/result.pdf',
    { schema: { tags, summary: "The result document; the owner's first download of an online result records its delivery", params: DossierParams } },
    async (request, reply) => {
      const file = await dossiers.downloadResult(ctx, auditContextOf(request), request.actor, request.params.code);
      return reply.header('cache-control', 'private, no-store').header('content-disposition', attachment(file.file_name, false)).type(file.content_type).send(file.content);
    },
  );

  app.post(
    '/api/v1/dossiers/:code/survey',
    { schema: { tags, summary: 'Satisfaction survey after delivery (12 criteria, each 1–5), once per dossier', params: DossierParams, body: SurveyRequest, response: { 201: DossierDetail, ...Errors } } },
    async (request, reply) => reply.code(201).send(await dossiers.submitSurvey(ctx, auditContextOf(request), request.actor, request.params.code, request.body)),
  );
}
