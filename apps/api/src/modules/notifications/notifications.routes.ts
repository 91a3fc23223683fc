import { Type } from 'typebox';
import { Problem } from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import type { App } from '../../core/http/types.ts';
import { listMyNotifications, markRead } from './notifications.service.ts';

const Notification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  isRead: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** The logged-in user's inbox. */
export async function notificationsRoutes(app: App): Promise<void> {
  const tags = ['notifications'];
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notices, newest first, in the language of Accept-Language',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(Notification) }), 401: Problem },
      },
    },
    async (request) => listMyNotifications(app.ctx, request.actor, request.locale, { limit: request.query.limit, unreadOnly: request.query.unread ?? false }),
  );
  app.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark one notice (id) or all as read',
        body: Type.Object({ id: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ changed: Type.Integer() }), 401: Problem, 404: Problem },
      },
    },
    async (request) => ({ changed: await markRead(app.ctx, auditContextOf(request), request.actor, request.body.id ?? null) }),
  );
}
