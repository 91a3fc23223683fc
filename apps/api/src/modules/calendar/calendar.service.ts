/**
 * The working-day calendar: holiday data per year in the database (shipped data loaded at start, editable
 * by admins), held in memory for deadline computations and refreshed after edits.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { FIXED_HOLIDAYS, HOLIDAY_YEARS, type HolidayEntry, type HolidayYear } from './data/holidays.ts';
import {
  computeDeadline,
  createWorkingCalendar,
  weekdayOf,
  type CalendarDay,
  type Deadline,
  type WorkingCalendar,
} from './workflow/working-days.ts';

/** How long another instance's edit may take to reach this one. */
const REFRESH_MS = 60_000;

interface LoadedCalendar {
  years: Set<number>;
  calendar: WorkingCalendar;
  loadedAt: number;
}

interface CalendarCache {
  loaded: LoadedCalendar | null;
  loading: Promise<LoadedCalendar> | null;
}

// One cache per application context (tests and scripts may run several apps in one process).
const caches = new WeakMap<AppContext, CalendarCache>();

function cacheOf(ctx: AppContext): CalendarCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = { loaded: null, loading: null };
    caches.set(ctx, cache);
  }
  return cache;
}

/** Inserts the shipped years that the database does not have yet (existing years, maybe edited, are kept). */
export async function ensureShippedHolidays(ctx: AppContext): Promise<number[]> {
  const present = new Set((await ctx.db.selectFrom('calendar_years').select('year').execute()).map((row) => row.year));
  const missing = HOLIDAY_YEARS.filter((year) => !present.has(year.year));
  if (missing.length === 0) return [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const year of missing) {
      await writeYear(trx, year, null);
      await recordAudit(
        trx,
        { actorId: null, actorRole: 'system', ip: null, requestId: 'calendar:shipped-data' },
        { action: 'calendar.load_year', targetType: 'calendar_year', targetId: String(year.year), after: { basis: year.basis, days: year.days.length } },
      );
    }
  });
  cacheOf(ctx).loaded = null;
  return missing.map((year) => year.year);
}

async function writeYear(trx: Transaction<DB>, year: HolidayYear, updatedBy: string | null): Promise<void> {
  await trx
    .insertInto('calendar_years')
    .values({ year: year.year, basis: year.basis, source: year.source, updated_by: updatedBy, updated_at: new Date() })
    .onConflict((oc) => oc.column('year').doUpdateSet({ basis: year.basis, source: year.source, updated_by: updatedBy, updated_at: new Date() }))
    .execute();
  await trx.deleteFrom('calendar_days').where('year', '=', year.year).execute();
  if (year.days.length > 0) {
    await trx
      .insertInto('calendar_days')
      .values(year.days.map((entry) => ({ date: entry.date, year: year.year, kind: entry.kind, name_vi: entry.nameVi, name_en: entry.nameEn })))
      .execute();
  }
}

async function load(ctx: AppContext): Promise<LoadedCalendar> {
  const [years, days] = await Promise.all([
    ctx.db.selectFrom('calendar_years').select('year').execute(),
    ctx.db.selectFrom('calendar_days').select(['date', 'kind', 'name_vi', 'name_en']).execute(),
  ]);
  const known = new Set(years.map((row) => row.year));
  const entries: CalendarDay[] = days.map((row) => ({ date: row.date, kind: row.kind as CalendarDay['kind'], nameVi: row.name_vi, nameEn: row.name_en }));
  const base = createWorkingCalendar(entries);
  // A year without data still keeps its fixed-date holidays.
  const calendar: WorkingCalendar = {
    isWorkingWeekend: base.isWorkingWeekend,
    isDayOff: (date) => (known.has(Number(date.slice(0, 4))) ? base.isDayOff(date) : FIXED_HOLIDAYS.some((holiday) => date.endsWith(holiday.monthDay))),
  };
  return { years: known, calendar, loadedAt: Date.now() };
}

/** The calendar in memory, reloaded when older than REFRESH_MS or after an edit. */
export async function getWorkingCalendar(ctx: AppContext): Promise<WorkingCalendar> {
  const cache = cacheOf(ctx);
  if (cache.loaded && Date.now() - cache.loaded.loadedAt < REFRESH_MS) return cache.loaded.calendar;
  cache.loading ??= load(ctx).finally(() => {
    cache.loading = null;
  });
  cache.loaded = await cache.loading;
  return cache.loaded.calendar;
}

/** The receipt date and deadline for a submission at `submittedAt` with N working days. */
export async function getDeadline(ctx: AppContext, submittedAt: Date, workingDays: number): Promise<Deadline> {
  return computeDeadline(await getWorkingCalendar(ctx), submittedAt, workingDays, ctx.config.officeHours);
}

/** One year's data; throws calendar.year_not_found when there is none. */
export async function getHolidayYear(ctx: AppContext, year: number) {
  const row = await ctx.db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  if (!row) throw new AppError('calendar.year_not_found', { params: { year } });
  const days = await ctx.db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
  return { row, days };
}

function checkDays(year: number, days: HolidayEntry[]): void {
  const seen = new Set<string>();
  for (const [index, entry] of days.entries()) {
    const field = `days.${index}.date`;
    const weekday = weekdayOf(entry.date);
    const isWeekend = weekday === 0 || weekday === 6;
    let reason: { vi: string; en: string } | null = null;
    if (Number.isNaN(weekday) || !entry.date.startsWith(`${year}-`)) reason = { vi: `${entry.date} không thuộc năm ${year}`, en: `${entry.date} is not in ${year}` };
    else if (seen.has(entry.date)) reason = { vi: `${entry.date} bị lặp`, en: `${entry.date} appears twice` };
    else if (entry.kind === 'working_saturday' && !isWeekend) reason = { vi: `${entry.date} không phải ngày cuối tuần nên không thể là ngày làm bù`, en: `${entry.date} is not a weekend day, so it cannot be a working weekend day` };
    else if (entry.kind !== 'working_saturday' && isWeekend) reason = { vi: `${entry.date} là ngày cuối tuần; chỉ ghi các ngày nghỉ rơi vào ngày làm việc`, en: `${entry.date} is a weekend day; list only days off that fall on weekdays` };
    if (reason) throw new AppError('calendar.invalid_day', { params: { reason }, fields: [{ field, message: reason.en }] });
    seen.add(entry.date);
  }
}

/** Replaces a year's days off and working weekend days (admins of the city). */
export async function replaceHolidayYear(
  ctx: AppContext,
  audit: AuditContext,
  actor: Actor | null,
  year: number,
  input: { basis: HolidayYear['basis']; source: string; days: HolidayEntry[] },
) {
  const known = requireActor(actor);
  const isCityAdmin = known.grants.some((grant) => grant.role === 'admin' && grant.agencyPath !== null && !grant.agencyPath.includes('.'));
  if (!isCityAdmin || !hasRole(known, ['admin'])) throw new AppError('auth.forbidden');
  const days = input.days.map((entry) => ({ ...entry, nameVi: entry.nameVi.normalize('NFC'), nameEn: entry.nameEn }));
  checkDays(year, days);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').select(['date', 'kind']).where('year', '=', year).orderBy('date').execute();
    const beforeYear = await trx.selectFrom('calendar_years').select(['basis', 'source']).where('year', '=', year).executeTakeFirst();
    await writeYear(trx, { year, basis: input.basis, source: input.source, days }, known.userId);
    await recordAudit(trx, audit, {
      action: 'calendar.replace_year',
      targetType: 'calendar_year',
      targetId: String(year),
      before: beforeYear ? { ...beforeYear, days: before.map((d) => `${d.date}:${d.kind}`) } : null,
      after: { basis: input.basis, source: input.source, days: days.map((d) => `${d.date}:${d.kind}`) },
    });
  });
  cacheOf(ctx).loaded = null;
  return getHolidayYear(ctx, year);
}
