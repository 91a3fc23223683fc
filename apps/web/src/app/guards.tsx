import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@onecity/contracts';
import { LoadingState } from '../components/loading-state.tsx';
import { NoAccessPage } from './error-pages.tsx';
import { hasAnyRole, useSession } from './session.tsx';

/**
 * Renders its children only for a logged-in user holding one of `roles` (any role when omitted).
 * Visitors go to /login?next=<here>; users without the role see the no-access page.
 * This only shapes the interface: the API checks every request again.
 */
export function RequireRoles({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <LoadingState />;
  if (session.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles !== undefined && !hasAnyRole(session.user, roles)) return <NoAccessPage allowedRoles={roles} />;
  return children;
}

/** Where to go after logging in: the `next` parameter when it is a path inside this app, else home. */
export function safeNextPath(next: string | null): string {
  // Only same-app paths: "//evil.example" and "/\evil.example" would leave the site.
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
