/**
 * Outgoing messages (one-time codes, notices). A message is written to the outbox in the same transaction
 * as the change that needs it, then delivered by a job: a crash between the two never loses a message.
 */
import nodemailer from 'nodemailer';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export type Channel = 'email' | 'sms';

export interface OutgoingMessage {
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  /** The one-time code the message carries, kept for the development outbox view only. */
  code?: string;
}

export interface MessageSender {
  readonly name: string;
  supports(channel: Channel): boolean;
  send(message: OutgoingMessage): Promise<void>;
}

interface Logger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Development sender: the message stays in the outbox table (readable at /api/v1/dev/outbox) and goes to the log. */
export function createDevSender(log: Logger): MessageSender {
  return {
    name: 'dev',
    supports: () => true,
    async send(message) {
      log.info({ channel: message.channel, to: message.recipient, subject: message.subject, body: message.body }, 'message (development sender)');
    },
  };
}

/** SMTP sender for e-mail through nodemailer; SMS needs a provider adapter that this deployment lacks. */
export function createSmtpSender(smtpUrl: string, from: string): MessageSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    supports: (channel) => channel === 'email',
    async send(message) {
      await transport.sendMail({ from, to: message.recipient, subject: message.subject, text: message.body });
    },
  };
}

/** Writes a message to the outbox inside the caller's transaction. */
export async function enqueueMessage(trx: Transaction<DB>, message: OutgoingMessage): Promise<string> {
  const row = await trx
    .insertInto('outbox_messages')
    .values({ channel: message.channel, recipient: message.recipient, subject: message.subject, body: message.body, code: message.code ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending messages. Rows are claimed with SKIP LOCKED so several instances share the work
 * without sending a message twice; a failed send is retried on the next sweep up to MAX_ATTEMPTS.
 */
export async function deliverPendingMessages(db: Kysely<DB>, sender: MessageSender, log: Logger, batchSize = 20): Promise<number> {
  let delivered = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox_messages')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        const message: OutgoingMessage = { channel: row.channel as Channel, recipient: row.recipient, subject: row.subject, body: row.body };
        try {
          if (!sender.supports(message.channel)) throw new Error(`the ${sender.name} sender cannot deliver ${message.channel}`);
          await sender.send(message);
          await trx
            .updateTable('outbox_messages')
            .set({
              status: 'sent',
              sent_at: new Date(),
              attempts: row.attempts + 1,
              // A real sender has delivered the code: the copy in our database is no longer needed.
              ...(sender.name === 'dev' ? {} : { body: '[delivered]', code: null }),
            })
            .where('id', '=', row.id)
            .execute();
          delivered += 1;
        } catch (error) {
          const attempts = row.attempts + 1;
          log.warn({ messageId: row.id, attempts, err: error }, 'message delivery failed');
          await trx
            .updateTable('outbox_messages')
            .set({ attempts, last_error: String((error as Error).message ?? error), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
            .where('id', '=', row.id)
            .execute();
        }
      }
      return rows.length;
    });
    if (claimed < batchSize) return delivered;
  }
}
