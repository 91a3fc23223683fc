/**
 * Which kinds of agency may sit under which: the city People's Committee at the root; departments (Sở)
 * and wards/communes under it; handling units under any of them; public service units under the city or a department.
 */
import type { AgencyKind } from '@onecity/contracts';

const ALLOWED_PARENTS: Record<AgencyKind, readonly AgencyKind[]> = {
  city: [],
  department: ['city'],
  ward: ['city'],
  commune: ['city'],
  unit: ['city', 'department', 'ward', 'commune'],
  service_unit: ['city', 'department'],
};

/** True when an agency of `kind` may be created under a parent of `parentKind`. */
export function canSitUnder(kind: AgencyKind, parentKind: AgencyKind): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** The path of a child: the parent's path and the child's code. */
export function childPath(parentPath: string, code: string): string {
  return `${parentPath}.${code}`;
}
