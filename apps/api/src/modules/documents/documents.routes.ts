import { Type } from 'typebox';
import { DocumentStatistics, DocumentSummary, DocumentVerification, ImportCertificateRequest, Problem, RevokeDocumentRequest, SigningCertificate, UploadVerification } from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import * as service from './documents.service.ts';
import { importCertificate, listCertificates, revokeCertificate } from './documents.certificates.ts';
import { demoCrl } from './documents.trust.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/** Signed documents: public verification (by id or upload), the caller's documents, revocation and the signed-share KPI. */
export async function documentsRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const tags = ['documents'];

  // A PDF to verify arrives as the raw body; what it really is, is decided by its bytes.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_VERIFY_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/api/v1/documents/:id/verification',
    { schema: { tags, summary: 'Verify an issued document: integrity, signature (EU DSS indications), status and issuer; no personal data', params: IdParams, response: { 200: DocumentVerification, 400: Problem, 404: Problem } } },
    async (request) => service.getVerification(ctx, request.params.id),
  );

  app.post(
    '/api/v1/verify',
    { schema: { tags, summary: 'Verify any uploaded PDF (raw application/pdf body, ≤ 20 MB): every signature, and the issued document it matches', response: { 200: UploadVerification, 400: Problem, 413: Problem, 415: Problem } } },
    async (request) => {
      // Only application/pdf arrives as raw bytes; anything else (text, JSON) is the wrong media type for this endpoint.
      if (!Buffer.isBuffer(request.body)) throw new AppError('http.unsupported_media_type', { params: { contentType: String(request.headers['content-type'] ?? '-').slice(0, 80) } });
      return service.verifyUpload(ctx, request.body);
    },
  );

  app.get('/api/v1/documents/demo-ca.crl', { schema: { tags, summary: 'The demo CA certificate revocation list (DER); only in the demo city' } }, async (_request, reply) => {
    const crl = await demoCrl(ctx);
    if (!crl) throw new AppError('documents.not_found');
    return reply.type('application/pkix-crl').send(Buffer.from(crl));
  });

  app.get(
    '/api/v1/documents',
    {
      schema: {
        tags,
        summary: "The caller's documents (a citizen's own; staff: their agencies')",
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(DocumentSummary), total: Type.Integer() }), 400: Problem, 401: Problem },
      },
    },
    async (request) => service.listDocuments(ctx, request.actor, request.query),
  );

  app.get(
    '/api/v1/documents/statistics',
    {
      schema: {
        tags,
        summary: 'Share of issued documents that are digitally signed, per agency and period',
        querystring: Type.Object({ agencyCode: Type.String({ minLength: 1, maxLength: 40 }), from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }, { additionalProperties: false }),
        response: { 200: DocumentStatistics, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => service.getDocumentStatistics(ctx, request.actor, request.query.agencyCode, request.query.from, request.query.to),
  );

  app.get('/api/v1/documents/:id/pdf', { schema: { tags, summary: 'The signed PDF (its owner and the staff of its agency)', params: IdParams } }, async (request, reply) => {
    const file = await service.getDocumentPdf(ctx, request.actor, request.params.id);
    return reply.header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${file.fileName}"`).type('application/pdf').send(file.pdf);
  });

  app.post(
    '/api/v1/documents/:id/revoke',
    { schema: { tags, summary: 'Revoke or supersede an issued document with a reason (unit leads of its agency, admins)', params: IdParams, body: RevokeDocumentRequest, response: { 200: DocumentVerification, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } } },
    async (request) => service.revokeDocument(ctx, auditContextOf(request), request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/v1/documents/certificates',
    { schema: { tags, summary: 'Signing certificates of officials and agencies (admins); never their keys', response: { 200: Type.Object({ items: Type.Array(SigningCertificate) }), 401: Problem, 403: Problem } } },
    async (request) => ({ items: await listCertificates(ctx, request.actor) }),
  );

  app.post(
    '/api/v1/documents/certificates',
    {
      schema: { tags, summary: "Import an official's or an agency's signing certificate from PKCS#12 or PEM (admins)", body: ImportCertificateRequest, response: { 201: SigningCertificate, 400: Problem, 401: Problem, 403: Problem } },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request, reply) => reply.code(201).send(await importCertificate(ctx, auditContextOf(request), request.actor, request.body)),
  );

  app.post(
    '/api/v1/documents/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Stop a signing certificate from signing (admins)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await revokeCertificate(ctx, auditContextOf(request), request.actor, request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/documents/:id/copies',
    {
      schema: {
        tags,
        summary: 'Issue an electronic copy (sao y, sao lục, trích sao) signed by the agency (its staff)',
        params: IdParams,
        body: Type.Object({ copyType: Type.Enum(['sao_y', 'sao_luc', 'trich_sao']) }, { additionalProperties: false }),
        response: { 201: DocumentVerification, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.issueCopy(ctx, auditContextOf(request), request.actor, request.params.id, request.body.copyType)),
  );
}
