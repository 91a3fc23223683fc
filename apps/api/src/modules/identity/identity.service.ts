/**
 * Identity use cases: registering and verifying citizens, logging in and out, password resets,
 * profiles, and the accounts and role grants of officials.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';
import type { CreateOfficialRequest, GrantRequest, RegisterRequest, ResetPasswordRequest, Role, UpdateProfileRequest } from '@onecity/contracts';
import { sql, type Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireActor, type Actor, type Grant } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueMessage } from '../../core/messaging/outbox.ts';
import { findAgencyById, getAgencyByCode } from '../agencies/index.ts';
import { canAdministerAgency, canListUsers, roleNeedsAgency } from './identity.policy.ts';
import { auditableUser, presentUser } from './identity.presenter.ts';
import * as repository from './identity.repository.ts';
import { maskLogin, parseLogin, type LoginIdentifier } from './workflow/login-identifier.ts';
import { PASSWORD_PROBLEM_TEXT, checkPassword } from './workflow/password-policy.ts';

const ARGON2ID = 2 as Algorithm;
const CODE_TTL_MS = 10 * 60 * 1000;
const CODE_MAX_ATTEMPTS = 5;
const CODE_RESEND_INTERVAL_MS = 60 * 1000;

type CodePurpose = 'verify' | 'reset';

// ---------------------------------------------------------------- helpers

function requireLogin(input: string): LoginIdentifier {
  const login = parseLogin(input);
  if (!login) throw new AppError('identity.invalid_login', { fields: [{ field: 'login', message: 'invalid' }] });
  return login;
}

function assertStrongPassword(password: string, identifiers: (string | null)[]): void {
  const problem = checkPassword(password, identifiers.filter((value): value is string => Boolean(value)));
  if (problem) {
    throw new AppError('identity.weak_password', {
      params: { reason: PASSWORD_PROBLEM_TEXT[problem] },
      fields: [{ field: 'password', message: problem }],
    });
  }
}

/** Hashes a password with argon2id at the configured cost (OWASP: m ≥ 19 MiB, t ≥ 2, p = 1). */
export function hashPassword(ctx: AppContext, password: string): Promise<string> {
  return argon2Hash(password.normalize('NFC'), { algorithm: ARGON2ID, ...ctx.config.passwordHash });
}

async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// A fixed hash verified when the login is unknown, so a missing account costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;

function hashCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${code}`).digest('hex');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Issues a one-time code, writes the message to the outbox and returns nothing of the code to the caller. */
async function issueCode(trx: Transaction<DB>, user: repository.UserRow, login: LoginIdentifier, purpose: CodePurpose): Promise<void> {
  const recent = await trx
    .selectFrom('one_time_codes')
    .select('created_at')
    .where('user_id', '=', user.id)
    .where('purpose', '=', purpose)
    .where('created_at', '>', new Date(Date.now() - CODE_RESEND_INTERVAL_MS))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (recent) {
    const retryAfter = Math.ceil((recent.created_at.getTime() + CODE_RESEND_INTERVAL_MS - Date.now()) / 1000);
    throw new AppError('identity.code_recently_sent', { params: { retryAfter }, headers: { 'retry-after': String(retryAfter) } });
  }
  // Earlier codes of the same purpose stop working: only the newest one counts.
  await trx
    .updateTable('one_time_codes')
    .set({ consumed_at: new Date() })
    .where('user_id', '=', user.id)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .execute();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await trx
    .insertInto('one_time_codes')
    .values({ user_id: user.id, purpose, code_hash: hashCode(user.id, code), expires_at: new Date(Date.now() + CODE_TTL_MS) })
    .execute();
  const vi = user.locale !== 'en';
  const text =
    purpose === 'verify'
      ? vi
        ? `OneCity: mã xác thực tài khoản của bạn là ${code}. Mã có hiệu lực 10 phút. Không chia sẻ mã này với ai.`
        : `OneCity: your account verification code is ${code}. It is valid for 10 minutes. Do not share it.`
      : vi
        ? `OneCity: mã đặt lại mật khẩu của bạn là ${code}. Mã có hiệu lực 10 phút. Nếu bạn không yêu cầu, hãy bỏ qua tin này.`
        : `OneCity: your password reset code is ${code}. It is valid for 10 minutes. If you did not ask for it, ignore this message.`;
  await enqueueMessage(trx, {
    channel: login.kind === 'email' ? 'email' : 'sms',
    recipient: login.value,
    subject: purpose === 'verify' ? (vi ? 'Mã xác thực OneCity' : 'OneCity verification code') : vi ? 'Đặt lại mật khẩu OneCity' : 'OneCity password reset',
    body: text,
    code,
  });
}

/** Checks a one-time code; consumes it when right, counts the attempt when wrong. Returns whether it matched. */
async function consumeCode(trx: Transaction<DB>, userId: string, purpose: CodePurpose, code: string): Promise<boolean> {
  const row = await trx
    .selectFrom('one_time_codes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.attempts >= CODE_MAX_ATTEMPTS) return false;
  if (!sameText(row.code_hash, hashCode(userId, code))) {
    await trx.updateTable('one_time_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    return false;
  }
  await trx.updateTable('one_time_codes').set({ consumed_at: new Date() }).where('id', '=', row.id).execute();
  return true;
}

async function loadUser(ctx: AppContext, userId: string) {
  const row = await repository.findUserById(ctx.db, userId);
  if (!row) throw new AppError('identity.user_not_found');
  const grants = (await repository.listGrants(ctx.db, [row.id])).get(row.id) ?? [];
  return presentUser(row, grants);
}

// ---------------------------------------------------------------- citizens

/** Registers a citizen (assurance level 1, unverified) and sends a verification code. */
export async function registerCitizen(ctx: AppContext, audit: AuditContext, input: RegisterRequest) {
  const login = requireLogin(input.login);
  if (login.kind === 'phone' && !ctx.canSend('sms')) throw new AppError('identity.channel_unavailable');
  assertStrongPassword(input.password, [login.value, input.fullName]);
  const passwordHash = await hashPassword(ctx, input.password);
  const user = await ctx.db.transaction().execute(async (trx) => {
    if (await repository.findUserByLogin(trx, login)) throw new AppError('identity.login_taken');
    const created = await trx
      .insertInto('users')
      .values({
        full_name: input.fullName.normalize('NFC').trim(),
        email: login.kind === 'email' ? login.value : null,
        phone: login.kind === 'phone' ? login.value : null,
        password_hash: passwordHash,
        locale: input.locale ?? 'vi',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('role_grants').values({ user_id: created.id, role: 'citizen', agency_id: null }).execute();
    await issueCode(trx, created, login, 'verify');
    await recordAudit(trx, { ...audit, actorId: created.id, actorRole: 'citizen' }, {
      action: 'user.register',
      targetType: 'user',
      targetId: created.id,
      after: auditableUser(created),
    });
    return created;
  });
  ctx.kickMessageDelivery();
  return {
    user: await loadUser(ctx, user.id),
    verification: { channel: login.kind === 'email' ? ('email' as const) : ('sms' as const), destination: maskLogin(login) },
  };
}

/** Marks the account verified when the code matches. */
export async function verifyAccount(ctx: AppContext, audit: AuditContext, input: { login: string; code: string }) {
  const login = requireLogin(input.login);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const user = await repository.findUserByLogin(trx, login, { forUpdate: true });
    if (!user) return { ok: false as const };
    if (user.is_verified) throw new AppError('identity.already_verified');
    if (!(await consumeCode(trx, user.id, 'verify', input.code))) return { ok: false as const };
    const updated = await trx
      .updateTable('users')
      .set({ is_verified: true, verified_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...audit, actorId: user.id, actorRole: 'citizen' }, {
      action: 'user.verify',
      targetType: 'user',
      targetId: user.id,
      before: auditableUser(user),
      after: auditableUser(updated),
    });
    return { ok: true as const, userId: user.id };
  });
  // A wrong code is committed as an attempt (above) and only then reported.
  if (!outcome.ok) throw new AppError('identity.invalid_code', { fields: [{ field: 'code', message: 'invalid' }] });
  return { user: await loadUser(ctx, outcome.userId) };
}

/** Sends a new verification code to an unverified account. Unknown logins get the same answer. */
export async function resendVerificationCode(ctx: AppContext, audit: AuditContext, input: { login: string }): Promise<void> {
  const login = requireLogin(input.login);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await repository.findUserByLogin(trx, login, { forUpdate: true });
    if (!user) return;
    if (user.is_verified) throw new AppError('identity.already_verified');
    await issueCode(trx, user, login, 'verify');
    await recordAudit(trx, audit, { action: 'user.verification_code_sent', targetType: 'user', targetId: user.id, details: { channel: login.kind } });
  });
  ctx.kickMessageDelivery();
}

// ---------------------------------------------------------------- sessions

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  sessionId: string;
}

async function createSession(
  ctx: AppContext,
  trx: Transaction<DB>,
  userId: string,
  kind: 'cookie' | 'bearer',
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.config.session.ttlHours * 3600 * 1000);
  const row = await trx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      kind,
      csrf_token: csrfToken,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, csrfToken, expiresAt, sessionId: row.id };
}

/**
 * Logs in with login + password. Throttled per address (recent failures from one IP) and per account
 * (consecutive failures lock the account until a password reset). Failures are committed before the error.
 */
export async function logIn(
  ctx: AppContext,
  audit: AuditContext,
  input: { login: string; password: string; kind: 'cookie' | 'bearer'; userAgent: string | null },
) {
  const ip = audit.ip ?? 'unknown';
  const windowStart = new Date(Date.now() - ctx.config.login.ipWindowMinutes * 60 * 1000);
  const recent = await repository.countRecentIpFailures(ctx.db, ip, windowStart);
  if (recent.count >= ctx.config.login.maxFailuresPerIp) {
    const retryAfter = Math.max(1, Math.ceil(((recent.oldest?.getTime() ?? Date.now()) + ctx.config.login.ipWindowMinutes * 60_000 - Date.now()) / 1000));
    throw new AppError('auth.too_many_attempts', { params: { retryAfter }, headers: { 'retry-after': String(retryAfter) } });
  }
  const login = parseLogin(input.login);
  const user = login ? await repository.findUserByLogin(ctx.db, login) : undefined;
  dummyHash ??= hashPassword(ctx, 'onecity-timing-equaliser');
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);

  if (!user || !passwordOk || user.locked_at) {
    const lockedNow = await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('login_failures').values({ ip, login: login?.value ?? input.login.slice(0, 254) }).execute();
      if (!user) {
        await recordAudit(trx, audit, { action: 'auth.login_failed', targetType: 'user', targetId: null, details: { reason: 'unknown_login' } });
        return false;
      }
      const current = await repository.findUserById(trx, user.id, { forUpdate: true });
      if (!current) return false;
      if (current.locked_at) {
        await recordAudit(trx, audit, { action: 'auth.login_refused', targetType: 'user', targetId: user.id, details: { reason: 'locked' } });
        return true;
      }
      const failures = current.failed_login_count + 1;
      const lock = failures >= ctx.config.login.maxFailuresPerAccount;
      const updated = await trx
        .updateTable('users')
        .set({ failed_login_count: failures, ...(lock ? { locked_at: new Date() } : {}), updated_at: new Date() })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: lock ? 'auth.account_locked' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        before: auditableUser(current),
        after: auditableUser(updated),
        details: { reason: 'wrong_password' },
      });
      return lock;
    });
    if (lockedNow) throw new AppError('identity.account_locked');
    throw new AppError('identity.invalid_credentials');
  }
  if (!user.is_verified) {
    throw new AppError('identity.not_verified', { params: { login: maskLogin(login as LoginIdentifier) } });
  }
  const session = await ctx.db.transaction().execute(async (trx) => {
    const created = await createSession(ctx, trx, user.id, input.kind, { ip: audit.ip, userAgent: input.userAgent });
    await trx.updateTable('users').set({ failed_login_count: 0, last_login_at: new Date() }).where('id', '=', user.id).execute();
    const grants = (await repository.listGrants(trx, [user.id])).get(user.id) ?? [];
    await recordAudit(trx, { ...audit, actorId: user.id, actorRole: [...new Set(grants.map((g) => g.role))].sort().join(',') }, {
      action: 'auth.login',
      targetType: 'session',
      targetId: created.sessionId,
      details: { kind: input.kind },
    });
    return created;
  });
  return { session, user: await loadUser(ctx, user.id) };
}

/** Revokes the current session. */
export async function logOut(ctx: AppContext, audit: AuditContext, actor: Actor | null): Promise<void> {
  const known = requireActor(actor);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', known.sessionId).execute();
    await recordAudit(trx, audit, { action: 'auth.logout', targetType: 'session', targetId: known.sessionId });
  });
}

/** Resolves a session token to the actor, or null when it is unknown, expired or revoked. */
export async function resolveSessionToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const session = await repository.findLiveSession(ctx.db, hashToken(token), new Date());
  if (!session) return null;
  const grants = (await repository.listGrants(ctx.db, [session.user_id])).get(session.user_id) ?? [];
  return {
    userId: session.user_id,
    sessionId: session.id,
    via: session.kind === 'cookie' ? 'cookie' : 'bearer',
    csrfToken: session.csrf_token,
    grants: grants.map((grant): Grant => ({ role: grant.role as Role, agencyId: grant.agency_id, agencyPath: grant.agency_path })),
  };
}

// ---------------------------------------------------------------- passwords

/** Sends a reset code when the account exists; the answer never reveals whether it does. */
export async function requestPasswordReset(ctx: AppContext, audit: AuditContext, input: { login: string }): Promise<void> {
  const login = requireLogin(input.login);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await repository.findUserByLogin(trx, login, { forUpdate: true });
    if (!user) return;
    if (login.kind === 'phone' && !ctx.canSend('sms')) return;
    await issueCode(trx, user, login, 'reset');
    await recordAudit(trx, audit, { action: 'user.password_reset_requested', targetType: 'user', targetId: user.id });
  });
  ctx.kickMessageDelivery();
}

/**
 * Sets a new password with a reset code. This also unlocks a locked account, verifies the login
 * (the code proves control of it) and revokes every session.
 */
export async function confirmPasswordReset(ctx: AppContext, audit: AuditContext, input: ResetPasswordRequest): Promise<void> {
  const login = requireLogin(input.login);
  const user = await repository.findUserByLogin(ctx.db, login);
  if (user) assertStrongPassword(input.newPassword, [user.email, user.phone]);
  const passwordHash = await hashPassword(ctx, input.newPassword);
  const ok = await ctx.db.transaction().execute(async (trx) => {
    const current = user ? await repository.findUserById(trx, user.id, { forUpdate: true }) : undefined;
    if (!current || !(await consumeCode(trx, current.id, 'reset', input.code))) return false;
    const updated = await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        failed_login_count: 0,
        locked_at: null,
        is_verified: true,
        verified_at: current.verified_at ?? new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', current.id).where('revoked_at', 'is', null).execute();
    await recordAudit(trx, { ...audit, actorId: current.id }, {
      action: 'user.password_reset',
      targetType: 'user',
      targetId: current.id,
      before: auditableUser(current),
      after: auditableUser(updated),
      details: { sessionsRevoked: true },
    });
    return true;
  });
  if (!ok) throw new AppError('identity.invalid_code', { fields: [{ field: 'code', message: 'invalid' }] });
}

/** Changes the password of the logged-in user and revokes their other sessions. */
export async function changePassword(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: { currentPassword: string; newPassword: string }) {
  const known = requireActor(actor);
  const user = await repository.findUserById(ctx.db, known.userId);
  if (!user) throw new AppError('identity.user_not_found');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('identity.wrong_password', { fields: [{ field: 'currentPassword', message: 'wrong' }] });
  }
  assertStrongPassword(input.newPassword, [user.email, user.phone]);
  const passwordHash = await hashPassword(ctx, input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', user.id).execute();
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', user.id)
      .where('id', '!=', known.sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(trx, audit, { action: 'user.password_change', targetType: 'user', targetId: user.id, details: { otherSessionsRevoked: true } });
  });
}

// ---------------------------------------------------------------- profile

/** The logged-in user's profile with roles. */
export async function getProfile(ctx: AppContext, actor: Actor | null) {
  return loadUser(ctx, requireActor(actor).userId);
}

/** Updates the logged-in user's name or language. */
export async function updateProfile(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: UpdateProfileRequest) {
  const known = requireActor(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repository.findUserById(trx, known.userId, { forUpdate: true });
    if (!before) throw new AppError('identity.user_not_found');
    const after = await trx
      .updateTable('users')
      .set({
        ...(input.fullName !== undefined ? { full_name: input.fullName.normalize('NFC').trim() } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', known.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, audit, { action: 'user.update_profile', targetType: 'user', targetId: known.userId, before: auditableUser(before), after: auditableUser(after) });
  });
  return loadUser(ctx, known.userId);
}

// ---------------------------------------------------------------- officials (admin)

async function resolveGrant(ctx: AppContext, actor: Actor, grant: GrantRequest): Promise<{ role: Role; agencyId: string | null }> {
  if (!roleNeedsAgency(grant.role)) return { role: grant.role, agencyId: null };
  if (!grant.agencyCode) throw new AppError('identity.grant_needs_agency', { params: { role: grant.role } });
  const agency = await getAgencyByCode(ctx, grant.agencyCode);
  if (!canAdministerAgency(actor, agency.path)) throw new AppError('agencies.outside_scope', { params: { code: agency.code } });
  return { role: grant.role, agencyId: agency.id };
}

/**
 * Creates an official's account with its role grants. Officials are verified by the admin who creates
 * them (assurance level 2); each grant must lie inside the admin's own subtree.
 */
export async function createOfficial(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: CreateOfficialRequest) {
  const known = requireActor(actor);
  if (!canListUsers(known)) throw new AppError('auth.forbidden');
  const email = requireLogin(input.email);
  const phone = input.phone ? requireLogin(input.phone) : null;
  const grants: { role: Role; agencyId: string | null }[] = [];
  for (const grant of input.roles) grants.push(await resolveGrant(ctx, known, grant));
  assertStrongPassword(input.password, [email.value, phone?.value ?? null]);
  const passwordHash = await hashPassword(ctx, input.password);
  const userId = await ctx.db.transaction().execute(async (trx) => {
    if ((await repository.findUserByLogin(trx, email)) || (phone && (await repository.findUserByLogin(trx, phone)))) {
      throw new AppError('identity.login_taken');
    }
    const created = await trx
      .insertInto('users')
      .values({
        full_name: input.fullName.normalize('NFC').trim(),
        email: email.value,
        phone: phone?.value ?? null,
        password_hash: passwordHash,
        is_verified: true,
        verified_at: new Date(),
        assurance: 2,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const unique = new Map(grants.map((grant) => [`${grant.role}:${grant.agencyId}`, grant]));
    for (const grant of unique.values()) {
      await trx.insertInto('role_grants').values({ user_id: created.id, role: grant.role, agency_id: grant.agencyId, granted_by: known.userId }).execute();
    }
    await recordAudit(trx, audit, {
      action: 'user.create_official',
      targetType: 'user',
      targetId: created.id,
      after: { ...auditableUser(created), roles: [...unique.values()] },
    });
    return created.id;
  });
  return loadUser(ctx, userId);
}

/** Lists users (admins only: the list holds personal data). */
export async function listUsers(
  ctx: AppContext,
  actor: Actor | null,
  filter: { search?: string; role?: Role; agencyCode?: string; limit: number; offset: number },
) {
  const known = requireActor(actor);
  if (!canListUsers(known)) throw new AppError('auth.forbidden');
  const agencyPath = filter.agencyCode ? (await getAgencyByCode(ctx, filter.agencyCode)).path : undefined;
  const { rows, total } = await repository.listUsers(ctx.db, { ...filter, agencyPath });
  const grants = await repository.listGrants(ctx.db, rows.map((row) => row.id));
  return { items: rows.map((row) => presentUser(row, grants.get(row.id) ?? [])), total };
}

/** Grants a role to a user on an agency inside the admin's subtree. */
export async function grantRole(ctx: AppContext, audit: AuditContext, actor: Actor | null, userId: string, input: GrantRequest) {
  const known = requireActor(actor);
  if (!canListUsers(known)) throw new AppError('auth.forbidden');
  const grant = await resolveGrant(ctx, known, input);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repository.findUserById(trx, userId))) throw new AppError('identity.user_not_found');
    const existing = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', userId)
      .where('role', '=', grant.role)
      .where((eb) => (grant.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', grant.agencyId)))
      .executeTakeFirst();
    if (existing) throw new AppError('identity.grant_exists');
    const created = await trx
      .insertInto('role_grants')
      .values({ user_id: userId, role: grant.role, agency_id: grant.agencyId, granted_by: known.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, audit, { action: 'role.grant', targetType: 'user', targetId: userId, after: { grantId: created.id, ...grant } });
  });
  return loadUser(ctx, userId);
}

/** Revokes one role grant, when its agency is inside the admin's subtree. */
export async function revokeGrant(ctx: AppContext, audit: AuditContext, actor: Actor | null, userId: string, grantId: string) {
  const known = requireActor(actor);
  if (!canListUsers(known)) throw new AppError('auth.forbidden');
  await ctx.db.transaction().execute(async (trx) => {
    const grant = await trx.selectFrom('role_grants').selectAll().where('id', '=', grantId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
    if (!grant) throw new AppError('identity.grant_not_found');
    if (grant.agency_id) {
      const agency = await findAgencyById(trx, grant.agency_id);
      if (!agency || !canAdministerAgency(known, agency.path)) throw new AppError('agencies.outside_scope', { params: { code: agency?.code ?? '?' } });
    }
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await recordAudit(trx, audit, { action: 'role.revoke', targetType: 'user', targetId: userId, before: { grantId, role: grant.role, agencyId: grant.agency_id } });
  });
  return loadUser(ctx, userId);
}

// ---------------------------------------------------------------- for other modules

/** Names and contacts of users, for staff views that are allowed to show them. */
export async function findUserContacts(ctx: AppContext, userIds: string[]): Promise<Map<string, { fullName: string; email: string | null; phone: string | null }>> {
  if (userIds.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'full_name', 'email', 'phone']).where('id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((row) => [row.id, { fullName: row.full_name, email: row.email, phone: row.phone }]));
}

/** A user's role grants with the paths of their agencies. */
export async function listUserGrants(ctx: AppContext, userId: string): Promise<Grant[]> {
  const grants = (await repository.listGrants(ctx.db, [userId])).get(userId) ?? [];
  return grants.map((grant) => ({ role: grant.role as Role, agencyId: grant.agency_id, agencyPath: grant.agency_path }));
}

/** Users holding one of the roles on an agency whose subtree contains agencyPath (e.g. the leads above a unit). */
export async function listUsersWithRoleOver(ctx: AppContext, roles: Role[], agencyPath: string | null): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('role_grants as g')
    .innerJoin('agencies as a', 'a.id', 'g.agency_id')
    .select(['g.user_id'])
    .where('g.role', 'in', roles)
    // Grants on the agency itself or on one of its ancestors (their path is a prefix of agencyPath).
    .$if(agencyPath !== null, (query) => query.where(sql<boolean>`(${agencyPath} = a.path or ${agencyPath} like a.path || '.%')`))
    .execute();
  return [...new Set(rows.map((row) => row.user_id))];
}

/** Users holding one of the roles on an agency inside the subtree at agencyPath (e.g. the officers of a unit). */
export async function listUsersWithRoleUnder(ctx: AppContext, roles: Role[], agencyPath: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('role_grants as g')
    .innerJoin('agencies as a', 'a.id', 'g.agency_id')
    .select(['g.user_id'])
    .where('g.role', 'in', roles)
    .where((eb) => eb.or([eb('a.path', '=', agencyPath), eb('a.path', 'like', `${agencyPath}.%`)]))
    .execute();
  return [...new Set(rows.map((row) => row.user_id))];
}
