/**
 * buildApp(): opens the database, migrates, seeds the demo city when configured, starts the job queue,
 * then registers the core plugins and each module's routes. main.ts only adds listen() and signals.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Config } from './config.ts';
import { auditRoutes } from './core/audit/audit.routes.ts';
import { registerAuthentication } from './core/auth/authenticate.ts';
import type { AppContext } from './core/context.ts';
import { openDatabase, type DatabaseHandle } from './core/db/database.ts';
import { migrateToLatest } from './core/db/migrate.ts';
import { AppError } from './core/errors.ts';
import { createErrorHandler, problemBody, PROBLEM_CONTENT_TYPE } from './core/http/problem.ts';
import type { App } from './core/http/types.ts';
import { validatorCompiler } from './core/http/validation.ts';
import { negotiateLocale } from './core/i18n/locale.ts';
import { startJobQueue, type JobQueue } from './core/jobs/queue.ts';
import { devOutboxRoutes } from './core/messaging/dev-outbox.routes.ts';
import { createDevSender, createSmtpSender, deliverPendingMessages, enqueueMessage, type MessageSender } from './core/messaging/outbox.ts';
import { agenciesRoutes } from './modules/agencies/index.ts';
import { calendarRoutes, ensureShippedHolidays } from './modules/calendar/index.ts';
import { findUserContacts, identityRoutes, resolveSessionToken } from './modules/identity/index.ts';
import { emailPendingNotices, notificationsRoutes } from './modules/notifications/index.ts';
import { documentsRoutes } from './modules/documents/index.ts';
import { open311Routes } from './modules/open311/index.ts';
import { AGGREGATE_OPERATIONS, applyNewEvents, operationsRoutes } from './modules/operations/index.ts';
import { paymentsRoutes, RECONCILE_CRON, RECONCILE_PAYMENTS, reconcileYesterday, SWEEP_PAYMENTS, sweepPayments } from './modules/payments/index.ts';
import { proceduresRoutes } from './modules/procedures/index.ts';
import { reportsRoutes, sweepReports } from './modules/reports/index.ts';
import { seedDemoCity } from './seed/demo-city.ts';

export interface BuildOptions {
  config: Config;
  /** An already open database (tests share one per file); otherwise opened from config. */
  database?: DatabaseHandle;
  /** Start the durable job queue (default true). Tests of plain HTTP behaviour may skip it. */
  jobs?: boolean;
}

export interface BuiltApp {
  app: App;
  handle: DatabaseHandle;
  jobs: JobQueue | null;
  /** Stops accepting requests, finishes in-flight ones, stops the jobs, closes the database. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const DELIVER_MESSAGES = 'messages.deliver';
const SWEEP_REPORTS = 'reports.sweep';
const EMAIL_NOTICES = 'notifications.email';

/** Extensions of files the web build serves; a missing one is a 404, not the web app. */
const WEB_ASSET_EXTENSIONS = new Set([
  '.js', '.mjs', '.css', '.map', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.ico',
  '.woff', '.woff2', '.ttf', '.json', '.txt', '.webmanifest', '.xml', '.pdf',
]);

/**
 * Whether a GET path that matched nothing belongs to the web app's client-side routes. A dot alone does not
 * make a file: procedure codes such as /services/2.000635 are routes; missing assets and API paths are not.
 */
export function isClientRoute(pathname: string): boolean {
  if (pathname.startsWith('/api/') || pathname.startsWith('/open311/') || pathname.startsWith('/assets/')) return false;
  return !WEB_ASSET_EXTENSIONS.has(path.extname(pathname).toLowerCase());
}

/** Builds the whole platform on one database. */
export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config } = options;
  const app: App = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    ajv: { customOptions: { strict: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const handle = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax }));
  const ownsDatabase = options.database === undefined;
  let jobs: JobQueue | null = null;
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');

    const sender: MessageSender =
      config.messages.sender === 'smtp' && config.messages.smtpUrl
        ? createSmtpSender(config.messages.smtpUrl, config.messages.mailFrom)
        : createDevSender(app.log);

    const ctx: AppContext = {
      db: handle.db,
      config,
      log: app.log,
      canSend: (channel) => sender.supports(channel),
      kickMessageDelivery: () => {
        jobs?.send(DELIVER_MESSAGES, {}, { singletonKey: 'sweep', singletonSeconds: 1 }).catch((error: unknown) => app.log.warn({ err: error }, 'could not queue message delivery'));
      },
    };
    app.decorate('ctx', ctx);

    const loadedYears = await ensureShippedHolidays(ctx);
    if (loadedYears.length > 0) app.log.info({ years: loadedYears }, 'holiday calendar loaded');

    if (config.seedDemo) {
      const result = await seedDemoCity(ctx, (phase, done, total) => {
        if (total > 0) app.log.info({ phase, done, total }, `seeding demo city: ${phase} ${done}/${total}`);
      });
      app.log.info(result, 'demo city ready');
    }

    if (options.jobs !== false) {
      jobs = await startJobQueue(handle, config.databaseUrl, (error) => app.log.error({ err: error }, 'job queue error'));
      await jobs.createQueue(DELIVER_MESSAGES);
      await jobs.work(DELIVER_MESSAGES, { pollingIntervalSeconds: 2 }, async () => {
        await deliverPendingMessages(handle.db, sender, app.log);
      });
      // The sweep catches messages whose kick was lost (e.g. a crash right after commit).
      await jobs.schedule(DELIVER_MESSAGES, '* * * * *');
      // Overdue escalation and automatic closing of answered reports, every five minutes.
      await jobs.createQueue(SWEEP_REPORTS);
      await jobs.work(SWEEP_REPORTS, async () => {
        const result = await sweepReports(ctx);
        if (result.escalated + result.closed > 0) app.log.info(result, 'reports swept');
      });
      await jobs.schedule(SWEEP_REPORTS, '*/5 * * * *');
      // Operations: the daily aggregates follow the reports' and dossiers' timelines, every minute.
      await jobs.createQueue(AGGREGATE_OPERATIONS);
      await jobs.work(AGGREGATE_OPERATIONS, async () => {
        const applied = await applyNewEvents(ctx);
        if (applied.reports + applied.dossiers > 0) app.log.info(applied, 'operations aggregates updated');
      });
      await jobs.schedule(AGGREGATE_OPERATIONS, '* * * * *');
      if (config.notifyByEmail) {
        await jobs.createQueue(EMAIL_NOTICES);
        await jobs.work(EMAIL_NOTICES, async () => {
          const sent = await emailPendingNotices(ctx, (ids) => findUserContacts(ctx, ids), enqueueMessage);
          if (sent > 0) ctx.kickMessageDelivery();
        });
        await jobs.schedule(EMAIL_NOTICES, '* * * * *');
      }
      // Payments: expiries, settled dossiers and missing receipts every five minutes; the nightly reconciliation of
      // the day before at 00:30 in the city's time zone.
      await jobs.createQueue(SWEEP_PAYMENTS);
      await jobs.work(SWEEP_PAYMENTS, async () => {
        const result = await sweepPayments(ctx);
        if (result.expired + result.cancelled + result.receipts > 0) app.log.info(result, 'payments swept');
      });
      await jobs.schedule(SWEEP_PAYMENTS, '*/5 * * * *');
      await jobs.createQueue(RECONCILE_PAYMENTS);
      await jobs.work(RECONCILE_PAYMENTS, async () => {
        app.log.info(await reconcileYesterday(ctx), 'payments reconciled');
      });
      await jobs.schedule(RECONCILE_PAYMENTS, RECONCILE_CRON, null, { tz: config.officeHours.timeZone });
    }
  } catch (error) {
    await jobs?.stop({ graceful: false }).catch(() => undefined);
    if (ownsDatabase) await handle.close();
    throw error;
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(createErrorHandler(config.bodyLimitBytes));
  // While shutting down, answers close their connection: a keep-alive client would otherwise hold the
  // server open until its keep-alive timeout after the last in-flight request has been answered.
  let isClosing = false;
  app.addHook('onSend', async (_request, reply, payload) => {
    if (isClosing) reply.header('connection', 'close');
    return payload;
  });
  app.decorateRequest('locale', 'vi');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...config.mapTileOrigins],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => request.url === '/health',
    errorResponseBuilder: (_request, context) =>
      new AppError('http.rate_limited', { params: { retryAfter: Math.ceil(context.ttl / 1000) }, headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OneCity API',
        version: '0.1.0',
        description: 'Open smart-city platform: identity, agencies, audit. Errors are RFC 9457 problem+json, localised by Accept-Language (vi, en).',
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: config.session.cookieName } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  registerAuthentication(app, (token) => resolveSessionToken(app.ctx, token), config.session.cookieName);

  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Object({ status: Type.Literal('unavailable') }) },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(handle.db);
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(identityRoutes);
  await app.register(agenciesRoutes);
  await app.register(calendarRoutes);
  await app.register(reportsRoutes);
  await app.register(open311Routes);
  await app.register(proceduresRoutes);
  await app.register(documentsRoutes);
  await app.register(paymentsRoutes);
  await app.register(notificationsRoutes);
  await app.register(operationsRoutes);
  await app.register(auditRoutes);
  if (config.messages.sender === 'dev' && config.nodeEnv !== 'production') await app.register(devOutboxRoutes);

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: config.webDistDir, prefix: '/', wildcard: true, index: ['index.html'] });
  } else {
    app.log.warn({ webDistDir: config.webDistDir }, 'web app not built: run `npm run build` to serve it');
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // The web app owns every other GET path (client-side routes such as /console or /ioc).
    if (hasWeb && request.method === 'GET' && isClientRoute(pathname)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply
      .code(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problemBody('http.not_found', request.locale ?? 'vi', { params: { path: pathname }, instance: pathname, requestId: request.id }));
  });

  await app.ready();
  return {
    app,
    handle,
    jobs,
    async close() {
      isClosing = true;
      await app.close();
      await jobs?.stop({ graceful: true, timeout: 5000 }).catch((error: unknown) => app.log.warn({ err: error }, 'job queue stop failed'));
      if (ownsDatabase) await handle.close();
    },
  };
}
