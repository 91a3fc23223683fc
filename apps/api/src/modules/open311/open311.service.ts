/**
 * Open311 GeoReport v2 use cases: discovery, services, filing and reading service requests, tokens, mySociety's
 * servicerequestupdates, and the admins' API keys. A request is filed through the reports module's
 * submitReport, acting as the client's service user on the 'open311' channel; reads go through the reports
 * module's public queries, so Open311 shows exactly what the public pages show and never the reporter.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SubmitReportRequest, type IssueOpen311ClientRequest } from '@onecity/contracts';
import type { FastifySchema } from 'fastify';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireRole, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { validatorCompiler, describeValidationErrors, type AjvErrorLike } from '../../core/http/validation.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { createServiceAccount } from '../identity/index.ts';
import { reportQueries, submitReport } from '../reports/index.ts';
import { presentClient, type RequestView, type UpdateView } from './open311.presenter.ts';
import * as repository from './open311.repository.ts';
import { formatW3cDateTime } from './workflow/dates.ts';
import { offsetOf, parseRequestsQuery, parseUpdatesQuery } from './workflow/list-queries.ts';
import type { Parameters } from './workflow/parameters.ts';
import { open311FieldName, parseServiceRequestForm, toSubmitReportRequest } from './workflow/request-form.ts';
import { toServiceAttributes, toServiceSummary } from './workflow/services.ts';
import { describeEvent, noteTypeOf, toExtendedStatus, type DescribeContext } from './workflow/timeline.ts';
import { parseUpdateForm } from './workflow/update-form.ts';

/** The published key of the demo client (only seeded with SEED_DEMO, which production refuses). */
export const DEMO_API_KEY = 'demo-open311-key';
const DEMO_CLIENT = { name: 'Ứng dụng tích hợp mẫu (demo)', contact: 'Demo, admin@demo.onecity.local', email: 'open311.demo@demo.onecity.local' };
const SEED_AUDIT: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'seed:demo-city' };

/** The facts of one HTTP call that use cases need: the language of the answer and what the audit trail records. */
export interface Open311Call {
  locale: Locale;
  ip: string;
  requestId: string;
}

// ---------------------------------------------------------------- clients and jurisdiction

function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

function firstValue(parameters: Parameters, name: string): string | undefined {
  return parameters[name]?.map((value) => value.trim()).find((value) => value !== '');
}

/** The active client holding this key; throws open311.invalid_api_key (403) when it is missing, unknown or revoked. */
async function authenticateClient(ctx: AppContext, apiKey: string | undefined): Promise<repository.ClientRow> {
  if (!apiKey || apiKey.length > 200) throw new AppError('open311.invalid_api_key');
  const client = await repository.findActiveClientByKeyHash(ctx.db, hashApiKey(apiKey));
  if (!client) throw new AppError('open311.invalid_api_key');
  return client;
}

/** Accepts no jurisdiction_id (one city per server) or this city's; any other is unknown (404, per the spec). */
export function checkJurisdiction(ctx: AppContext, parameters: Parameters): void {
  const given = firstValue(parameters, 'jurisdiction_id');
  const expected = ctx.config.open311.jurisdictionId;
  if (given !== undefined && given.toLowerCase() !== expected.toLowerCase()) {
    throw new AppError('open311.unknown_jurisdiction', { params: { jurisdiction: given.slice(0, 100), expected }, fields: [{ field: 'jurisdiction_id', message: 'unknown' }] });
  }
}

/** The client acts as its service user, a verified citizen without a session. */
function serviceActor(client: repository.ClientRow): Actor {
  return { userId: client.service_user_id, sessionId: '', via: 'bearer', csrfToken: '', grants: [{ role: 'citizen', agencyId: null, agencyPath: null }] };
}

function clientAudit(client: repository.ClientRow, call: Open311Call): AuditContext {
  return { actorId: client.service_user_id, actorRole: 'open311_client', ip: call.ip, requestId: call.requestId };
}

// ---------------------------------------------------------------- discovery and services

const KEY_SERVICE: Record<Locale, string> = {
  vi: 'API key do quản trị viên thành phố cấp (POST /api/v1/open311/clients); liên hệ theo địa chỉ ở trên. Yêu cầu gửi lên phải có lat và long: chỉ có địa chỉ (address_string) thì không phân công được nên bị từ chối.',
  en: "API keys are issued by the city's administrators (POST /api/v1/open311/clients); ask through the contact above. Requests must carry lat and long: an address_string alone cannot be routed to a ward and is refused.",
};

/** The service discovery document's facts; its changeset moves whenever a category (a service) changes. */
export async function describeDiscovery(ctx: AppContext, locale: Locale) {
  const latest = (await reportQueries.findLatestCategoryChange(ctx)) ?? new Date(0);
  return {
    // UTC with milliseconds: sorts as text, and two edits within one second still move it.
    changeset: latest.toISOString(),
    contact: ctx.config.open311.contact,
    keyService: KEY_SERVICE[locale],
    url: `${ctx.config.publicUrl}/open311/v2`,
  };
}

/** Every active category as a service. */
export async function listServices(ctx: AppContext, locale: Locale) {
  return (await reportQueries.listActiveCategoryRecords(ctx)).map((category) => toServiceSummary(category, locale));
}

/** A service's attributes; throws reports.category_not_found (404) for an unknown or inactive code. */
export async function getServiceDefinition(ctx: AppContext, serviceCode: string, locale: Locale) {
  const category = await reportQueries.getActiveCategoryRecord(ctx, serviceCode);
  return { serviceCode: category.code, attributes: toServiceAttributes(category.questions, locale) };
}

// ---------------------------------------------------------------- filing a request

const validateSubmitReport = validatorCompiler({ schema: SubmitReportRequest as FastifySchema, httpPart: 'body', method: 'POST', url: '/open311/v2/requests' });

/** Checks the report against the reports module's own request schema, naming any problem by its Open311 parameter. */
function checkReportRequest(input: SubmitReportRequest): void {
  const result = validateSubmitReport(input) as { error?: { validation?: AjvErrorLike[] } };
  if (!result.error) return;
  const fields = describeValidationErrors(result.error.validation ?? [], 'body', 'en').map((problem) => ({ ...problem, field: open311FieldName(problem.field) }));
  throw new AppError('open311.invalid_parameter', { fields });
}

/**
 * Files a service request: the key, the jurisdiction and every parameter are checked first; the report is then
 * submitted (routed, given its deadline, audited) and the token, the reporter's contact and the media URL are
 * stored beside it. The reporter's contact is kept for the city's staff and shown by no public endpoint.
 */
export async function submitServiceRequest(ctx: AppContext, call: Open311Call, parameters: Parameters) {
  const client = await authenticateClient(ctx, firstValue(parameters, 'api_key'));
  checkJurisdiction(ctx, parameters);
  const form = parseServiceRequestForm(parameters);
  const category = await reportQueries.getActiveCategoryRecord(ctx, form.serviceCode);
  if (category.isPhotoRequired) {
    throw new AppError('open311.photo_unsupported', { params: { service: category.code }, fields: [{ field: 'media_url', message: 'an uploaded photo is required' }] });
  }
  const input = toSubmitReportRequest(form);
  checkReportRequest(input);
  const audit = clientAudit(client, call);
  // The token is written in the report's own transaction: a client never gets an error for a request that was
  // filed (which its retry would file twice), nor a token for a request that was not.
  const token = randomUUID();
  const report = await submitReport(ctx, audit, serviceActor(client), input, {
    channel: 'open311',
    alongside: async (trx, filed) => {
      await repository.insertRequest(trx, {
        report_id: filed.id,
        report_code: filed.code,
        client_id: client.id,
        token,
        contact: JSON.stringify(form.contact),
        media_url: form.mediaUrl ?? null,
      });
      await recordAudit(trx, audit, {
        action: 'open311_request.create',
        targetType: 'report',
        targetId: filed.id,
        after: { code: filed.code, clientId: client.id, contactFields: Object.keys(form.contact).sort(), hasMediaUrl: form.mediaUrl !== undefined },
      });
    },
  });
  return {
    serviceRequestId: report.code,
    token,
    serviceNotice: call.locale === 'vi' ? report.routing.explanationVi : report.routing.explanationEn,
    accountId: form.contact.accountId ?? null,
  };
}

// ---------------------------------------------------------------- reading requests

function describeContext(ctx: AppContext, locale: Locale, directory: Awaited<ReturnType<typeof getAgencyDirectory>>): DescribeContext {
  return {
    locale,
    unitName: (codeOrId) => {
      const unit = directory.byCode.get(codeOrId) ?? directory.byId.get(codeOrId);
      return unit ? (locale === 'vi' ? unit.nameVi : unit.nameEn) : undefined;
    },
    formatInstant: (iso) => formatW3cDateTime(new Date(iso), ctx.config.officeHours.timeZone),
  };
}

async function toRequestViews(ctx: AppContext, records: reportQueries.PublicReportRecord[], options: { withExtensions: boolean; locale: Locale }): Promise<RequestView[]> {
  const ids = records.map((record) => record.id);
  const [mediaUrls, photoPaths, timelines, directory] = await Promise.all([
    repository.findMediaUrls(ctx.db, ids),
    reportQueries.findPublishedPhotoPaths(ctx, ids),
    options.withExtensions ? reportQueries.listPublicTimelines(ctx, ids) : Promise.resolve(new Map<string, reportQueries.PublicReportEvent[]>()),
    getAgencyDirectory(ctx),
  ]);
  const describe = describeContext(ctx, options.locale, directory);
  return records.map((record) => ({
    report: record,
    open311Status: reportQueries.toOpen311Status(record.status),
    // The link a client sent with the request, else the report's first published photo (never an unreviewed one).
    mediaUrl: mediaUrls.get(record.id) ?? (photoPaths.has(record.id) ? `${ctx.config.publicUrl}${photoPaths.get(record.id)}` : null),
    notes: options.withExtensions
      ? (timelines.get(record.id) ?? []).map((event) => ({ at: event.at, description: describeEvent(event, describe), type: noteTypeOf(event.type) }))
      : undefined,
  }));
}

/** Public requests by the spec's filters (service_request_id overrides the others), newest first, one page. */
export async function listServiceRequests(ctx: AppContext, call: Open311Call, parameters: Parameters): Promise<RequestView[]> {
  checkJurisdiction(ctx, parameters);
  const query = parseRequestsQuery(parameters, new Date());
  const statuses = query.statuses
    ? reportQueries.REPORT_STATUSES.filter((status) => query.statuses?.includes(reportQueries.toOpen311Status(status)))
    : undefined;
  const records = await reportQueries.queryPublicReports(ctx, {
    codes: query.ids,
    categoryCodes: query.serviceCodes,
    statuses,
    createdFrom: query.from,
    createdTo: query.to,
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  return toRequestViews(ctx, records, { withExtensions: query.withExtensions, locale: call.locale });
}

/** One public request; throws open311.request_not_found (404) for an unknown or non-public id. */
export async function getServiceRequest(ctx: AppContext, call: Open311Call, serviceRequestId: string, parameters: Parameters): Promise<RequestView[]> {
  checkJurisdiction(ctx, parameters);
  const withExtensions = ['true', '1'].includes(firstValue(parameters, 'extensions')?.toLowerCase() ?? '');
  const records = serviceRequestId.length <= 40 ? await reportQueries.queryPublicReports(ctx, { codes: [serviceRequestId], limit: 1, offset: 0 }) : [];
  if (records.length === 0) throw new AppError('open311.request_not_found', { params: { id: serviceRequestId.slice(0, 40) } });
  return toRequestViews(ctx, records, { withExtensions, locale: call.locale });
}

/** The request a token stands for; throws open311.token_not_found (404). */
export async function getToken(ctx: AppContext, parameters: Parameters, token: string) {
  checkJurisdiction(ctx, parameters);
  const row = token.length <= 100 ? await repository.findRequestByToken(ctx.db, token) : undefined;
  if (!row) throw new AppError('open311.token_not_found', { params: { token: token.slice(0, 100) } });
  return { serviceRequestId: row.report_code, token: row.token };
}

// ---------------------------------------------------------------- mySociety servicerequestupdates

/** The public timeline events of public reports in a window of at most 90 days, oldest first, one page. */
export async function listServiceRequestUpdates(ctx: AppContext, call: Open311Call, parameters: Parameters): Promise<UpdateView[]> {
  checkJurisdiction(ctx, parameters);
  const query = parseUpdatesQuery(parameters, new Date());
  const [events, directory] = await Promise.all([
    reportQueries.listPublicReportEvents(ctx, { from: query.from, to: query.to, limit: query.pageSize, offset: offsetOf(query) }),
    getAgencyDirectory(ctx),
  ]);
  const describe = describeContext(ctx, call.locale, directory);
  return events.map((event) => ({
    updateId: String(event.id),
    serviceRequestId: event.reportCode,
    status: toExtendedStatus(event),
    at: event.at,
    description: describeEvent(event, describe),
  }));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Records a client's update on a request as an internal comment on the report's timeline (the status it states
 * is kept, never applied), audited. The same update_id_ext posted again answers the first update_id.
 */
export async function receiveServiceRequestUpdate(ctx: AppContext, call: Open311Call, parameters: Parameters): Promise<{ updateId: string }> {
  const client = await authenticateClient(ctx, firstValue(parameters, 'api_key'));
  checkJurisdiction(ctx, parameters);
  const form = parseUpdateForm(parameters);
  const report = await reportQueries.findReportSummary(ctx, form.serviceRequestId);
  if (!report || !(report.isPublic || (await repository.isFiledByClient(ctx.db, report.id, client.id)))) {
    throw new AppError('open311.request_not_found', { params: { id: form.serviceRequestId } });
  }
  if (form.serviceCode !== undefined && form.serviceCode !== report.categoryCode) {
    throw new AppError('open311.invalid_parameter', { fields: [{ field: 'service_code', message: `is not the service of ${report.code}` }] });
  }
  const repeated = async () => {
    const earlier = form.externalId ? await repository.findUpdateByExternalId(ctx.db, client.id, form.externalId) : undefined;
    if (!earlier) return undefined;
    if (earlier.report_id !== report.id) {
      throw new AppError('open311.invalid_parameter', { fields: [{ field: 'update_id_ext', message: 'was already used for another service request' }] });
    }
    return { updateId: String(earlier.event_id) };
  };
  const earlier = await repeated();
  if (earlier) return earlier;

  const audit = clientAudit(client, call);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const eventId = await reportQueries.recordExternalComment(trx, {
        reportId: report.id,
        actorId: client.service_user_id,
        text: form.description,
        details: { source: 'open311', clientId: client.id, statedStatus: form.status ?? null, updateIdExt: form.externalId ?? null },
        at: new Date(),
      });
      await repository.insertUpdate(trx, {
        report_id: report.id,
        client_id: client.id,
        event_id: eventId,
        update_id_ext: form.externalId ?? null,
        status: form.status ?? null,
        contact: JSON.stringify(form.contact),
        media_url: form.mediaUrl ?? null,
        stated_at: form.statedAt ?? null,
      });
      await recordAudit(trx, audit, {
        action: 'open311_update.receive',
        targetType: 'report',
        targetId: report.id,
        after: { code: report.code, eventId, clientId: client.id, statedStatus: form.status ?? null, updateIdExt: form.externalId ?? null },
      });
      return { updateId: String(eventId) };
    });
  } catch (error) {
    // Two posts of the same update raced: the loser answers with the winner's id.
    if (isUniqueViolation(error)) {
      const winner = await repeated();
      if (winner) return winner;
    }
    throw error;
  }
}

// ---------------------------------------------------------------- API keys (admins)

/** Issues an API key for a new client with its own service user (admins); the key is returned once, never stored. */
export async function issueClient(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: IssueOpen311ClientRequest) {
  requireRole(actor, ['admin']);
  const apiKey = `oc311_${randomBytes(24).toString('base64url')}`;
  const name = input.name.normalize('NFC').trim();
  const contact = input.contact.normalize('NFC').trim();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { userId } = await createServiceAccount(ctx, trx, audit, { fullName: name, email: `open311.${randomBytes(6).toString('hex')}@service.onecity.local` });
    const client = await repository.insertClient(trx, { name, contact, api_key_hash: hashApiKey(apiKey), key_hint: apiKey.slice(-4), service_user_id: userId });
    await recordAudit(trx, audit, { action: 'open311_client.create', targetType: 'open311_client', targetId: client.id, after: presentClient(client) });
    return client;
  });
  return { ...presentClient(row), apiKey };
}

/** Lists the clients (admins). */
export async function listClients(ctx: AppContext, actor: Actor | null) {
  requireRole(actor, ['admin']);
  return (await repository.listClients(ctx.db)).map(presentClient);
}

/** Revokes a client's key at once (admins); revoking a revoked key changes nothing. */
export async function revokeClient(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string) {
  requireRole(actor, ['admin']);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repository.findClientById(trx, id, { forUpdate: true });
    if (!before) throw new AppError('open311.client_not_found', { params: { id } });
    if (!before.is_active) return presentClient(before);
    const after = await repository.revokeClient(trx, id, new Date());
    await recordAudit(trx, audit, { action: 'open311_client.revoke', targetType: 'open311_client', targetId: id, before: presentClient(before), after: presentClient(after) });
    return presentClient(after);
  });
}

/** Creates the demo client with the published key `demo-open311-key` and its service user, unless it exists (demo seed). */
export async function ensureDemoOpen311Client(ctx: AppContext): Promise<{ created: boolean }> {
  const keyHash = hashApiKey(DEMO_API_KEY);
  if (await repository.findClientByKeyHash(ctx.db, keyHash)) return { created: false };
  await ctx.db.transaction().execute(async (trx) => {
    const { userId } = await createServiceAccount(ctx, trx, SEED_AUDIT, { fullName: DEMO_CLIENT.name, email: DEMO_CLIENT.email });
    const client = await repository.insertClient(trx, { name: DEMO_CLIENT.name, contact: DEMO_CLIENT.contact, api_key_hash: keyHash, key_hint: DEMO_API_KEY.slice(-4), service_user_id: userId });
    await recordAudit(trx, SEED_AUDIT, { action: 'open311_client.create', targetType: 'open311_client', targetId: client.id, after: presentClient(client) });
  });
  return { created: true };
}
