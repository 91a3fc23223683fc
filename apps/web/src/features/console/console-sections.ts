import type { Role } from '@onecity/contracts';

export type ConsoleSectionKey = 'reports' | 'dossiers' | 'documents' | 'agencies' | 'users' | 'audit';

export type ConsoleSection = {
  key: ConsoleSectionKey;
  /** Path below /console. */
  path: string;
  group: 'work' | 'admin';
  /** Roles that see the section; every console role when omitted. The API enforces the same rule. */
  roles?: readonly Role[];
  /** Filled by a later capability; until then the page says so. */
  isComingSoon?: boolean;
};

export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'admin'];

export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  { key: 'reports', path: 'reports', group: 'work', isComingSoon: true },
  { key: 'dossiers', path: 'dossiers', group: 'work', isComingSoon: true },
  { key: 'documents', path: 'documents', group: 'work', isComingSoon: true },
  { key: 'agencies', path: 'admin/agencies', group: 'admin', roles: ADMIN_ROLES },
  { key: 'users', path: 'admin/users', group: 'admin', roles: ADMIN_ROLES },
  { key: 'audit', path: 'audit', group: 'admin', roles: AUDIT_ROLES },
];
