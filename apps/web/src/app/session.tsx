import { createContext, startTransition, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role, User } from '@onecity/contracts';
import { ApiError, setCsrfToken } from './api.ts';
import { fetchCurrentUser, logInWithCookie, logOut as logOutRequest } from '../features/identity/identity.api.ts';

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: User };

type SessionContextValue = {
  session: Session;
  /** Logs in with a cookie session. @throws ApiError (401, 403 identity.not_verified, 423 …) */
  logIn: (login: string, password: string) => Promise<User>;
  /**
   * Ends the session. `navigateAway` runs in the same transition as the state change, so a guarded page
   * never renders as "logged out" and redirects to /login first.
   */
  logOut: (navigateAway?: () => void) => Promise<void>;
  /** Replaces the user after a profile change. */
  replaceUser: (user: User) => void;
};

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Holds who is logged in; asks GET /me once at start-up because the session cookie is HttpOnly. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    let isCurrent = true;
    fetchCurrentUser()
      .then(({ csrfToken, ...user }) => {
        setCsrfToken(csrfToken);
        if (isCurrent) setSession({ status: 'authenticated', user });
      })
      .catch((error: unknown) => {
        // 401 means "not logged in"; any other failure also leaves the visitor anonymous, and the
        // pages that need the API will show that error themselves.
        if (!(error instanceof ApiError && error.status === 401)) console.warn('Could not load the session', error);
        setCsrfToken(undefined);
        if (isCurrent) setSession({ status: 'anonymous' });
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  const logIn = useCallback(async (login: string, password: string) => {
    const result = await logInWithCookie(login, password);
    setCsrfToken(result.csrfToken);
    setSession({ status: 'authenticated', user: result.user });
    return result.user;
  }, []);

  const logOut = useCallback(async (navigateAway?: () => void) => {
    try {
      await logOutRequest();
    } catch (error) {
      // An expired session answers 401: the visitor is logged out either way. Without an answer
      // (offline) the cookie may still be valid, so we keep the session and let the page say so.
      if (!(error instanceof ApiError)) throw error;
    }
    setCsrfToken(undefined);
    // The router applies navigations as transitions; doing both in one transition renders them together.
    startTransition(() => {
      navigateAway?.();
      setSession({ status: 'anonymous' });
    });
  }, []);

  const replaceUser = useCallback((user: User) => setSession({ status: 'authenticated', user }), []);

  const value = useMemo(() => ({ session, logIn, logOut, replaceUser }), [session, logIn, logOut, replaceUser]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The session context; throws outside SessionProvider. */
export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (value === undefined) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The logged-in user, or undefined. */
export function useCurrentUser(): User | undefined {
  const { session } = useSession();
  return session.status === 'authenticated' ? session.user : undefined;
}

/** Whether the user holds at least one of the roles (on any agency). */
export function hasAnyRole(user: User | undefined, roles: readonly Role[]): boolean {
  return user !== undefined && user.roles.some((grant) => roles.includes(grant.role));
}
