/**
 * Idempotency-Key on every request that creates or changes money (Stripe's design, anchors-services.md §2.3): the
 * first result for a key and caller — status and body, errors included — is stored and replayed for the same key;
 * the same key with other parameters is a 409, and so is a key whose first request is still running. A network
 * retry therefore never pays, refunds or links twice.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../../core/http/problem.ts';
import { describeValidationErrors } from '../../core/http/validation.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A key whose first request never finished (the process died) may be taken over after this long. */
const STALE_AFTER_MS = 5 * 60_000;
const JSON_TYPE = 'application/json; charset=utf-8';

/** What a use case answers on success: its status and body. */
export interface UseCaseResult {
  status: number;
  body: unknown;
}

interface StoredResult {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
}

/** The stable fingerprint of what a request asks: method, route with its parameters, body. */
function fingerprintOf(request: FastifyRequest): string {
  const route = `${request.method} ${request.url.split('?')[0]}`;
  return createHash('sha256').update(route).update('\n').update(canonicalize(request.body ?? null) ?? '').digest('hex');
}

/** The response of a use case run once: its JSON on success, its problem document on failure. */
async function settle(request: FastifyRequest, reply: FastifyReply, run: () => Promise<UseCaseResult>): Promise<StoredResult> {
  try {
    const result = await run();
    reply.code(result.status);
    // Serialised with the route's response schema, so the stored text is exactly what the first caller received.
    const serialized = reply.serialize(result.body);
    return { status: result.status, body: typeof serialized === 'string' ? serialized : Buffer.from(serialized as ArrayBuffer).toString('utf8'), contentType: JSON_TYPE, headers: {} };
  } catch (error) {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else {
      request.log.error({ err: error }, 'unhandled error in an idempotent request');
      appError = new AppError('http.internal', { params: { requestId: request.id } });
    }
    const locale = request.locale ?? 'vi';
    // Field problems found by the use case (e.g. a note blank once trimmed) are localised as the HTTP layer does.
    const fields = appError.validation ? [...(appError.fields ?? []), ...describeValidationErrors(appError.validation.errors, appError.validation.context, locale)] : appError.fields;
    const body = problemBody(appError.code, locale, { params: appError.params, fields, instance: request.url.split('?')[0], requestId: request.id });
    return { status: appError.status, body: JSON.stringify(body), contentType: PROBLEM_CONTENT_TYPE, headers: appError.headers };
  }
}

function send(reply: FastifyReply, result: StoredResult, isReplay: boolean): FastifyReply {
  for (const [name, value] of Object.entries(result.headers)) reply.header(name, value);
  if (isReplay) reply.header('idempotent-replayed', 'true');
  return reply.code(result.status).type(result.contentType).send(result.body);
}

/** Runs a money-changing use case under the request's Idempotency-Key (when it has one) and sends its answer. */
export async function runIdempotent(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, run: () => Promise<UseCaseResult>): Promise<FastifyReply> {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return send(reply, await settle(request, reply, run), false);
  const key = Array.isArray(header) ? header[0] : header;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) throw new AppError('payments.invalid_idempotency_key');
  // Keys belong to a caller: another user's identical key is another request.
  const caller = request.actor?.userId ?? `anonymous:${request.ip}`;
  const fingerprint = fingerprintOf(request);

  const claimed = await ctx.db
    .insertInto('payment_idempotency_keys')
    .values({ caller, key, fingerprint })
    .onConflict((conflict) => conflict.columns(['caller', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const stored = await ctx.db.selectFrom('payment_idempotency_keys').selectAll().where('caller', '=', caller).where('key', '=', key).executeTakeFirstOrThrow();
    if (stored.fingerprint !== fingerprint) throw new AppError('payments.idempotency_mismatch');
    if (stored.status_code !== null && stored.response_body !== null) {
      return send(reply, { status: stored.status_code, body: stored.response_body, contentType: stored.content_type ?? JSON_TYPE, headers: {} }, true);
    }
    const isStale = Date.now() - stored.created_at.getTime() > STALE_AFTER_MS;
    // A first request that never finished (the process died) is taken over by exactly one retry.
    const released = isStale
      ? await ctx.db.deleteFrom('payment_idempotency_keys').where('caller', '=', caller).where('key', '=', key).where('created_at', '=', stored.created_at).where('status_code', 'is', null).returning('key').executeTakeFirst()
      : undefined;
    const retaken = released
      ? await ctx.db.insertInto('payment_idempotency_keys').values({ caller, key, fingerprint }).onConflict((conflict) => conflict.columns(['caller', 'key']).doNothing()).returning('key').executeTakeFirst()
      : undefined;
    if (!retaken) throw new AppError('payments.idempotency_in_progress');
  }

  const result = await settle(request, reply, run);
  await ctx.db
    .updateTable('payment_idempotency_keys')
    .set({ status_code: result.status, response_body: result.body, content_type: result.contentType, completed_at: new Date() })
    .where('caller', '=', caller)
    .where('key', '=', key)
    .execute();
  return send(reply, result, false);
}
