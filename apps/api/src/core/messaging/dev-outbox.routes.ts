import { Type } from 'typebox';
import type { App } from '../http/types.ts';

/**
 * Development only (never registered in production, where config refuses the dev sender): lists what the
 * development sender "sent" to one recipient, so a demo user or a browser test can read the code.
 */
export async function devOutboxRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/dev/outbox',
    {
      schema: {
        tags: ['development'],
        summary: 'Messages the development sender recorded for one recipient (development mode only)',
        querystring: Type.Object({ to: Type.String({ minLength: 3, maxLength: 254 }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const raw = request.query.to.trim().toLowerCase();
      const to = raw.includes('@') ? raw : raw.replace(/[\s.-]/g, '').replace(/^\+84/, '0');
      const rows = await app.ctx.db
        .selectFrom('outbox_messages')
        .select(['id', 'channel', 'recipient', 'subject', 'body', 'code', 'created_at'])
        .where('recipient', '=', to)
        .orderBy('created_at', 'desc')
        .limit(20)
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          channel: row.channel,
          to: row.recipient,
          subject: row.subject,
          body: row.body,
          code: row.code,
          createdAt: row.created_at.toISOString(),
        })),
      };
    },
  );
}
