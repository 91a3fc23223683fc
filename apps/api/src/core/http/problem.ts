/**
 * Maps every error to RFC 9457 problem+json, once, in one place. AppError carries its code; Fastify's own
 * errors (validation, body parsing, size, rate limits) are translated to our codes; anything else is a 500
 * whose details stay in the log (with the request id) and never reach the client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldProblem, type MessageParam } from '../errors.ts';
import { messageCatalogue } from '../i18n/error-messages.ts';
import { interpolate, type Locale } from '../i18n/locale.ts';
import { describeValidationErrors, type AjvErrorLike } from './validation.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Builds the problem document for an error code in a language. */
export function problemBody(
  code: ErrorCode,
  locale: Locale,
  options: { params?: Record<string, MessageParam>; fields?: FieldProblem[]; instance?: string; requestId?: string; status?: number } = {},
) {
  const entry = messageCatalogue[code];
  const status = options.status ?? entry.status;
  return {
    type: `https://onecity.dev/problems/${code.replace('.', '/')}`,
    title: interpolate(entry.en, options.params ?? {}, 'en'),
    status,
    code,
    detail: interpolate(entry[locale], options.params ?? {}, locale),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.fields && options.fields.length > 0 ? { errors: options.fields } : {}),
  };
}

/** Translates a non-AppError (Fastify or plugin error) to one of our codes. */
function translate(error: FastifyError & { validation?: AjvErrorLike[]; validationContext?: string }, locale: Locale, bodyLimit: number): AppError | null {
  if (error.validation) {
    return new AppError('http.validation_failed', { fields: describeValidationErrors(error.validation, error.validationContext, locale) });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('http.malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('http.body_too_large', { params: { limit: bodyLimit } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('http.unsupported_media_type', { params: { contentType: '?' } });
    default:
      break;
  }
  if (error instanceof SyntaxError) return new AppError('http.malformed_json');
  if (error.statusCode === 429) return new AppError('http.rate_limited', { params: { retryAfter: 60 } });
  if (error.statusCode === 413) return new AppError('http.body_too_large', { params: { limit: bodyLimit } });
  if (error.statusCode === 415) return new AppError('http.unsupported_media_type', { params: { contentType: '?' } });
  if (error.statusCode === 405) return new AppError('http.method_not_allowed');
  if (error.statusCode === 404) return new AppError('http.not_found', { params: { path: '' } });
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return new AppError('http.bad_request');
  return null;
}

/** Fastify error handler: every error becomes problem+json. */
export function createErrorHandler(bodyLimit: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const locale = request.locale ?? 'vi';
    let appError = error instanceof AppError ? error : translate(error, locale, bodyLimit);
    if (appError?.code === 'http.unsupported_media_type') {
      appError = new AppError('http.unsupported_media_type', { params: { contentType: String(request.headers['content-type'] ?? '-').slice(0, 80) } });
    }
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('http.internal', { params: { requestId: request.id } });
    } else if (appError.status >= 500) {
      request.log.error({ err: error }, 'server error');
    }
    const statusOverride = error.statusCode === 429 && appError.code === 'http.rate_limited' ? 429 : undefined;
    for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
    return reply
      .code(statusOverride ?? appError.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        problemBody(appError.code, locale, {
          params: appError.params,
          fields: appError.validation ? [...(appError.fields ?? []), ...describeValidationErrors(appError.validation.errors, appError.validation.context, locale)] : appError.fields,
          instance: request.url.split('?')[0],
          requestId: request.id,
        }),
      );
  };
}
