import type { Role, User } from '@onecity/contracts';
import type { GrantRow, UserRow } from './identity.repository.ts';

/** What leaves the server about a user: no hash, no counters. */
export function presentUser(row: UserRow, grants: GrantRow[]): User {
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    isVerified: row.is_verified,
    assurance: row.assurance,
    locale: row.locale === 'en' ? 'en' : 'vi',
    roles: grants.map((grant) => ({
      role: grant.role as Role,
      agencyId: grant.agency_id,
      agencyCode: grant.agency_code,
      agencyName: grant.agency_name_vi,
    })),
    createdAt: row.created_at.toISOString(),
  };
}

/** The audited view of a user row: what changed, never the password hash. */
export function auditableUser(row: UserRow): Record<string, unknown> {
  return {
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    isVerified: row.is_verified,
    assurance: row.assurance,
    locale: row.locale,
    failedLoginCount: row.failed_login_count,
    lockedAt: row.locked_at,
  };
}
