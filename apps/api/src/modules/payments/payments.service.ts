/**
 * Payment intents: created for a dossier's fees (one open intent per dossier), read by its owner and the staff
 * handling it, paid with a QR code or through the gateway (an attempt), cancelled, refunded. Every status or amount
 * change goes through workflow/intent-machine.ts under the intent's row lock, with an event and an audit row.
 */
import type { CancelPaymentIntentRequest, PaymentAttemptStarted, PaymentIntent, PaymentIntentStatus, RefundRequest, StartPaymentAttemptRequest } from '@onecity/contracts';
import { sql, type Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError, type MessageParam } from '../../core/errors.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { addDays, localIso } from '../calendar/index.ts';
import { findUserContacts } from '../identity/index.ts';
import { findDossierForPayment, type DossierForPayment } from '../procedures/index.ts';
import { stateOf } from './payments.confirmation.ts';
import { getPaymentProviders, intentInAgencyScope, loadIntentScope, resolveAgencyPaymentScope } from './payments.context.ts';
import { canPayIntent, canRefundIntent, canSeeIntent } from './payments.policy.ts';
import { presentIntent } from './payments.presenter.ts';
import { findIntent, findOpenIntent, listRefunds, lockIntent, recordPaymentEvent, type IntentRow } from './payments.repository.ts';
import { applyIntentEvent, IntentRuleError, isOpen, refundableAmount, type IntentEvent } from './workflow/intent-machine.ts';
import { newReference, toAscii } from './workflow/reference.ts';

const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'payments:expiry' };
const STAFF = ['officer', 'unit_lead', 'desk_officer'] as const;
/** Gateway attempts get a short window of their own; the intent (and its QR code) lives longer. */
const GATEWAY_ATTEMPT_MINUTES = 15;

const ACTION_TEXT: Record<IntentEvent['type'], MessageParam> = {
  begin_attempt: { vi: 'bắt đầu thanh toán', en: 'start a payment' },
  attempt_failed: { vi: 'ghi nhận thanh toán không thành công', en: 'record a failed payment' },
  confirm: { vi: 'ghi nhận tiền', en: 'apply money' },
  fail: { vi: 'đánh dấu thất bại', en: 'mark as failed' },
  cancel: { vi: 'hủy', en: 'cancel' },
  expire: { vi: 'cho hết hạn', en: 'expire' },
  refund: { vi: 'hoàn tiền', en: 'refund' },
};

/** The state machine's verdict as an AppError (services never leak IntentRuleError). */
export function ruleToAppError(error: unknown, event: IntentEvent, row: IntentRow): never {
  if (!(error instanceof IntentRuleError)) throw error;
  switch (error.code) {
    case 'payments.amount_mismatch':
      throw new AppError('payments.amount_mismatch', { params: { amount: 'amount' in event ? event.amount : 0, expected: row.amount } });
    case 'payments.refund_too_large':
      throw new AppError('payments.refund_too_large', { params: { amount: 'amount' in event ? event.amount : 0, refundable: refundableAmount(stateOf(row)) } });
    case 'payments.invalid_transition':
      throw new AppError('payments.invalid_transition', { params: { action: ACTION_TEXT[event.type], status: row.status } });
    default:
      throw new AppError(error.code);
  }
}

/** Applies an event to a locked row and writes the new state, its event and its audit row (inside `trx`). */
async function transition(
  trx: Transaction<DB>,
  audit: AuditContext,
  row: IntentRow,
  event: IntentEvent,
  extra: { actorId: string | null; closeReason?: string | null; data?: Record<string, unknown> },
): Promise<IntentRow> {
  let next;
  try {
    next = applyIntentEvent(stateOf(row), event);
  } catch (error) {
    ruleToAppError(error, event, row);
  }
  const now = new Date();
  const closes = next.status === 'cancelled' || next.status === 'expired' || next.status === 'failed';
  const updated = await trx
    .updateTable('payment_intents')
    .set({ status: next.status, amount_received: next.amountReceived, amount_refunded: next.amountRefunded, updated_at: now, ...(closes ? { closed_at: now, close_reason: extra.closeReason ?? null } : {}) })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordPaymentEvent(trx, { intentId: row.id, kind: 'transition', from: row.status, to: next.status, amount: 'amount' in event ? event.amount : null, data: { event: event.type, ...(extra.data ?? {}) }, actorId: extra.actorId });
  await recordAudit(trx, audit, {
    action: `payment.${event.type}`,
    targetType: 'payment_intent',
    targetId: row.id,
    before: { status: row.status, amountRefunded: row.amount_refunded },
    after: { status: next.status, amountRefunded: next.amountRefunded, ...(extra.closeReason ? { reason: extra.closeReason } : {}), ...(extra.data ?? {}) },
  });
  return updated;
}

/** Moves an open intent past its expiry to "expired" (then it takes no new attempt and shows no QR code). */
export async function expireIfDue(ctx: AppContext, row: IntentRow, now: Date = new Date()): Promise<IntentRow> {
  if (!isOpen(row.status) || row.expires_at.getTime() > now.getTime()) return row;
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockIntent(trx, row.id);
    if (!locked || !isOpen(locked.status) || locked.expires_at.getTime() > now.getTime()) return locked ?? row;
    return transition(trx, SYSTEM, locked, { type: 'expire' }, { actorId: null, closeReason: 'expired' });
  });
}

/** The intent as its reader may see it: 404 for anyone else (no hint that it exists). */
async function loadVisible(ctx: AppContext, actor: Actor | null, id: string): Promise<IntentRow> {
  const row = await findIntent(ctx.db, id);
  if (!row || !canSeeIntent(actor, await loadIntentScope(ctx, row))) throw new AppError('payments.not_found');
  return row;
}

/** Presents intents with their agencies, refunds and the names of who refunded. */
async function present(ctx: AppContext, rows: IntentRow[]): Promise<PaymentIntent[]> {
  const providers = getPaymentProviders(ctx);
  const directory = await getAgencyDirectory(ctx);
  const refunds = await listRefunds(ctx.db, rows.map((row) => row.id));
  const contacts = await findUserContacts(ctx, [...new Set(refunds.map((refund) => refund.created_by))]);
  const names = new Map([...contacts].map(([id, contact]) => [id, contact.fullName]));
  return rows.map((row) => {
    const agency = directory.byId.get(row.agency_id);
    if (!agency) throw new Error(`agency ${row.agency_id} missing from the directory`);
    return presentIntent(
      row,
      agency,
      providers,
      refunds.filter((refund) => refund.intent_id === row.id),
      names,
    );
  });
}

async function presentOne(ctx: AppContext, row: IntentRow): Promise<PaymentIntent> {
  return (await present(ctx, [row]))[0] as PaymentIntent;
}

// ---------------------------------------------------------------- creation

/**
 * The open intent for a dossier's fees, created when there is none: idempotent per dossier (one open intent, enforced
 * by a partial unique index). For the dossier's owner or an officer of its one-stop desk, while it is in "fee due".
 */
export async function createIntent(ctx: AppContext, audit: AuditContext, actor: Actor | null, dossierCode: string): Promise<{ intent: PaymentIntent; isNew: boolean }> {
  const caller = requireActor(actor);
  const providers = getPaymentProviders(ctx);
  const dossier = await findDossierForPayment(ctx, dossierCode);
  if (!dossier) throw new AppError('dossiers.not_found', { params: { code: dossierCode } });
  const directory = await getAgencyDirectory(ctx);
  const scope = { ownerUserId: dossier.ownerUserId, agencyPath: directory.byId.get(dossier.agencyId)?.path ?? '-', deskPath: directory.byId.get(dossier.deskAgencyId)?.path ?? '-' };
  if (!canSeeIntent(caller, scope)) throw new AppError('dossiers.not_found', { params: { code: dossierCode } });
  if (!canPayIntent(caller, scope)) throw new AppError('auth.forbidden');
  if (providers.offered.length === 0) throw new AppError('payments.not_offered');

  return openIntentFor(ctx, audit, dossier, caller.userId);
}

/** The open intent of a dossier in "fee due", created when there is none (no policy: callers check who asks). */
export async function openIntentFor(ctx: AppContext, audit: AuditContext, dossier: DossierForPayment, createdBy: string | null): Promise<{ intent: PaymentIntent; isNew: boolean }> {
  const providers = getPaymentProviders(ctx);
  const dossierCode = dossier.code;
  const existing = await findOpenIntent(ctx.db, dossierCode);
  if (existing) {
    const current = await expireIfDue(ctx, existing);
    if (isOpen(current.status)) return { intent: await presentOne(ctx, current), isNew: false };
  }
  const items = dossier.fees.filter((fee) => fee.amount > 0).map((fee) => ({ code: fee.code, nameVi: fee.nameVi, nameEn: fee.nameEn, amount: fee.amount }));
  const amount = items.reduce((sum, item) => sum + item.amount, 0);
  if (dossier.status !== 'fee_due' || dossier.feePaidAt !== null || amount <= 0) throw new AppError('payments.dossier_not_payable', { params: { code: dossierCode } });
  if (amount !== dossier.feeTotal) throw new Error(`dossier ${dossierCode}: itemised fees ${amount} differ from the fee total ${dossier.feeTotal}`);

  const now = new Date();
  const reference = newReference(ctx.config.payments.referencePrefix);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('payment_intents')
      .values({
        reference,
        dossier_code: dossierCode,
        procedure_code: dossier.procedureCode,
        owner_user_id: dossier.ownerUserId,
        agency_id: dossier.agencyId,
        desk_agency_id: dossier.deskAgencyId,
        amount,
        items: JSON.stringify(items),
        description: toAscii(`Le phi ho so ${dossierCode}`),
        status: 'requires_payment',
        expires_at: new Date(now.getTime() + ctx.config.payments.intentTtlMinutes * 60_000),
        created_by: createdBy,
      })
      // Two first requests at once: the second finds the first's intent (partial unique index on open intents).
      .onConflict((conflict) => conflict.column('dossier_code').where('status', 'in', ['requires_payment', 'processing']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    if (providers.vietqr) {
      // The QR code is an attempt of its own: the transfer it invites is matched on the intent's reference.
      await trx.insertInto('payment_attempts').values({ intent_id: row.id, provider: 'vietqr', provider_reference: row.reference, amount, status: 'pending', created_by: createdBy }).execute();
    }
    await recordPaymentEvent(trx, { intentId: row.id, kind: 'transition', from: null, to: 'requires_payment', amount, actorId: createdBy, data: { event: 'create' } });
    await recordAudit(trx, audit, { action: 'payment.create', targetType: 'payment_intent', targetId: row.id, after: { dossierCode, reference: row.reference, amount, items: items.map((item) => `${item.code}:${item.amount}`) } });
    return row;
  });
  if (!created) {
    const winner = await findOpenIntent(ctx.db, dossierCode);
    if (!winner) throw new Error(`open intent of ${dossierCode} vanished`);
    return { intent: await presentOne(ctx, winner), isNew: false };
  }
  return { intent: await presentOne(ctx, created), isNew: true };
}

// ---------------------------------------------------------------- reads

/** One intent for its owner or the staff of its dossier's agencies. */
export async function getIntent(ctx: AppContext, actor: Actor | null, id: string): Promise<PaymentIntent> {
  requireActor(actor);
  const row = await expireIfDue(ctx, await loadVisible(ctx, actor, id));
  return presentOne(ctx, row);
}

export interface IntentFilter {
  agencyCode?: string;
  dossierCode?: string;
  reference?: string;
  status?: PaymentIntentStatus;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Agencies inside the subtrees where the actor holds one of the roles. */
function agencyIdsInScope(actor: Actor, directory: Awaited<ReturnType<typeof getAgencyDirectory>>, roles: readonly string[]): string[] {
  const scopes = actor.grants.filter((grant) => roles.includes(grant.role) && grant.agencyPath !== null).map((grant) => grant.agencyPath as string);
  const within = (path: string, scope: string) => path === scope || path.startsWith(`${scope}.`);
  return [...directory.byId.values()].filter((agency) => scopes.some((scope) => within(agency.path, scope))).map((agency) => agency.id);
}

/** Intents: a citizen's own; for staff those of dossiers at their agencies (or one agency's subtree, `resolveAgencyPaymentScope`), newest first. */
export async function listIntents(ctx: AppContext, actor: Actor | null, filter: IntentFilter) {
  const caller = requireActor(actor);
  const directory = await getAgencyDirectory(ctx);
  const seesAll = hasRole(caller, ['auditor', 'admin']);
  const isStaff = hasRole(caller, STAFF);
  let query = ctx.db.selectFrom('payment_intents');
  const none = ['00000000-0000-0000-0000-000000000000'];
  if (filter.agencyCode !== undefined) {
    query = query.where(intentInAgencyScope(await resolveAgencyPaymentScope(ctx, caller, filter.agencyCode)));
  } else if (!seesAll && isStaff) {
    const ids = agencyIdsInScope(caller, directory, STAFF);
    query = query.where((eb) => eb.or([eb('agency_id', 'in', ids.length ? ids : none), eb('desk_agency_id', 'in', ids.length ? ids : none), eb('owner_user_id', '=', caller.userId)]));
  } else if (!seesAll) {
    query = query.where('owner_user_id', '=', caller.userId);
  }
  if (filter.dossierCode) query = query.where('dossier_code', '=', filter.dossierCode);
  if (filter.reference) query = query.where('reference', '=', filter.reference.trim().toUpperCase());
  if (filter.status) query = query.where('status', '=', filter.status);
  const { timeZone } = ctx.config.officeHours;
  if (filter.from) query = query.where('created_at', '>=', new Date(localIso(filter.from, 0, timeZone)));
  if (filter.to) query = query.where('created_at', '<', new Date(localIso(addDays(filter.to, 1), 0, timeZone)));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(ctx, rows), total: total.count };
}

/** The VietQR payload (EMVCo text) of an open intent. */
export async function getVietQrPayload(ctx: AppContext, actor: Actor | null, id: string): Promise<string> {
  requireActor(actor);
  const row = await expireIfDue(ctx, await loadVisible(ctx, actor, id));
  const vietqr = getPaymentProviders(ctx).vietqr;
  if (!vietqr) throw new AppError('payments.provider_unavailable', { params: { provider: 'VietQR' } });
  if (!isOpen(row.status)) throw new AppError('payments.invalid_transition', { params: { action: { vi: 'hiển thị mã QR', en: 'show the QR code' }, status: row.status } });
  return vietqr.payload(row.reference, row.amount);
}

/** The QR code image (PNG) of an open intent's VietQR payload. */
export async function getVietQrPng(ctx: AppContext, actor: Actor | null, id: string): Promise<Buffer> {
  const payload = await getVietQrPayload(ctx, actor, id);
  return (getPaymentProviders(ctx).vietqr as NonNullable<ReturnType<typeof getPaymentProviders>['vietqr']>).png(payload);
}

// ---------------------------------------------------------------- changes

/** Starts a gateway attempt: the intent goes to "processing" and the caller's browser goes to the returned URL. */
export async function startAttempt(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, request: StartPaymentAttemptRequest, ipAddress: string): Promise<PaymentAttemptStarted> {
  const caller = requireActor(actor);
  const row = await expireIfDue(ctx, await loadVisible(ctx, actor, id));
  if (!canPayIntent(caller, await loadIntentScope(ctx, row))) throw new AppError('auth.forbidden');
  const gateway = getPaymentProviders(ctx).vnpay;
  if (!gateway) throw new AppError('payments.provider_unavailable', { params: { provider: 'VNPay' } });
  try {
    applyIntentEvent(stateOf(row), { type: 'begin_attempt' });
  } catch (error) {
    ruleToAppError(error, { type: 'begin_attempt' }, row);
  }
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockIntent(trx, id);
    if (!locked) throw new AppError('payments.not_found');
    const count = await trx.selectFrom('payment_attempts').select(sql<number>`count(*)::int`.as('count')).where('intent_id', '=', id).where('provider', '=', 'vnpay').executeTakeFirstOrThrow();
    // vnp_TxnRef must be unique (VNPay: per day); the reference plus the attempt number is unique for ever.
    const txnRef = `${locked.reference}V${count.count + 1}`;
    const expiresAt = new Date(Math.min(now.getTime() + GATEWAY_ATTEMPT_MINUTES * 60_000, locked.expires_at.getTime()));
    const redirectUrl = gateway.checkoutUrl({ txnRef, amount: locked.amount, orderInfo: `Thanh toan le phi ho so ${locked.dossier_code} ${locked.reference}`, ipAddress, locale: request.locale ?? 'vn', now, expiresAt });
    const attempt = await trx
      .insertInto('payment_attempts')
      .values({ intent_id: id, provider: 'vnpay', provider_reference: txnRef, amount: locked.amount, status: 'pending', redirect_url: redirectUrl, created_by: caller.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await transition(trx, audit, locked, { type: 'begin_attempt' }, { actorId: caller.userId, data: { provider: 'vnpay', attemptId: attempt.id, txnRef } });
    return { attemptId: attempt.id, provider: 'vnpay' as const, redirectUrl };
  });
}

/** Cancels an open intent (the owner or the desk), e.g. to pay at the counter instead. */
export async function cancelIntent(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, request: CancelPaymentIntentRequest): Promise<PaymentIntent> {
  const caller = requireActor(actor);
  const row = await loadVisible(ctx, actor, id);
  if (!canPayIntent(caller, await loadIntentScope(ctx, row))) throw new AppError('auth.forbidden');
  const reason = request.reason?.normalize('NFC').trim() || 'cancelled';
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockIntent(trx, id);
    if (!locked) throw new AppError('payments.not_found');
    return transition(trx, audit, locked, { type: 'cancel' }, { actorId: caller.userId, closeReason: reason });
  });
  return presentOne(ctx, updated);
}

/**
 * Refunds part or all of what an intent received (unit leads of its agency, admins), with a reason; never more than
 * was received less what was refunded. The sandbox returns the money at once; with real providers the refund is
 * recorded and the agency's accountant returns the money (bank transfer or the gateway's merchant portal).
 */
export async function refundIntent(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, request: RefundRequest): Promise<PaymentIntent> {
  const caller = requireActor(actor);
  const row = await loadVisible(ctx, actor, id);
  if (!canRefundIntent(caller, await loadIntentScope(ctx, row))) throw new AppError('auth.forbidden');
  const event = { type: 'refund' as const, amount: request.amount };
  try {
    applyIntentEvent(stateOf(row), event);
  } catch (error) {
    ruleToAppError(error, event, row);
  }
  const providers = getPaymentProviders(ctx);
  const reason = request.reason.normalize('NFC').trim();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockIntent(trx, id);
    if (!locked) throw new AppError('payments.not_found');
    // Re-applied under the lock: two refunds at once can never add up to more than was paid.
    const next = await transition(trx, audit, locked, event, { actorId: caller.userId, data: { reason } });
    const refund = await trx
      .insertInto('payment_refunds')
      .values({ intent_id: id, amount: request.amount, reason, status: providers.isSandbox ? 'succeeded' : 'recorded', provider_refund_id: providers.isSandbox ? `SBX-RF-${Date.now()}` : null, created_by: caller.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordPaymentEvent(trx, { intentId: id, provider: locked.provider, kind: 'refund', amount: request.amount, actorId: caller.userId, data: { refundId: refund.id, reason } });
    return next;
  });
  return presentOne(ctx, updated);
}

// ---------------------------------------------------------------- sweep

/**
 * Housekeeping: expires open intents past their time, cancels open intents whose dossier no longer waits for its fee
 * (paid at the desk, withdrawn), and issues missing receipts. Returns what it did.
 */
export async function sweepIntents(ctx: AppContext): Promise<{ expired: number; cancelled: number }> {
  const now = new Date();
  const open = await ctx.db.selectFrom('payment_intents').selectAll().where('status', 'in', ['requires_payment', 'processing']).orderBy('created_at').limit(500).execute();
  let expired = 0;
  let cancelled = 0;
  for (const row of open) {
    if (row.expires_at.getTime() <= now.getTime()) {
      const after = await expireIfDue(ctx, row, now);
      if (after.status === 'expired') expired += 1;
      continue;
    }
    const dossier = await findDossierForPayment(ctx, row.dossier_code);
    if (dossier && dossier.status === 'fee_due' && dossier.feePaidAt === null) continue;
    const done = await ctx.db.transaction().execute(async (trx) => {
      const locked = await lockIntent(trx, row.id);
      if (!locked || !isOpen(locked.status)) return false;
      await transition(trx, { ...SYSTEM, requestId: 'payments:sweep' }, locked, { type: 'cancel' }, { actorId: null, closeReason: 'dossier_settled', data: { dossierStatus: dossier?.status ?? 'missing' } });
      return true;
    });
    if (done) cancelled += 1;
  }
  return { expired, cancelled };
}
