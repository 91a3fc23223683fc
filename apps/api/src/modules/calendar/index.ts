/**
 * The calendar module: Vietnamese public-sector working days and deadlines (used by field reports and
 * online procedures). Other modules use only what is exported here.
 */
export { calendarRoutes } from './calendar.routes.ts';
export { ensureShippedHolidays, getDeadline, getWorkingCalendar } from './calendar.service.ts';
export {
  addDays,
  addWorkingDays,
  computeDeadline,
  createWorkingCalendar,
  isWorkingDay,
  localDateTime,
  localIso,
  localPeriod,
  type CalendarDay,
  type Deadline,
  type OfficeHours,
  type WorkingCalendar,
} from './workflow/working-days.ts';
