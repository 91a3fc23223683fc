/**
 * Routes of the open311 module: the GeoReport v2 API under /open311/v2 (each resource in .xml and .json, errors
 * as Open311 `errors/error`, form bodies parsed only here) and the admins' API keys under /api/v1/open311.
 */
import { IdParams, IssuedOpen311Client, IssueOpen311ClientRequest, Open311Client, Problem } from '@onecity/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditContextOf } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import { messageCatalogue } from '../../core/i18n/error-messages.ts';
import { interpolate } from '../../core/i18n/locale.ts';
import {
  presentCreatedRequest,
  presentDiscovery,
  presentErrors,
  presentServiceDefinition,
  presentServiceRequests,
  presentServices,
  presentToken,
  presentUpdateReceipt,
  presentUpdates,
  render,
  type WireDocument,
} from './open311.presenter.ts';
import * as service from './open311.service.ts';
import { errorLocaleOf, formatOfUrl, OPEN311_FORMATS, splitFormat, type Open311Format } from './workflow/formats.ts';
import { parametersOfQuery, parseFormBody, type Parameters } from './workflow/parameters.ts';
import { open311FieldName } from './workflow/request-form.ts';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

function send(reply: FastifyReply, document: WireDocument, format: Open311Format) {
  const { body, contentType } = render(document, format);
  return reply.code(200).type(contentType).send(body);
}

function callOf(request: FastifyRequest): service.Open311Call {
  return { locale: request.locale, ip: request.ip, requestId: request.id };
}

/**
 * The parameters of a POST: the form body, plus api_key and jurisdiction_id from the query string when the body
 * lacks them (some clients put the key in the URL). Other bodies than a form are refused.
 */
function formParameters(request: FastifyRequest): Parameters {
  const contentType = String(request.headers['content-type'] ?? '');
  const hasBody = request.body !== undefined && request.body !== null;
  if (hasBody && !contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE)) {
    throw new AppError('open311.invalid_parameter', { fields: [{ field: 'body', message: `must be ${FORM_CONTENT_TYPE}` }] });
  }
  const body = hasBody ? (request.body as Parameters) : {};
  const query = parametersOfQuery(request.query);
  const parameters: Parameters = { ...body };
  for (const name of ['api_key', 'jurisdiction_id']) {
    const value = query[name]?.find((item) => item.trim() !== '');
    if (parameters[name] === undefined && value !== undefined) parameters[name] = [value];
  }
  return parameters;
}

/** An error as Open311 wants it: 404 for a missing resource, 403 for the api_key, 400 for everything else. */
function toOpen311Error(error: FastifyError | AppError, request: FastifyRequest): { status: number; description: string; headers: Record<string, string> } {
  const locale = errorLocaleOf(request.headers['accept-language']);
  let appError: AppError | null = error instanceof AppError ? error : null;
  if (!appError) {
    const statusCode = (error as FastifyError).statusCode;
    if (statusCode === 404) appError = new AppError('http.not_found', { params: { path: request.url.split('?')[0] ?? '' } });
    else if (statusCode === 413) appError = new AppError('http.body_too_large', { params: { limit: request.server.initialConfig.bodyLimit ?? 0 } });
    else if (statusCode === 415) appError = new AppError('http.unsupported_media_type', { params: { contentType: String(request.headers['content-type'] ?? '-').slice(0, 80) } });
    else if (statusCode === 429) appError = new AppError('http.rate_limited', { params: { retryAfter: 60 } });
    else if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) appError = new AppError('http.bad_request');
  }
  if (!appError || appError.status >= 500) {
    // The spec answers "a general error such as the CRM being down" with 400; the details stay in the log.
    request.log.error({ err: error }, 'open311: unhandled error');
    appError = new AppError('http.internal', { params: { requestId: request.id } });
  }
  const status = appError.status === 404 ? 404 : appError.code === 'open311.invalid_api_key' ? 403 : 400;
  const message = interpolate(messageCatalogue[appError.code][locale], appError.params, locale);
  const fields = (appError.fields ?? []).map((problem) => `${open311FieldName(problem.field)}: ${problem.message}`);
  return { status, description: fields.length > 0 ? `${message} (${fields.join('; ')})` : message, headers: appError.headers };
}

function sendError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const { status, description, headers } = toOpen311Error(error, request);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  const { body, contentType } = render(presentErrors([{ code: status, description }]), formatOfUrl(request.url));
  return reply.code(status).type(contentType).send(body);
}

/** The name of a resource given as `{name}.{format}`, or a 404 when the extension is not xml or json. */
function resourceOf(request: FastifyRequest<{ Params: { name: string } }>): { name: string; format: Open311Format } {
  const split = splitFormat(request.params.name);
  if (!split || split.base === '') throw new AppError('http.not_found', { params: { path: request.url.split('?')[0] ?? '' } });
  return { name: split.base, format: split.format };
}

/** The GeoReport v2 routes, registered under /open311/v2 in their own scope (error handler, form parser). */
async function georeportRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const tags = ['open311'];
  const NameParams = Type.Object({ name: Type.String() });

  app.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string' }, (_request, body, done) => done(null, parseFormBody(String(body))));
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => sendError(new AppError('http.not_found', { params: { path: request.url.split('?')[0] ?? '' } }), request, reply));

  for (const format of OPEN311_FORMATS) {
    app.get(`/discovery.${format}`, { schema: { tags, summary: `Service discovery (${format})` } }, async (request, reply) => {
      return send(reply, presentDiscovery(await service.describeDiscovery(ctx, request.locale)), format);
    });

    app.get(`/services.${format}`, { schema: { tags, summary: `Service list: the report categories (${format})` } }, async (request, reply) => {
      service.checkJurisdiction(ctx, parametersOfQuery(request.query));
      return send(reply, presentServices(await service.listServices(ctx, request.locale)), format);
    });

    app.get(`/requests.${format}`, { schema: { tags, summary: `Public service requests (${format}); page, page_size and extensions=true supported` } }, async (request, reply) => {
      const views = await service.listServiceRequests(ctx, callOf(request), parametersOfQuery(request.query));
      return send(reply, presentServiceRequests(views, { locale: request.locale, timeZone: ctx.config.officeHours.timeZone }), format);
    });

    app.post(`/requests.${format}`, { schema: { tags, summary: `File a service request (${format}; form body with api_key)` } }, async (request, reply) => {
      const created = await service.submitServiceRequest(ctx, callOf(request), formParameters(request));
      return send(reply, presentCreatedRequest(created), format);
    });

    app.get(`/servicerequestupdates.${format}`, { schema: { tags, summary: `Updates on public requests (mySociety extension, ${format})` } }, async (request, reply) => {
      const updates = await service.listServiceRequestUpdates(ctx, callOf(request), parametersOfQuery(request.query));
      return send(reply, presentUpdates(updates, { timeZone: ctx.config.officeHours.timeZone }), format);
    });

    app.post(`/servicerequestupdates.${format}`, { schema: { tags, summary: `Post an update on a request (mySociety extension, ${format}; form body with api_key)` } }, async (request, reply) => {
      const receipt = await service.receiveServiceRequestUpdate(ctx, callOf(request), formParameters(request));
      return send(reply, presentUpdateReceipt(receipt.updateId), format);
    });
  }

  app.get<{ Params: { name: string } }>('/services/:name', { schema: { tags, summary: 'Service definition: /services/{service_code}.{xml|json}', params: NameParams } }, async (request, reply) => {
    const { name, format } = resourceOf(request);
    service.checkJurisdiction(ctx, parametersOfQuery(request.query));
    const definition = await service.getServiceDefinition(ctx, name, request.locale);
    return send(reply, presentServiceDefinition(definition.serviceCode, definition.attributes), format);
  });

  app.get<{ Params: { name: string } }>('/requests/:name', { schema: { tags, summary: 'One public service request: /requests/{service_request_id}.{xml|json}', params: NameParams } }, async (request, reply) => {
    const { name, format } = resourceOf(request);
    const views = await service.getServiceRequest(ctx, callOf(request), name, parametersOfQuery(request.query));
    return send(reply, presentServiceRequests(views, { locale: request.locale, timeZone: ctx.config.officeHours.timeZone }), format);
  });

  app.get<{ Params: { name: string } }>('/tokens/:name', { schema: { tags, summary: 'The service request of a token: /tokens/{token}.{xml|json}', params: NameParams } }, async (request, reply) => {
    const { name, format } = resourceOf(request);
    return send(reply, presentToken(await service.getToken(ctx, parametersOfQuery(request.query), name)), format);
  });
}

/** Open311 GeoReport v2 at /open311/v2 and the admins' API key management. */
export async function open311Routes(app: App): Promise<void> {
  const { ctx } = app;
  const tags = ['open311'];

  app.post(
    '/api/v1/open311/clients',
    {
      schema: {
        tags,
        summary: 'Issue an Open311 API key for a new client (admins); the key is shown only in this answer',
        body: IssueOpen311ClientRequest,
        response: { 201: IssuedOpen311Client, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.issueClient(ctx, auditContextOf(request), request.actor, request.body)),
  );

  app.get(
    '/api/v1/open311/clients',
    { schema: { tags, summary: 'Open311 clients (admins)', response: { 200: Type.Object({ items: Type.Array(Open311Client) }), 401: Problem, 403: Problem } } },
    async (request) => ({ items: await service.listClients(ctx, request.actor) }),
  );

  app.delete(
    '/api/v1/open311/clients/:id',
    { schema: { tags, summary: "Revoke a client's API key (admins)", params: IdParams, response: { 200: Open311Client, 400: Problem, 401: Problem, 403: Problem, 404: Problem } } },
    async (request) => service.revokeClient(ctx, auditContextOf(request), request.actor, request.params.id),
  );

  await app.register(georeportRoutes, { prefix: '/open311/v2' });
}
