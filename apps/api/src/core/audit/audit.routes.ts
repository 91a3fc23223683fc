import { Type } from 'typebox';
import { AuditList, Problem } from '@onecity/contracts';
import { sql } from 'kysely';
import { requireRole } from '../auth/actor.ts';
import type { App } from '../http/types.ts';
import { auditContentOf, verifyAuditChain } from './audit.ts';


/** The audit trail for auditors and admins: the rows, filtered, and a check of the hash chain. */
export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, newest first (auditors and admins)',
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 80 })),
            targetType: Type.Optional(Type.String({ maxLength: 40 })),
            targetId: Type.Optional(Type.String({ maxLength: 80 })),
            actorId: Type.Optional(Type.String({ format: 'uuid' })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
            beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AuditList, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      requireRole(request.actor, ['auditor', 'admin']);
      const q = request.query;
      let query = app.ctx.db.selectFrom('audit_log');
      if (q.action) query = query.where('action', '=', q.action);
      if (q.targetType) query = query.where('target_type', '=', q.targetType);
      if (q.targetId) query = query.where('target_id', '=', q.targetId);
      if (q.actorId) query = query.where('actor_id', '=', q.actorId);
      const total = await query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
      if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
      const rows = await query.selectAll().orderBy('seq', 'desc').limit(q.limit).execute();
      return {
        total: total.count,
        items: rows.map((row) => ({ ...auditContentOf(row), hash: row.hash })),
      };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    { schema: { tags: ['audit'], summary: 'Walk the hash chain and name the first altered or removed row', response: { 200: Type.Any(), 401: Problem, 403: Problem } } },
    async (request) => {
      requireRole(request.actor, ['auditor', 'admin']);
      return verifyAuditChain(app.ctx.db);
    },
  );
}
