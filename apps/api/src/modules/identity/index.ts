/**
 * The identity module: accounts, sessions, one-time codes, role grants.
 * Other modules use only what is exported here.
 */
export { identityRoutes } from './identity.routes.ts';
export { resolveSessionToken, hashPassword, findUserContacts, listUserGrants, listUsersWithRoleOver, listUsersWithRoleUnder } from './identity.service.ts';
export { parseLogin } from './workflow/login-identifier.ts';
export { createServiceAccount } from './identity.service-accounts.ts';
