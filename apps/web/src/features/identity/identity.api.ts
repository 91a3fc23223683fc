import type {
  LoginRequest,
  RegisterRequest,
  ResetPasswordRequest,
  UpdateProfileRequest,
  User,
  VerifyRequest,
} from '@onecity/contracts';
import { api } from '../../app/api.ts';

export type Verification = { channel: 'email' | 'sms'; destination: string };
export type RegisterResult = { user: User; verification: Verification };
export type CookieLoginResult = { user: User; csrfToken: string; expiresAt: string };
export type MeResult = User & { csrfToken?: string };

/** Creates a citizen account; the API sends a 6-digit code to the phone or e-mail. */
export const registerCitizen = (request: RegisterRequest) => api.post<RegisterResult>('/auth/register', request);

/** Confirms the phone or e-mail with the code the API sent. */
export const verifyAccount = (request: VerifyRequest) => api.post<{ user: User }>('/auth/verify', request);

/** Asks for a new verification code. */
export const resendVerificationCode = (login: string) => api.post<void>('/auth/resend-code', { login });

/** Opens a cookie session (HttpOnly cookie plus a CSRF token for later writes). */
export const logInWithCookie = (login: string, password: string) =>
  api.post<CookieLoginResult>('/auth/login', { login, password, session: 'cookie' } satisfies LoginRequest);

/** Ends the current session. */
export const logOut = () => api.post<void>('/auth/logout');

/** Asks for a password reset code. The API answers 202 whether or not the account exists. */
export const requestPasswordReset = (login: string) => api.post<void>('/auth/password-reset/request', { login });

/** Sets a new password with the reset code. */
export const confirmPasswordReset = (request: ResetPasswordRequest) =>
  api.post<void>('/auth/password-reset/confirm', request);

/** The logged-in user and the session's CSRF token; ApiError 401 when not logged in. */
export const fetchCurrentUser = () => api.get<MeResult>('/me');

/** Changes the user's own name or language. */
export const updateProfile = (request: UpdateProfileRequest) => api.patch<User>('/me', request);

/** Changes the user's own password. */
export const changePassword = (request: { currentPassword: string; newPassword: string }) =>
  api.post<void>('/me/password', request);
