/**
 * Service accounts: the users that integrations act as (an Open311 client files its reports as one), so every
 * report and audit row names a real account. They are verified citizens that cannot log in: the password is
 * random and never kept anywhere.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { auditableUser } from './identity.presenter.ts';
import { hashPassword } from './identity.service.ts';

/** Creates a service account inside the caller's transaction, audited; throws identity.login_taken when the e-mail is used. */
export async function createServiceAccount(
  ctx: AppContext,
  trx: Transaction<DB>,
  audit: AuditContext,
  input: { fullName: string; email: string },
): Promise<{ userId: string }> {
  const email = input.email.trim().toLowerCase();
  const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new AppError('identity.login_taken');
  const passwordHash = await hashPassword(ctx, randomBytes(32).toString('base64url'));
  const now = new Date();
  const user = await trx
    .insertInto('users')
    .values({ full_name: input.fullName.normalize('NFC').trim(), email, phone: null, password_hash: passwordHash, is_verified: true, verified_at: now, assurance: 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.insertInto('role_grants').values({ user_id: user.id, role: 'citizen', agency_id: null }).execute();
  await recordAudit(trx, audit, {
    action: 'user.create_service_account',
    targetType: 'user',
    targetId: user.id,
    after: { ...auditableUser(user), roles: [{ role: 'citizen', agencyId: null }] },
  });
  return { userId: user.id };
}
