import { CONSOLE_ROLES, type Role } from '@onecity/contracts';

export type ConsoleSectionKey = 'reports' | 'dossiers' | 'documents' | 'payments' | 'scorecards' | 'agencies' | 'users' | 'audit';

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
/** The report queue's readers: unit staff, IOC operators (triage), auditors and admins, as the API allows. */
export const REPORT_QUEUE_ROLES: readonly Role[] = ['officer', 'unit_lead', 'ioc_operator', 'auditor', 'admin'];
/**
 * Who opens the console: the staff roles of the contract, and IOC operators, whose triage queue of field
 * reports lives here. The operations centre (/ioc) stays their dashboard.
 */
export const STAFF_CONSOLE_ROLES: readonly Role[] = [...CONSOLE_ROLES, 'ioc_operator'];
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'admin'];
/** Officials whose monthly results are scored (their own scorecard, their unit's, and for leads their officials'). */
export const SCORECARD_ROLES: readonly Role[] = ['officer', 'unit_lead', 'desk_officer'];

export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  { key: 'reports', path: 'reports', group: 'work', roles: REPORT_QUEUE_ROLES },
  { key: 'dossiers', path: 'dossiers', group: 'work', roles: CONSOLE_ROLES },
  { key: 'documents', path: 'documents', group: 'work', roles: CONSOLE_ROLES },
  { key: 'payments', path: 'payments', group: 'work', roles: ['desk_officer', 'unit_lead', 'auditor', 'admin'] },
  { key: 'scorecards', path: 'scorecards', group: 'work', roles: SCORECARD_ROLES },
  { key: 'agencies', path: 'admin/agencies', group: 'admin', roles: ADMIN_ROLES },
  { key: 'users', path: 'admin/users', group: 'admin', roles: ADMIN_ROLES },
  { key: 'audit', path: 'audit', group: 'admin', roles: AUDIT_ROLES },
];
