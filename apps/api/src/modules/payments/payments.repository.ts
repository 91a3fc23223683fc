/**
 * Kysely queries of the payments tables, no rules. Functions taking `Executor` run on the database or inside the
 * caller's transaction.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, PaymentBankCreditsTable, PaymentIntentsTable, PaymentRefundsTable } from '../../core/db/schema.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type IntentRow = Selectable<PaymentIntentsTable>;
export type CreditRow = Selectable<PaymentBankCreditsTable>;
export type RefundRow = Selectable<PaymentRefundsTable>;

/** An intent by id, or undefined. */
export function findIntent(db: Executor, id: string): Promise<IntentRow | undefined> {
  return db.selectFrom('payment_intents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An intent by id under a row lock (inside a transaction). */
export function lockIntent(trx: Transaction<DB>, id: string): Promise<IntentRow | undefined> {
  return trx.selectFrom('payment_intents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Intents by reference (references are unique). */
export function findIntentsByReferences(db: Executor, references: string[]): Promise<IntentRow[]> {
  if (references.length === 0) return Promise.resolve([]);
  return db.selectFrom('payment_intents').selectAll().where('reference', 'in', references).execute();
}

/** The open intent of a dossier, if any. */
export function findOpenIntent(db: Executor, dossierCode: string): Promise<IntentRow | undefined> {
  return db.selectFrom('payment_intents').selectAll().where('dossier_code', '=', dossierCode).where('status', 'in', ['requires_payment', 'processing']).executeTakeFirst();
}

/** Whether any intent of the dossier other than `exceptId` received money. */
export async function hasOtherPaidIntent(db: Executor, dossierCode: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('payment_intents')
    .select('id')
    .where('dossier_code', '=', dossierCode)
    .where('id', '!=', exceptId)
    .where('status', 'in', ['succeeded', 'partially_refunded', 'refunded'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Refunds of intents, oldest first. */
export function listRefunds(db: Executor, intentIds: string[]): Promise<RefundRow[]> {
  if (intentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('payment_refunds').selectAll().where('intent_id', 'in', intentIds).orderBy('created_at').execute();
}

/** Appends an event to an intent's history. */
export async function recordPaymentEvent(
  db: Executor,
  event: { intentId: string | null; provider?: string | null; kind: string; providerTransactionId?: string | null; amount?: number | null; from?: string | null; to?: string | null; data?: Record<string, unknown>; actorId?: string | null },
): Promise<void> {
  await db
    .insertInto('payment_events')
    .values({
      intent_id: event.intentId,
      provider: event.provider ?? null,
      kind: event.kind,
      provider_transaction_id: event.providerTransactionId ?? null,
      amount: event.amount ?? null,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      data: JSON.stringify(event.data ?? {}),
      actor_id: event.actorId ?? null,
    })
    .execute();
}

/**
 * Records a provider's confirmation of money, once per provider transaction: false when that transaction was
 * recorded already (a replay or duplicate delivery).
 */
export async function insertConfirmation(trx: Transaction<DB>, entry: { intentId: string; provider: string; providerTransactionId: string; amount: number; data: Record<string, unknown>; actorId: string | null }): Promise<boolean> {
  const inserted = await trx
    .insertInto('payment_events')
    .values({
      intent_id: entry.intentId,
      provider: entry.provider,
      kind: 'confirmation',
      provider_transaction_id: entry.providerTransactionId,
      amount: entry.amount,
      data: JSON.stringify(entry.data),
      actor_id: entry.actorId,
    })
    .onConflict((conflict) => conflict.columns(['provider', 'provider_transaction_id']).where('kind', '=', 'confirmation').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Whether a provider transaction already confirmed money. */
export async function hasConfirmation(db: Executor, provider: string, providerTransactionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('payment_events')
    .select('id')
    .where('kind', '=', 'confirmation')
    .where('provider', '=', provider)
    .where('provider_transaction_id', '=', providerTransactionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Discrepancies as staff read them, with their intent's reference. */
export function selectDiscrepancies(db: Executor, filter: { status?: 'open' | 'resolved'; id?: string; limit: number }) {
  let query = db
    .selectFrom('payment_discrepancies as d')
    .leftJoin('payment_intents as i', 'i.id', 'd.intent_id')
    .select([
      'd.id',
      'd.kind',
      'd.day',
      'd.intent_id',
      'i.reference',
      'd.provider',
      'd.provider_transaction_id',
      'd.expected_amount',
      'd.actual_amount',
      'd.details',
      'd.status',
      'd.detected_at',
      'd.resolution',
      'd.resolution_note',
      'd.resolved_by',
      'd.resolved_at',
    ]);
  if (filter.id !== undefined) query = query.where('d.id', '=', filter.id);
  if (filter.status !== undefined) query = query.where('d.status', '=', filter.status);
  // Open ones newest first as found; resolved ones newest first as closed.
  query = filter.status === 'resolved' ? query.orderBy('d.resolved_at', 'desc') : query.orderBy('d.detected_at', 'desc');
  return query.orderBy('d.id').limit(filter.limit).execute();
}

export type DiscrepancyRow = Awaited<ReturnType<typeof selectDiscrepancies>>[number];
