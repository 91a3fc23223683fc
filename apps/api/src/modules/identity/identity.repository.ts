/**
 * Queries on the identity module's tables: users, role_grants, sessions, one_time_codes, login_failures.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, UsersTable } from '../../core/db/schema.ts';
import type { LoginIdentifier } from './workflow/login-identifier.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type UserRow = Selectable<UsersTable>;

export interface GrantRow {
  id: string;
  role: string;
  agency_id: string | null;
  agency_code: string | null;
  agency_name_vi: string | null;
  agency_path: string | null;
}

/** Finds a user by e-mail or phone. */
export function findUserByLogin(db: Executor, login: LoginIdentifier, options: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
  let query = db.selectFrom('users').selectAll().where(login.kind === 'email' ? 'email' : 'phone', '=', login.value);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Finds a user by id. */
export function findUserById(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
  let query = db.selectFrom('users').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The role grants of several users, with their agencies. */
export async function listGrants(db: Executor, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const byUser = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('agencies as a', 'a.id', 'g.agency_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.agency_id', 'a.code as agency_code', 'a.name_vi as agency_name_vi', 'a.path as agency_path'])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.created_at')
    .execute();
  for (const { user_id: userId, ...grant } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(grant);
    byUser.set(userId, list);
  }
  return byUser;
}

/** The session with its user's grants, when the token is live. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'kind', 'csrf_token', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Counts recent failed logins from one address. */
export async function countRecentIpFailures(db: Executor, ip: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('login_failures')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`min(at)`.as('oldest')])
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: row.count, oldest: row.oldest };
}

/** Lists users with optional filters, newest first. */
export async function listUsers(
  db: Executor,
  filter: { search?: string; role?: string; agencyPath?: string; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('full_name', 'ilike', pattern), eb('email', 'ilike', pattern), eb('phone', 'like', pattern)]));
  }
  if (filter.role || filter.agencyPath) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .leftJoin('agencies as a', 'a.id', 'g.agency_id')
          .select(sql`1`.as('one'))
          .whereRef('g.user_id', '=', 'users.id')
          .$if(Boolean(filter.role), (q) => q.where('g.role', '=', filter.role ?? ''))
          .$if(Boolean(filter.agencyPath), (q) =>
            q.where((inner) =>
              inner.or([inner('a.path', '=', filter.agencyPath ?? ''), inner('a.path', 'like', `${filter.agencyPath ?? ''}.%`)]),
            ),
          ),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}
