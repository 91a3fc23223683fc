import { Type } from 'typebox';
import {
  ChangePasswordRequest,
  CreateOfficialRequest,
  GrantRequest,
  LoginOnlyRequest,
  LoginRequest,
  LoginResponse,
  MeResponse,
  Problem,
  RegisterRequest,
  RegisterResponse,
  ResetPasswordRequest,
  RoleSchema,
  UpdateProfileRequest,
  User,
  UserList,
  Uuid,
  VerifyRequest,
} from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import type { App } from '../../core/http/types.ts';
import * as service from './identity.service.ts';

const Accepted = Type.Object({ status: Type.Literal('accepted') });
const tags = ['identity'];

/** Registration, verification, login, logout, password reset, profile and (for admins) officials. */
export async function identityRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const cookie = ctx.config.session;

  app.post(
    '/api/v1/auth/register',
    { schema: { tags, summary: 'Register a citizen account; a 6-digit code is sent to the phone or e-mail', body: RegisterRequest, response: { 201: RegisterResponse, 400: Problem, 409: Problem, 429: Problem } } },
    async (request, reply) => reply.code(201).send(await service.registerCitizen(ctx, auditContextOf(request), request.body)),
  );

  app.post(
    '/api/v1/auth/verify',
    { schema: { tags, summary: 'Verify the phone or e-mail with the code', body: VerifyRequest, response: { 200: Type.Object({ user: User }), 400: Problem, 409: Problem } } },
    async (request) => service.verifyAccount(ctx, auditContextOf(request), request.body),
  );

  app.post(
    '/api/v1/auth/resend-code',
    { schema: { tags, summary: 'Send a new verification code', body: LoginOnlyRequest, response: { 202: Accepted, 400: Problem, 409: Problem, 429: Problem } } },
    async (request, reply) => {
      await service.resendVerificationCode(ctx, auditContextOf(request), request.body);
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with phone or e-mail and password',
        description: 'Returns a bearer token, or with "session": "cookie" sets an HttpOnly session cookie and returns the CSRF token.',
        body: LoginRequest,
        response: { 200: LoginResponse, 400: Problem, 401: Problem, 403: Problem, 423: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const kind = request.body.session === 'cookie' ? 'cookie' : 'bearer';
      const { session, user } = await service.logIn(ctx, auditContextOf(request), {
        login: request.body.login,
        password: request.body.password,
        kind,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (kind === 'cookie') {
        reply.setCookie(cookie.cookieName, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: cookie.cookieSecure,
          path: '/',
          expires: session.expiresAt,
        });
        return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), user };
      }
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags, summary: 'Log out: revokes the session', response: { 204: Type.Null(), 401: Problem } } },
    async (request, reply) => {
      await service.logOut(ctx, auditContextOf(request), request.actor);
      reply.clearCookie(cookie.cookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    { schema: { tags, summary: 'Ask for a password reset code (same answer whether or not the account exists)', body: LoginOnlyRequest, response: { 202: Accepted, 400: Problem, 429: Problem } } },
    async (request, reply) => {
      await service.requestPasswordReset(ctx, auditContextOf(request), request.body);
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    { schema: { tags, summary: 'Set a new password with the reset code; unlocks the account and revokes all sessions', body: ResetPasswordRequest, response: { 204: Type.Null(), 400: Problem } } },
    async (request, reply) => {
      await service.confirmPasswordReset(ctx, auditContextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'The logged-in user with roles and agencies', response: { 200: MeResponse, 401: Problem } } },
    async (request) => {
      const user = await service.getProfile(ctx, request.actor);
      return request.actor?.via === 'cookie' ? { ...user, csrfToken: request.actor.csrfToken } : user;
    },
  );

  app.patch(
    '/api/v1/me',
    { schema: { tags, summary: 'Update name or language', body: UpdateProfileRequest, response: { 200: User, 400: Problem, 401: Problem } } },
    async (request) => service.updateProfile(ctx, auditContextOf(request), request.actor, request.body),
  );

  app.post(
    '/api/v1/me/password',
    { schema: { tags, summary: 'Change password; other sessions are revoked', body: ChangePasswordRequest, response: { 204: Type.Null(), 400: Problem, 401: Problem } } },
    async (request, reply) => {
      await service.changePassword(ctx, auditContextOf(request), request.actor, request.body);
      return reply.code(204).send(null);
    },
  );

  const adminTags = ['administration'];
  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: adminTags,
        summary: 'List users (admins)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            agency: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserList, 401: Problem, 403: Problem },
      },
    },
    async (request) =>
      service.listUsers(ctx, request.actor, {
        search: request.query.q,
        role: request.query.role,
        agencyCode: request.query.agency,
        limit: request.query.limit,
        offset: request.query.offset,
      }),
  );

  app.post(
    '/api/v1/admin/users',
    { schema: { tags: adminTags, summary: 'Create an official with role grants', body: CreateOfficialRequest, response: { 201: User, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } } },
    async (request, reply) => reply.code(201).send(await service.createOfficial(ctx, auditContextOf(request), request.actor, request.body)),
  );

  app.post(
    '/api/v1/admin/users/:id/roles',
    {
      schema: {
        tags: adminTags,
        summary: 'Grant a role on an agency subtree',
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        body: GrantRequest,
        response: { 201: User, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.grantRole(ctx, auditContextOf(request), request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/admin/users/:id/roles/:grantId',
    {
      schema: {
        tags: adminTags,
        summary: 'Revoke a role grant',
        params: Type.Object({ id: Uuid, grantId: Uuid }, { additionalProperties: false }),
        response: { 200: User, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => service.revokeGrant(ctx, auditContextOf(request), request.actor, request.params.id, request.params.grantId),
  );
}
