/**
 * What providers call: the bank feed (signed JSON, read as raw bytes and verified before its meaning is parsed),
 * VNPay's IPN (signed query, answered with VNPay's own codes) and the gateway's return (display only).
 */
import { Type } from 'typebox';
import { BankFeedRequest, BankFeedResponse, Problem } from '@onecity/contracts';
import type { FastifyRequest } from 'fastify';
import { auditContextOf } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/http/types.ts';
import { receiveBankFeed } from './payments.bank-feed.ts';
import { getPaymentProviders } from './payments.context.ts';
import { handleVnpayIpn } from './payments.vnpay.ts';
import { IPN_ANSWERS, isVnpaySuccess } from './workflow/vnpay.ts';
import { checkWebhookSignature, SIGNATURE_HEADER } from './workflow/webhook-signature.ts';

const tags = ['payments'];
const MAX_FEED_BYTES = 256 * 1024;

/** The provider-facing routes, in their own scope so the raw-body parser applies to them alone. */
export async function webhookRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const providers = getPaymentProviders(ctx);

  if (providers.vietqr) {
    const { feedSecret } = providers.vietqr;
    // The signature covers the exact bytes sent, so they are kept as they came; JSON is parsed only once verified.
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_FEED_BYTES }, (_request, body, done) => done(null, body));
    app.post(
      '/api/v1/payments/webhooks/bank-feed',
      {
        schema: {
          tags,
          summary: 'Bank feed: credits to the collection account (header x-onecity-signature: t=…,v1=HMAC-SHA256(secret, t + "." + raw body))',
          body: BankFeedRequest,
          response: { 200: BankFeedResponse, 400: Problem, 401: Problem },
        },
        preValidation: async (request: FastifyRequest) => {
          const raw = request.body;
          if (!Buffer.isBuffer(raw)) throw new AppError('http.malformed_json');
          const header = request.headers[SIGNATURE_HEADER];
          const problem = checkWebhookSignature(Array.isArray(header) ? header[0] : header, raw, feedSecret, new Date(), ctx.config.payments.webhookToleranceSeconds);
          if (problem) {
            request.log.warn({ problem }, 'bank feed: rejected signature');
            throw new AppError('payments.invalid_signature', { params: { problem } });
          }
          try {
            request.body = JSON.parse(raw.toString('utf8')) as unknown;
          } catch {
            throw new AppError('http.malformed_json');
          }
        },
      },
      async (request) => ({ results: await receiveBankFeed(ctx, auditContextOf(request), request.body.transactions) }),
    );
  }

  if (providers.vnpay) {
    const VnpayQuery = Type.Record(Type.String({ pattern: '^vnp_[A-Za-z]{1,40}$' }), Type.String({ maxLength: 1000 }));
    app.get(
      '/api/v1/payments/vnpay/ipn',
      {
        schema: {
          tags,
          summary: "VNPay IPN (server to server): the only way a gateway payment changes state; answers VNPay's {RspCode, Message}",
          querystring: VnpayQuery,
          response: { 200: Type.Object({ RspCode: Type.String(), Message: Type.String() }) },
        },
        // The gateway always gets its JSON answer, even for a malformed call.
        errorHandler: (error, request, reply) => {
          request.log.warn({ err: error }, 'vnpay ipn: malformed call');
          return reply.code(200).send(IPN_ANSWERS.invalidChecksum);
        },
      },
      async (request) => {
        try {
          return await handleVnpayIpn(ctx, auditContextOf(request), request.query);
        } catch (error) {
          request.log.error({ err: error }, 'vnpay ipn failed');
          return IPN_ANSWERS.unknownError;
        }
      },
    );

    app.get(
      '/api/v1/payments/vnpay/return',
      { schema: { tags, summary: "The gateway's return: shows the dossier page with the outcome (display only, nothing changes here)", querystring: VnpayQuery } },
      async (request, reply) => {
        const params = request.query;
        const isValid = providers.vnpay?.isSignatureValid(params) ?? false;
        const attempt = isValid
          ? await ctx.db.selectFrom('payment_attempts as a').innerJoin('payment_intents as i', 'i.id', 'a.intent_id').select('i.dossier_code').where('a.provider', '=', 'vnpay').where('a.provider_reference', '=', params.vnp_TxnRef ?? '').executeTakeFirst()
          : undefined;
        const outcome = !isValid ? 'invalid' : isVnpaySuccess(params) ? 'success' : 'failed';
        const target = attempt ? `/dossiers/${encodeURIComponent(attempt.dossier_code)}?payment=${outcome}` : `/dossiers/mine?payment=${outcome}`;
        return reply.redirect(target, 303);
      },
    );
  }
}
