/**
 * The daily reconciliation (pg-boss job `payments.reconcile`, and on demand for admins): money never appears or
 * disappears unnoticed. For one local day it compares
 * - each provider's statement (what the provider says it collected; the sandbox keeps one, real adapters add theirs)
 *   with what reached us (bank credits, gateway confirmations), and the other way round;
 * - each intent paid that day with its provider confirmation (same transaction, same amount), its refunds and its
 *   dossier (marked as paid);
 * - each confirmation of that day with its intent (which must be paid).
 * Every difference becomes a `payment_discrepancies` row and an audit entry (once, however often the day is re-run).
 * Staff then close each one, saying what was done (refunded, corrected, not an error) and why; closing is audited and
 * happens once.
 */
import type { PaymentDiscrepancy, ReconciliationRun, ResolveDiscrepancyRequest } from '@onecity/contracts';
import { sql } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { addDays, localDateTime, localIso } from '../calendar/index.ts';
import { findUserContacts } from '../identity/index.ts';
import { findDossierForPayment } from '../procedures/index.ts';
import { getPaymentProviders, loadIntentScope } from './payments.context.ts';
import { flagDiscrepancy, type DiscrepancyInput } from './payments.discrepancies.ts';
import { canResolveDiscrepancy, CREDIT_RESOLVER_ROLES, PAYMENT_READER_ROLES } from './payments.policy.ts';
import { presentDiscrepancy } from './payments.presenter.ts';
import { findIntent, selectDiscrepancies, type DiscrepancyRow } from './payments.repository.ts';
import { sandboxStatement } from './providers/sandbox.ts';
import type { StatementLine } from './providers/index.ts';
import { isPaid } from './workflow/intent-machine.ts';

const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'payments:reconcile' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The providers' statements around a window (the sandbox's ledger; empty for adapters without a statement API). */
async function statementsAround(ctx: AppContext, from: Date, to: Date): Promise<StatementLine[]> {
  return getPaymentProviders(ctx).isSandbox ? sandboxStatement(ctx, from, to) : [];
}

/** Finds the day's differences (pure reads) — see the file comment for what is compared. */
export async function findDiscrepancies(ctx: AppContext, day: string): Promise<{ checked: number; found: DiscrepancyInput[] }> {
  const { timeZone } = ctx.config.officeHours;
  const start = new Date(localIso(day, 0, timeZone));
  const end = new Date(localIso(addDays(day, 1), 0, timeZone));
  const isInDay = (at: Date) => at >= start && at < end;
  const found: DiscrepancyInput[] = [];
  const hasStatement = getPaymentProviders(ctx).isSandbox;

  // A payment near midnight may sit on either side in the two books: look one day around for the other side.
  const statement = await statementsAround(ctx, new Date(start.getTime() - DAY_MS), new Date(end.getTime() + DAY_MS));
  const statementInDay = hasStatement ? await sandboxStatement(ctx, start, end) : [];
  const statementByKey = new Map(statement.map((line) => [`${line.provider}|${line.providerTransactionId}`, line]));

  const confirmations = await ctx.db
    .selectFrom('payment_events')
    .select(['id', 'kind', 'intent_id', 'provider', 'provider_transaction_id', 'amount', 'occurred_at'])
    .where('kind', 'in', ['confirmation', 'rejected', 'unapplied_payment'])
    .where('occurred_at', '>=', new Date(start.getTime() - DAY_MS))
    .where('occurred_at', '<', new Date(end.getTime() + DAY_MS))
    .execute();
  const eventsByKey = new Map<string, typeof confirmations>();
  for (const event of confirmations) {
    const key = `${event.provider}|${event.provider_transaction_id}`;
    eventsByKey.set(key, [...(eventsByKey.get(key) ?? []), event]);
  }
  const kindOf = new Map(confirmations.map((event) => [event.id, event.kind]));

  // 1. Provider → us.
  const bankReferences = statementInDay.filter((line) => line.provider === 'vietqr').map((line) => line.providerTransactionId);
  const credits = bankReferences.length ? await ctx.db.selectFrom('payment_bank_credits').select(['bank_reference', 'amount', 'intent_id']).where('bank_reference', 'in', bankReferences).execute() : [];
  const creditByReference = new Map(credits.map((credit) => [credit.bank_reference, credit]));
  for (const line of statementInDay) {
    const base = { day, provider: line.provider, providerTransactionId: line.providerTransactionId, expectedAmount: line.amount };
    if (line.provider === 'vietqr') {
      const credit = creditByReference.get(line.providerTransactionId);
      // An unmatched credit is in the reconciliation queue already; only a credit that never arrived is a difference.
      if (!credit) found.push({ ...base, kind: 'missing_confirmation', actualAmount: null, details: { reference: line.reference } });
      else if (credit.amount !== line.amount) found.push({ ...base, kind: 'amount_mismatch', intentId: credit.intent_id, actualAmount: credit.amount, details: { source: 'bank_feed' } });
      continue;
    }
    const events = eventsByKey.get(`${line.provider}|${line.providerTransactionId}`) ?? [];
    const confirmation = events.find((event) => kindOf.get(event.id) === 'confirmation');
    const rejected = events.find((event) => kindOf.get(event.id) === 'rejected');
    const unapplied = events.find((event) => kindOf.get(event.id) === 'unapplied_payment');
    if (confirmation) {
      if (confirmation.amount !== line.amount) found.push({ ...base, kind: 'amount_mismatch', intentId: confirmation.intent_id, actualAmount: confirmation.amount });
    } else if (rejected) {
      // The gateway reported an amount the intent did not ask for: nothing was applied.
      found.push({ ...base, kind: 'amount_mismatch', intentId: rejected.intent_id, actualAmount: 0, details: { source: 'ipn_rejected', reported: rejected.amount } });
    } else if (!unapplied) {
      // The gateway collected money and its IPN never reached us (an unapplied one is flagged when it arrives).
      found.push({ ...base, kind: 'missing_confirmation', actualAmount: null, details: { txnRef: line.reference } });
    }
  }

  // 2. Us → provider, and each confirmation → its intent.
  const dayConfirmations = confirmations.filter((event) => kindOf.get(event.id) === 'confirmation' && isInDay(event.occurred_at));
  const intentIds = [...new Set(dayConfirmations.map((event) => event.intent_id).filter((id): id is string => id !== null))];
  const confirmedIntents = intentIds.length ? await ctx.db.selectFrom('payment_intents').select(['id', 'status']).where('id', 'in', intentIds).execute() : [];
  const statusOf = new Map(confirmedIntents.map((row) => [row.id, row.status]));
  for (const event of dayConfirmations) {
    const base = { day, intentId: event.intent_id, provider: event.provider, providerTransactionId: event.provider_transaction_id, expectedAmount: event.amount };
    if (hasStatement && !statementByKey.has(`${event.provider}|${event.provider_transaction_id}`)) found.push({ ...base, kind: 'unknown_to_provider', actualAmount: null });
    const status = event.intent_id ? statusOf.get(event.intent_id) : undefined;
    if (!status || !isPaid(status)) found.push({ ...base, kind: 'confirmation_without_payment', actualAmount: event.amount, details: { status: status ?? null } });
  }

  // 3. Intents paid that day → their confirmation, refunds and dossier.
  const paid = await ctx.db
    .selectFrom('payment_intents')
    .select(['id', 'status', 'dossier_code', 'provider', 'provider_transaction_id', 'amount', 'amount_received', 'amount_refunded', 'succeeded_at'])
    .where('succeeded_at', '>=', start)
    .where('succeeded_at', '<', end)
    .execute();
  const refundSums = paid.length
    ? await ctx.db.selectFrom('payment_refunds').select(['intent_id', sql<number>`coalesce(sum(amount), 0)::bigint`.as('total')]).where('intent_id', 'in', paid.map((row) => row.id)).groupBy('intent_id').execute()
    : [];
  const refundedOf = new Map(refundSums.map((row) => [row.intent_id, Number(row.total)]));
  const paidConfirmations = paid.length
    ? await ctx.db.selectFrom('payment_events').select(['intent_id', 'provider', 'provider_transaction_id', 'amount']).where('kind', '=', 'confirmation').where('intent_id', 'in', paid.map((row) => row.id)).execute()
    : [];
  for (const intent of paid) {
    const base = { day, intentId: intent.id, provider: intent.provider, providerTransactionId: intent.provider_transaction_id };
    if (!isPaid(intent.status)) {
      found.push({ ...base, kind: 'confirmation_without_payment', expectedAmount: intent.amount, actualAmount: intent.amount_received, details: { status: intent.status } });
      continue;
    }
    const own = paidConfirmations.filter((event) => event.intent_id === intent.id);
    const backing = own.find((event) => event.provider === intent.provider && event.provider_transaction_id === intent.provider_transaction_id);
    if (!backing) found.push({ ...base, kind: 'paid_without_confirmation', expectedAmount: intent.amount, actualAmount: intent.amount_received });
    else if (backing.amount !== intent.amount_received || intent.amount_received !== intent.amount) found.push({ ...base, kind: 'amount_mismatch', expectedAmount: intent.amount, actualAmount: intent.amount_received, details: { confirmed: backing.amount } });
    const refunded = refundedOf.get(intent.id) ?? 0;
    if (refunded !== intent.amount_refunded) found.push({ ...base, kind: 'refund_mismatch', expectedAmount: intent.amount_refunded, actualAmount: refunded });
    const dossier = await findDossierForPayment(ctx, intent.dossier_code);
    if (!dossier || dossier.feePaidAt === null) found.push({ ...base, kind: 'dossier_not_marked_paid', expectedAmount: intent.amount, actualAmount: null, details: { dossierCode: intent.dossier_code, dossierStatus: dossier?.status ?? null } });
  }
  return { checked: statementInDay.length + dayConfirmations.length + paid.length, found };
}

/** Reconciles one local day and records every difference; returns how many were checked, found and new. */
export async function reconcileDay(ctx: AppContext, day: string, audit: AuditContext = SYSTEM): Promise<ReconciliationRun> {
  const { checked, found } = await findDiscrepancies(ctx, day);
  let created = 0;
  // One short transaction each: none holds the audit chain's head while it waits for an intent a payment is locking.
  for (const discrepancy of found) {
    if (await ctx.db.transaction().execute((trx) => flagDiscrepancy(trx, audit, discrepancy))) created += 1;
  }
  if (found.length > 0) ctx.log.warn({ day, found: found.length, new: created }, 'payment reconciliation found differences');
  return { day, checked, found: found.length, new: created };
}

/** Yesterday in the city's time zone (what the nightly run reconciles). */
export function yesterday(ctx: AppContext, now: Date = new Date()): string {
  return addDays(localDateTime(now, ctx.config.officeHours.timeZone).date, -1);
}

/** Runs the reconciliation of a day on demand (admins). */
export async function runReconciliation(ctx: AppContext, audit: AuditContext, actor: Actor | null, day: string | undefined): Promise<ReconciliationRun> {
  const caller = requireActor(actor);
  if (!hasRole(caller, ['admin'])) throw new AppError('auth.forbidden');
  return reconcileDay(ctx, day ?? localDateTime(new Date(), ctx.config.officeHours.timeZone).date, audit);
}

// ---------------------------------------------------------------- discrepancies for staff

/** Rows with the names of who resolved them. */
async function present(ctx: AppContext, rows: DiscrepancyRow[]): Promise<PaymentDiscrepancy[]> {
  const contacts = await findUserContacts(ctx, rows.map((row) => row.resolved_by).filter((id): id is string => id !== null));
  const names = new Map([...contacts].map(([id, contact]) => [id, contact.fullName]));
  return rows.map((row) => presentDiscrepancy(row, names));
}

/** The discrepancies still open (newest found first) or those resolved (newest closed first), for payment staff. */
export async function listDiscrepancies(ctx: AppContext, actor: Actor | null, status: 'open' | 'resolved', limit: number): Promise<{ items: PaymentDiscrepancy[] }> {
  const caller = requireActor(actor);
  if (!hasRole(caller, PAYMENT_READER_ROLES)) throw new AppError('auth.forbidden');
  return { items: await present(ctx, await selectDiscrepancies(ctx.db, { status, limit })) };
}

const NOTE_LENGTH = { min: 5, max: 1000 };

/** Closes an open discrepancy with what was done and why; audited. A second attempt is refused (409). */
export async function resolveDiscrepancy(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, request: ResolveDiscrepancyRequest): Promise<PaymentDiscrepancy> {
  const caller = requireActor(actor);
  if (!hasRole(caller, CREDIT_RESOLVER_ROLES)) throw new AppError('auth.forbidden');
  // The schema counts raw characters; a note of spaces around a word says nothing, so it is measured trimmed.
  const note = request.note.normalize('NFC').trim();
  if (note.length < NOTE_LENGTH.min || note.length > NOTE_LENGTH.max) {
    const keyword = note.length < NOTE_LENGTH.min ? 'minLength' : 'maxLength';
    throw new AppError('http.validation_failed', { validation: { errors: [{ instancePath: '/note', keyword, params: { limit: NOTE_LENGTH[keyword === 'minLength' ? 'min' : 'max'] } }], context: 'body' } });
  }
  const [found] = await selectDiscrepancies(ctx.db, { id, limit: 1 });
  if (!found) throw new AppError('payments.discrepancy_not_found');
  const intent = found.intent_id ? await findIntent(ctx.db, found.intent_id) : undefined;
  if (!canResolveDiscrepancy(caller, intent ? await loadIntentScope(ctx, intent) : null)) throw new AppError('auth.forbidden');
  if (found.status !== 'open') throw new AppError('payments.discrepancy_resolved');

  await ctx.db.transaction().execute(async (trx) => {
    // Two staff closing it at once: the row lock makes the second see it resolved.
    const updated = await trx
      .updateTable('payment_discrepancies')
      .set({ status: 'resolved', resolution: request.resolution, resolution_note: note, resolved_by: caller.userId, resolved_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('payments.discrepancy_resolved');
    await recordAudit(trx, audit, {
      action: 'payment.discrepancy_resolve',
      targetType: 'payment_discrepancy',
      targetId: id,
      before: { status: 'open' },
      after: { status: 'resolved', resolution: request.resolution, note, kind: found.kind, intentId: found.intent_id, providerTransactionId: found.provider_transaction_id },
    });
  });
  const [resolved] = await present(ctx, await selectDiscrepancies(ctx.db, { id, limit: 1 }));
  if (!resolved) throw new AppError('payments.discrepancy_not_found');
  return resolved;
}
