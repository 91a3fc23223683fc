import { Type } from 'typebox';
import {
  CancelPaymentIntentRequest,
  CreatePaymentIntentRequest,
  IdParams,
  PaymentAttemptStarted,
  PaymentDay,
  PaymentDiscrepancy,
  PaymentIntent,
  PaymentIntentList,
  PaymentIntentStatusSchema,
  PaymentStatistics,
  Problem,
  ReconciliationItem,
  ReconciliationRun,
  RefundRequest,
  ResolveCreditRequest,
  ResolveDiscrepancyRequest,
  StartPaymentAttemptRequest,
} from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import type { App } from '../../core/http/types.ts';
import { listCredits, resolveCredit } from './payments.bank-feed.ts';
import { getPaymentProviders } from './payments.context.ts';
import { runIdempotent } from './payments.idempotency.ts';
import { listDiscrepancies, resolveDiscrepancy, runReconciliation } from './payments.reconciliation.ts';
import * as intents from './payments.service.ts';
import { exportPaymentsCsv, getPaymentDays, getPaymentStatistics } from './payments.statistics.ts';
import { sandboxRoutes } from './payments.sandbox.routes.ts';
import { webhookRoutes } from './payments.webhooks.routes.ts';

const tags = ['payments'];
const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const IDEMPOTENCY = 'Send Idempotency-Key to make a retry safe: the first answer is replayed, a different request with the same key is a 409.';
const PeriodQuery = Type.Object(
  { agencyCode: Type.String({ minLength: 1, maxLength: 40 }), from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) },
  { additionalProperties: false },
);

/** Cashless payment of fees: intents, attempts, refunds, the reconciliation queue, figures; webhooks; the sandbox. */
export async function paymentsRoutes(app: App): Promise<void> {
  const { ctx } = app;
  // Fails at start on a configuration the module cannot use (e.g. a bank outside the pinned list).
  getPaymentProviders(ctx);
  await app.register(webhookRoutes);
  if (ctx.config.payments.isSandbox && ctx.config.nodeEnv !== 'production') await app.register(sandboxRoutes);

  app.post(
    '/api/v1/payments/intents',
    {
      schema: {
        tags,
        summary: "The open payment intent for a dossier's fees (201 created, 200 the one already open). " + IDEMPOTENCY,
        body: CreatePaymentIntentRequest,
        response: { 200: PaymentIntent, 201: PaymentIntent, ...Errors },
      },
    },
    async (request, reply) =>
      runIdempotent(ctx, request, reply, async () => {
        const { intent, isNew } = await intents.createIntent(ctx, auditContextOf(request), request.actor, request.body.dossierCode);
        return { status: isNew ? 201 : 200, body: intent };
      }),
  );

  app.get(
    '/api/v1/payments/intents',
    {
      schema: {
        tags,
        summary: "Payment intents: a citizen's own; staff's for dossiers at their agencies (or one agency's subtree)",
        querystring: Type.Object(
          {
            agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            dossierCode: Type.Optional(Type.String({ maxLength: 60 })),
            reference: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,19}$' })),
            status: Type.Optional(PaymentIntentStatusSchema),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: PaymentIntentList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => intents.listIntents(ctx, request.actor, request.query),
  );

  app.get(
    '/api/v1/payments/intents/:id',
    { schema: { tags, summary: 'One payment intent (poll it to see the payment confirmed)', params: IdParams, response: { 200: PaymentIntent, 401: Problem, 404: Problem } } },
    async (request) => intents.getIntent(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/v1/payments/intents/:id/vietqr.txt',
    { schema: { tags, summary: 'The VietQR (EMVCo) payload of an open intent', params: IdParams } },
    async (request, reply) => reply.header('cache-control', 'private, no-store').type('text/plain; charset=utf-8').send(await intents.getVietQrPayload(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/api/v1/payments/intents/:id/vietqr.png',
    { schema: { tags, summary: 'The VietQR code of an open intent, to scan with any banking app', params: IdParams } },
    async (request, reply) => reply.header('cache-control', 'private, no-store').type('image/png').send(await intents.getVietQrPng(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/v1/payments/intents/:id/attempts',
    {
      schema: {
        tags,
        summary: 'Pay through the card and wallet gateway: answers the URL to send the browser to. ' + IDEMPOTENCY,
        params: IdParams,
        body: StartPaymentAttemptRequest,
        response: { 201: PaymentAttemptStarted, ...Errors },
      },
    },
    async (request, reply) => runIdempotent(ctx, request, reply, async () => ({ status: 201, body: await intents.startAttempt(ctx, auditContextOf(request), request.actor, request.params.id, request.body, request.ip) })),
  );

  app.post(
    '/api/v1/payments/intents/:id/cancel',
    { schema: { tags, summary: 'Cancel an open intent (its owner or the desk). ' + IDEMPOTENCY, params: IdParams, body: CancelPaymentIntentRequest, response: { 200: PaymentIntent, ...Errors } } },
    async (request, reply) => runIdempotent(ctx, request, reply, async () => ({ status: 200, body: await intents.cancelIntent(ctx, auditContextOf(request), request.actor, request.params.id, request.body) })),
  );

  app.post(
    '/api/v1/payments/intents/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Refund part or all of a payment, with a reason (unit leads of the agency, admins); never more than was paid. ' + IDEMPOTENCY,
        params: IdParams,
        body: RefundRequest,
        response: { 201: PaymentIntent, ...Errors },
      },
    },
    async (request, reply) => runIdempotent(ctx, request, reply, async () => ({ status: 201, body: await intents.refundIntent(ctx, auditContextOf(request), request.actor, request.params.id, request.body) })),
  );

  app.get(
    '/api/v1/payments/reconciliation',
    {
      schema: {
        tags,
        summary: 'Bank credits: the queue of those that matched no intent (open), resolved ones, or matched ones',
        querystring: Type.Object(
          { status: Type.Enum(['open', 'resolved', 'matched'], { default: 'open' }), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReconciliationItem) }), 401: Problem, 403: Problem },
      },
    },
    async (request) => listCredits(ctx, request.actor, request.query),
  );

  app.post(
    '/api/v1/payments/reconciliation/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a queued credit: link it to an intent (applied as a payment) or mark it as not ours. ' + IDEMPOTENCY,
        params: IdParams,
        body: ResolveCreditRequest,
        response: { 200: Type.Object({ status: Type.String(), intentId: Type.Union([Type.String(), Type.Null()]) }), ...Errors },
      },
    },
    async (request, reply) => runIdempotent(ctx, request, reply, async () => ({ status: 200, body: await resolveCredit(ctx, auditContextOf(request), request.actor, request.params.id, request.body) })),
  );

  app.post(
    '/api/v1/payments/reconciliation/run',
    {
      schema: {
        tags,
        summary: 'Run the daily reconciliation for a day now (admins; it also runs every night for the day before)',
        body: Type.Object({ day: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
        response: { 200: ReconciliationRun, ...Errors },
      },
    },
    async (request) => runReconciliation(ctx, auditContextOf(request), request.actor, request.body.day),
  );

  app.get(
    '/api/v1/payments/discrepancies',
    {
      schema: {
        tags,
        summary: 'Differences the reconciliation found between providers, intents and dossiers: open ones (default) or resolved ones',
        querystring: Type.Object({ status: Type.Enum(['open', 'resolved'], { default: 'open' }), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PaymentDiscrepancy) }), 401: Problem, 403: Problem },
      },
    },
    async (request) => listDiscrepancies(ctx, request.actor, request.query.status, request.query.limit),
  );

  app.post(
    '/api/v1/payments/discrepancies/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Close a discrepancy: refunded, corrected or not an error, with a note (staff who resolve bank credits, over the payment’s agency). ' + IDEMPOTENCY,
        params: IdParams,
        body: ResolveDiscrepancyRequest,
        response: { 200: PaymentDiscrepancy, ...Errors },
      },
    },
    async (request, reply) => runIdempotent(ctx, request, reply, async () => ({ status: 200, body: await resolveDiscrepancy(ctx, auditContextOf(request), request.actor, request.params.id, request.body) })),
  );

  app.get(
    '/api/v1/payments/statistics',
    { schema: { tags, summary: 'Decision 766 online-payment indicators with numerators and denominators', querystring: PeriodQuery, response: { 200: PaymentStatistics, 400: Problem, 401: Problem, 403: Problem } } },
    async (request) => getPaymentStatistics(ctx, request.actor, request.query.agencyCode, request.query.from, request.query.to),
  );

  app.get(
    '/api/v1/payments/daily',
    { schema: { tags, summary: 'Payments collected per day (count, amount, refunds, by provider)', querystring: PeriodQuery, response: { 200: Type.Object({ items: Type.Array(PaymentDay) }), 400: Problem, 401: Problem, 403: Problem } } },
    async (request) => getPaymentDays(ctx, request.actor, request.query.agencyCode, request.query.from, request.query.to),
  );

  app.get(
    '/api/v1/payments/export.csv',
    { schema: { tags, summary: 'Payments and refunds as a bank statement: date, reference, amount, description, bank reference', querystring: PeriodQuery } },
    async (request, reply) => {
      const csv = await exportPaymentsCsv(ctx, request.actor, request.query.agencyCode, request.query.from, request.query.to);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="thanh-toan-${request.query.agencyCode}-${request.query.from}-${request.query.to}.csv"`)
        .send(csv);
    },
  );
}
