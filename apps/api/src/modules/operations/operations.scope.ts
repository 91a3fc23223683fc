/**
 * What a figure is about: an agency's subtree (resolved once from the agencies module) and a period of local dates
 * turned into instants in the city's time zone.
 */
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { listAgencies, type AgencyRow } from '../agencies/index.ts';
import { localPeriod } from '../calendar/index.ts';
import type { Period } from './workflow/decision-766.ts';

export interface AgencyRef {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
}

export interface Scope {
  agency: AgencyRef;
  agencyId: string;
  path: string;
  /** True for the root of the tree (the city): figures then take every row, assigned or not. */
  isCity: boolean;
  /** Ids of the agency and everything under it. */
  agencyIds: string[];
  /** Whether the subtree holds a ward or commune (ward-level procedures are then under its authority). */
  includesWard: boolean;
}

/** Staff who read figures of agencies within their grants (as for the dossier statistics). */
export const FIGURE_READERS = ['officer', 'unit_lead', 'desk_officer', 'ioc_operator', 'auditor', 'admin'] as const;

const MAX_PERIOD_DAYS = 366;

export const refOf = (row: Pick<AgencyRow, 'code' | 'name_vi' | 'name_en' | 'kind'>): AgencyRef => ({ code: row.code, nameVi: row.name_vi, nameEn: row.name_en, kind: row.kind });

/** Every agency, by path (the tree changes rarely; one query per figure is cheap). */
export async function listAllAgencies(ctx: AppContext): Promise<AgencyRow[]> {
  return listAgencies(ctx.db);
}

/** The subtree of an agency within an already loaded list. */
export function scopeOf(agencies: AgencyRow[], agency: AgencyRow): Scope {
  const members = agencies.filter((row) => row.path === agency.path || row.path.startsWith(`${agency.path}.`));
  return {
    agency: refOf(agency),
    agencyId: agency.id,
    path: agency.path,
    isCity: agency.parent_id === null,
    agencyIds: members.map((row) => row.id),
    includesWard: members.some((row) => row.kind === 'ward' || row.kind === 'commune'),
  };
}

/** The agency's subtree; throws operations.agency_not_found. */
export async function resolveScope(ctx: AppContext, agencyCode: string, field = 'query.agencyCode'): Promise<Scope> {
  const agencies = await listAllAgencies(ctx);
  const agency = agencies.find((row) => row.code === agencyCode);
  if (!agency) throw new AppError('operations.agency_not_found', { params: { code: agencyCode }, fields: [{ field, message: 'unknown agency' }] });
  return scopeOf(agencies, agency);
}

/** The caller may read figures of this scope: one of `roles` on the agency or above it. */
export function requireReader(actor: Actor | null, scope: Scope, roles: readonly (typeof FIGURE_READERS)[number][] = FIGURE_READERS): Actor {
  const caller = requireActor(actor);
  if (!hasRole(caller, roles, scope.path)) throw new AppError('auth.forbidden');
  return caller;
}

/** [from, to] as instants in the city's zone, judged at the end or now, whichever is earlier; at most 366 days. */
export function periodOf(ctx: AppContext, from: string, to: string, now = new Date()): Period {
  if (from > to) throw new AppError('http.validation_failed', { fields: [{ field: 'query.from', message: 'must not be after to' }] });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) throw new AppError('operations.period_too_long', { params: { days: MAX_PERIOD_DAYS }, fields: [{ field: 'query.to', message: `at most ${MAX_PERIOD_DAYS} days after from` }] });
  const { start, end } = localPeriod(from, to, ctx.config.officeHours.timeZone);
  return { from, to, start, end, asOf: new Date(Math.min(now.getTime(), end.getTime())) };
}

/** Today's local date in the city's zone. */
export function localToday(ctx: AppContext, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ctx.config.officeHours.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
