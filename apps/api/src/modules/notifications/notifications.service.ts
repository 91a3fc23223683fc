/**
 * The in-app inbox. Other modules call notifyUsers inside the transaction of the change, so a notice is
 * never lost nor sent for a change that rolled back.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';

export interface Notice {
  kind: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link?: string;
}

/** Writes one notice per recipient (duplicates removed) in the caller's transaction. */
export async function notifyUsers(trx: Transaction<DB>, userIds: string[], notice: Notice): Promise<number> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return 0;
  await trx
    .insertInto('notifications')
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        kind: notice.kind,
        title_vi: notice.titleVi,
        title_en: notice.titleEn,
        body_vi: notice.bodyVi,
        body_en: notice.bodyEn,
        link: notice.link ?? null,
      })),
    )
    .execute();
  return recipients.length;
}

/** The logged-in user's notices, newest first, in their language, with the unread count. */
export async function listMyNotifications(ctx: AppContext, actor: Actor | null, locale: 'vi' | 'en', options: { limit: number; unreadOnly: boolean }) {
  const known = requireActor(actor);
  let query = ctx.db.selectFrom('notifications').where('user_id', '=', known.userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').limit(options.limit).execute(),
    ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', known.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.count),
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: locale === 'en' ? row.title_en : row.title_vi,
      body: locale === 'en' ? row.body_en : row.body_vi,
      link: row.link,
      isRead: row.read_at !== null,
      createdAt: row.created_at.toISOString(),
    })),
  };
}

/** Marks one notice (or, without id, all) of the logged-in user as read. */
export async function markRead(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string | null): Promise<number> {
  const known = requireActor(actor);
  return ctx.db.transaction().execute(async (trx) => {
    if (id) {
      const exists = await trx.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', known.userId).executeTakeFirst();
      if (!exists) throw new AppError('notifications.not_found');
    }
    let query = trx.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', known.userId).where('read_at', 'is', null);
    if (id) query = query.where('id', '=', id);
    const changed = Number((await query.executeTakeFirst()).numUpdatedRows);
    await recordAudit(trx, audit, { action: 'notification.read', targetType: id ? 'notification' : 'user', targetId: id ?? known.userId, details: { changed } });
    return changed;
  });
}

/**
 * Hands unsent notices to the message outbox as e-mails (when NOTIFY_BY_EMAIL is on), for users with an
 * e-mail address. Contacts are read before the transaction; rows are claimed with SKIP LOCKED so instances
 * running the job together never send a notice twice.
 */
export async function emailPendingNotices(
  ctx: AppContext,
  lookupContacts: (userIds: string[]) => Promise<Map<string, { email: string | null }>>,
  enqueue: (trx: Transaction<DB>, message: { channel: 'email'; recipient: string; subject: string; body: string }) => Promise<unknown>,
  batchSize = 100,
): Promise<number> {
  // Only fresh notices: switching e-mail on later must not send a backlog of old news.
  const since = new Date(Date.now() - 24 * 3600_000);
  const pending = await ctx.db.selectFrom('notifications').select(['user_id']).where('emailed_at', 'is', null).where('created_at', '>', since).limit(batchSize).execute();
  if (pending.length === 0) return 0;
  const contacts = await lookupContacts(pending.map((row) => row.user_id));
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('notifications').selectAll().where('emailed_at', 'is', null).where('created_at', '>', since).orderBy('created_at').limit(batchSize).forUpdate().skipLocked().execute();
    let sent = 0;
    for (const row of rows) {
      const email = contacts.get(row.user_id)?.email;
      if (email) {
        const link = row.link ? `\n\n${ctx.config.publicUrl}${row.link}` : '';
        await enqueue(trx, { channel: 'email', recipient: email, subject: `OneCity: ${row.title_vi} / ${row.title_en}`, body: `${row.body_vi}\n${row.body_en}${link}` });
        sent += 1;
      }
    }
    if (rows.length > 0) await trx.updateTable('notifications').set({ emailed_at: new Date() }).where('id', 'in', rows.map((row) => row.id)).execute();
    return sent;
  });
}
