/**
 * The identity module's error codes (messages in core/i18n/error-messages.ts):
 * - identity.invalid_login: the login is neither a Vietnamese mobile number nor an e-mail address.
 * - identity.login_taken: registering a login that already has an account.
 * - identity.invalid_credentials: wrong login or password (never says which).
 * - identity.account_locked: too many consecutive failures; a password reset unlocks.
 * - identity.not_verified: logging in before entering the verification code.
 * - identity.invalid_code: a one-time code that is wrong, expired, used or tried too often.
 * - identity.already_verified: asking to verify an account that is verified.
 * - identity.weak_password: the password fails the policy in workflow/password-policy.ts.
 * - identity.wrong_password: changing the password with a wrong current password.
 * - identity.user_not_found, identity.grant_not_found: unknown ids in admin routes.
 * - identity.grant_needs_agency: a staff role granted without an agency.
 * - identity.grant_exists: granting a role the user already has there.
 * - identity.channel_unavailable: registering by phone when no SMS sender is configured.
 * - identity.code_recently_sent: asking for a new code within a minute of the last one.
 */
export const IDENTITY_ERROR_PREFIX = 'identity.';
