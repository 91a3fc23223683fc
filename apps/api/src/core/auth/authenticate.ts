/**
 * Attaches the caller to each request: a bearer token (API clients) or the session cookie (the web app).
 * Cookie sessions must send the session's CSRF token in the x-csrf-token header on every state-changing
 * request (synchronizer-token pattern, on top of SameSite=Lax); bearer tokens cannot be sent by a browser
 * on its own, so they need none.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { App } from '../http/types.ts';
import type { Actor } from './actor.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function matches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Registers the onRequest hook that resolves the actor with the given resolver. */
export function registerAuthentication(app: App, resolve: (token: string) => Promise<Actor | null>, cookieName: string): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.actor = null;
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
      const actor = match?.[1] ? await resolve(match[1]) : null;
      if (!actor) throw new AppError('auth.invalid_token');
      request.actor = actor;
      return;
    }
    const token = request.cookies[cookieName];
    if (!token || !/^[A-Za-z0-9_-]{20,200}$/.test(token)) return;
    const actor = await resolve(token);
    // An expired cookie is the same as none: the request goes on anonymously and the route decides.
    if (!actor || actor.via !== 'cookie') return;
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (!matches(actor.csrfToken, Array.isArray(given) ? given[0] : given)) throw new AppError('auth.csrf_invalid');
    }
    request.actor = actor;
  });
}
