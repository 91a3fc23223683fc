/**
 * Queries on the open311 module's tables: open311_clients, open311_requests, open311_updates.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB, Open311ClientsTable, Open311RequestsTable, Open311UpdatesTable } from '../../core/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type ClientRow = Selectable<Open311ClientsTable>;

/** An active client by the SHA-256 of its key. */
export function findActiveClientByKeyHash(db: Executor, keyHash: string): Promise<ClientRow | undefined> {
  return db.selectFrom('open311_clients').selectAll().where('api_key_hash', '=', keyHash).where('is_active', '=', true).executeTakeFirst();
}

/** A client by the SHA-256 of its key, active or not. */
export function findClientByKeyHash(db: Executor, keyHash: string): Promise<ClientRow | undefined> {
  return db.selectFrom('open311_clients').selectAll().where('api_key_hash', '=', keyHash).executeTakeFirst();
}

/** A client by id, locked for the rest of the transaction when asked. */
export function findClientById(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ClientRow | undefined> {
  let query = db.selectFrom('open311_clients').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every client, newest first. */
export function listClients(db: Executor): Promise<ClientRow[]> {
  return db.selectFrom('open311_clients').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Stores a client. */
export function insertClient(db: Executor, values: Insertable<Open311ClientsTable>): Promise<ClientRow> {
  return db.insertInto('open311_clients').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Revokes a client's key. */
export function revokeClient(db: Executor, id: string, at: Date): Promise<ClientRow> {
  return db.updateTable('open311_clients').set({ is_active: false, revoked_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Stores what a POST request brought besides the report: its token, the reporter's contact, the media URL. */
export async function insertRequest(db: Executor, values: Insertable<Open311RequestsTable>): Promise<void> {
  await db.insertInto('open311_requests').values(values).execute();
}

/** The report code a token stands for. */
export function findRequestByToken(db: Executor, token: string) {
  return db.selectFrom('open311_requests').select(['report_code', 'token']).where('token', '=', token).executeTakeFirst();
}

/** Whether a client filed the report (it may then post updates on it even when the report is not public). */
export async function isFiledByClient(db: Executor, reportId: string, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('open311_requests').select('id').where('report_id', '=', reportId).where('client_id', '=', clientId).executeTakeFirst();
  return row !== undefined;
}

/** The media URLs given with the reports filed through Open311, by report id. */
export async function findMediaUrls(db: Executor, reportIds: string[]): Promise<Map<string, string>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.selectFrom('open311_requests').select(['report_id', 'media_url']).where('report_id', 'in', reportIds).where('media_url', 'is not', null).execute();
  return new Map(rows.flatMap((row) => (row.media_url ? [[row.report_id, row.media_url] as const] : [])));
}

/** An update a client already posted under its own id. */
export function findUpdateByExternalId(db: Executor, clientId: string, externalId: string) {
  return db.selectFrom('open311_updates').select(['event_id', 'report_id']).where('client_id', '=', clientId).where('update_id_ext', '=', externalId).executeTakeFirst();
}

/** Stores what a posted update brought besides the comment: the client's id, status, contact and media URL. */
export async function insertUpdate(db: Executor, values: Insertable<Open311UpdatesTable>): Promise<void> {
  await db.insertInto('open311_updates').values(values).execute();
}
