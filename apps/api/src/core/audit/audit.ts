/**
 * The tamper-evident audit trail. Every state change writes one row in the same transaction as the change;
 * each row carries the hash of the previous one, so altering or removing a row breaks the chain from there on.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditLogTable, DB } from '../db/schema.ts';

export interface AuditContext {
  actorId: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Facts about the change that are neither before nor after (e.g. the reason of a failure). */
  details?: Record<string, unknown>;
}

export interface AuditRowContent {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  diff: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

export const GENESIS_HASH = 'genesis';
const SECRET_KEY = /password|token|secret|code_hash|codeHash|private/i;

/** The hash of one row: SHA-256 over the previous hash and the row's canonical JSON (RFC 8785). */
export function hashAuditRow(prevHash: string, content: AuditRowContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalize(content) ?? '').digest('hex');
}

/** Keeps only the fields that changed, with secrets replaced by a marker. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const clean = (record: Record<string, unknown> | null | undefined): Record<string, unknown> | null =>
    record ? (JSON.parse(JSON.stringify(record)) as Record<string, unknown>) : null;
  const b = clean(before);
  const a = clean(after);
  const redact = (record: Record<string, unknown> | null, keys: string[]): Record<string, unknown> | null => {
    if (!record) return null;
    const out: Record<string, unknown> = {};
    for (const key of keys) if (key in record) out[key] = SECRET_KEY.test(key) ? '[redacted]' : record[key];
    return out;
  };
  if (!b || !a) {
    return { before: redact(b, Object.keys(b ?? {})), after: redact(a, Object.keys(a ?? {})) };
  }
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  );
  return { before: redact(b, changed), after: redact(a, changed) };
}

/** Appends one audit row inside the caller's transaction. */
export async function recordAudit(trx: Transaction<DB>, context: AuditContext, entry: AuditEntry): Promise<void> {
  // The head row is locked for the rest of the transaction: appends are serialised, so seq has no gaps
  // (a sequence would leave gaps on rollback and make a removed row indistinguishable from a rolled-back one).
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const diff = { ...diffRecords(entry.before, entry.after), ...(entry.details ? { details: JSON.parse(JSON.stringify(entry.details)) } : {}) };
  const content: AuditRowContent = {
    seq: Number(head.seq) + 1,
    at: new Date().toISOString(),
    actorId: context.actorId,
    actorRole: context.actorRole,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    diff,
    ip: context.ip,
    requestId: context.requestId,
  };
  const hash = hashAuditRow(head.hash, content);
  // The row and the new head in one statement (one round trip fewer for every audited change).
  await trx
    .with('appended', (db) =>
      db
        .insertInto('audit_log')
        .values({
          seq: content.seq,
          at: content.at,
          actor_id: content.actorId,
          actor_role: content.actorRole,
          action: content.action,
          target_type: content.targetType,
          target_id: content.targetId,
          diff: JSON.stringify(content.diff),
          ip: content.ip,
          request_id: content.requestId,
          prev_hash: head.hash,
          hash,
        })
        .returning(['seq', 'hash']),
    )
    .updateTable('audit_head')
    .from('appended')
    .set((eb) => ({ seq: eb.ref('appended.seq'), hash: eb.ref('appended.hash') }))
    .where('audit_head.id', '=', 1)
    .execute();
}

/** The hashed content of a stored row (everything but the hashes). */
export function auditContentOf(row: Selectable<AuditLogTable>): AuditRowContent {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    diff: row.diff,
    ip: row.ip,
    requestId: row.request_id,
  };
}

export type AuditVerification =
  | { ok: true; rows: number; headSeq: number }
  | { ok: false; rows: number; firstBadSeq: number; reason: 'altered' | 'removed' | 'head_mismatch'; message: string };

/** Walks the whole chain in order and names the first row that was altered or removed. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 2000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'removed', message: `row ${expectedSeq} was removed (next row is ${seq})` };
      }
      const content = auditContentOf(row);
      if (row.prev_hash !== prevHash || hashAuditRow(prevHash, content) !== row.hash) {
        return { ok: false, rows, firstBadSeq: seq, reason: 'altered', message: `row ${seq} was altered` };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    const headSeq = Number(head?.seq ?? 0);
    return {
      ok: false,
      rows,
      firstBadSeq: expectedSeq,
      reason: headSeq > expectedSeq - 1 ? 'removed' : 'head_mismatch',
      message: headSeq > expectedSeq - 1 ? `rows ${expectedSeq}–${headSeq} were removed from the end` : 'the chain head does not match the last row',
    };
  }
  return { ok: true, rows, headSeq: expectedSeq - 1 };
}
