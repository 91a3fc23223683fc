import { CONSOLE_ROLES, type Agency, type DossierStatus, type DossierSummary, type Locale, type Role, type User } from '@onecity/contracts';
import type { DossierQueue, StaffActionType } from './dossiers.api.ts';

/** Who opens the dossier screens: console staff, and IOC operators, whom the API lets read dossiers and figures. */
export const DOSSIER_ROLES: readonly Role[] = [...CONSOLE_ROLES, 'ioc_operator'];
/** Roles that have their own work list (steps are given to desk officers, officers and unit leads). */
const WORKING_ROLES: readonly Role[] = ['desk_officer', 'officer', 'unit_lead'];

/** A step due within this many seconds is "nearly due" (one day: the shortest step is one working day). */
export const NEARLY_DUE_SECONDS = 86_400;

/** The statuses a dossier may have, in the order of the National Public Service Portal. */
export const DOSSIER_STATUS_ORDER: readonly DossierStatus[] = ['new', 'accepted', 'rejected', 'processing', 'supplement_requested', 'fee_due', 'withdrawn', 'stopped', 'done', 'delivered'];
/**
 * Statuses in which the clock runs towards the appointment date (once the result is ready, it has been met or
 * missed). While a supplement is
 * awaited it stands still: the applicant's time does not count against the agency, and a new date follows.
 */
export const COUNTING_STATUSES: ReadonlySet<DossierStatus> = new Set(['new', 'accepted', 'processing', 'fee_due']);
/** Whether a dossier's open step counts down: always, except while a supplement is awaited. */
export const isStepClockRunning = (status: DossierStatus) => status !== 'supplement_requested';

/** The staff actions in the order the panel offers them: moving the dossier on first, ending it last. */
export const STAFF_ACTIONS: readonly StaffActionType[] = [
  'accept',
  'reject',
  'assign',
  'forward',
  'send_back',
  'transfer',
  'request_supplement',
  'record_payment',
  'issue_apology',
  'approve',
  'deliver',
  'stop',
];

/** The staff actions the API allows now, in panel order; anything unknown (citizen actions) is left out. */
export function offeredActions(allowedActions: readonly string[]): StaffActionType[] {
  const allowed = new Set(allowedActions);
  return STAFF_ACTIONS.filter((action) => allowed.has(action));
}

const hasRole = (user: User, roles: readonly Role[]) => user.roles.some((grant) => roles.includes(grant.role));

/** The lists a user may open: the desk's intake for desk officers, a work list for those who take steps, and all. */
export function dossierTabsFor(user: User): DossierQueue[] {
  const tabs: DossierQueue[] = [];
  if (hasRole(user, ['desk_officer'])) tabs.push('intake');
  if (hasRole(user, WORKING_ROLES)) tabs.push('mine');
  tabs.push('all');
  return tabs;
}

/** Whether the user receives paper dossiers at a one-stop desk. */
export const isDeskOfficer = (user: User) => hasRole(user, ['desk_officer']);

export type CountdownState = 'overdue' | 'nearly_due' | 'on_time';

/** How urgent a deadline is: passed, within a day, or further away. */
export function countdownState(secondsLeft: number): CountdownState {
  if (secondsLeft < 0) return 'overdue';
  if (secondsLeft < NEARLY_DUE_SECONDS) return 'nearly_due';
  return 'on_time';
}

/** Dossiers by the due date of their current step, soonest first; those without an open step last. */
export function sortByStepDue<T extends Pick<DossierSummary, 'currentStep' | 'code'>>(items: readonly T[]): T[] {
  const due = (item: T) => (item.currentStep ? Date.parse(item.currentStep.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((left, right) => due(left) - due(right) || (left.code < right.code ? -1 : left.code > right.code ? 1 : 0));
}

/**
 * The agencies whose figures a user may read: those at or below an agency of one of their staff roles (the
 * agency path lists codes from the root down). Their own agencies come first, then the rest by name.
 */
export function agenciesInScope(user: User, agencies: readonly Agency[], compare: (left: Agency, right: Agency) => number): Agency[] {
  const grants = user.roles.filter((grant) => grant.role !== 'citizen');
  if (grants.length === 0) return [];
  const isEverywhere = grants.some((grant) => grant.agencyCode === null);
  const codes = new Set(grants.map((grant) => grant.agencyCode).filter((code): code is string => code !== null));
  const own = [...codes].map((code) => agencies.find((agency) => agency.code === code)).filter((agency): agency is Agency => agency !== undefined);
  const below = agencies.filter((agency) => !codes.has(agency.code) && (isEverywhere || agency.path.split('.').some((code) => codes.has(code))));
  return [...own, ...below.sort(compare)];
}

/** The date (YYYY-MM-DD) `now` falls on in the city's time zone. */
export function cityDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The first and last day (YYYY-MM-DD) of the month `now` falls in, in the city's time zone. */
export function currentMonthRange(now: Date): { from: string; to: string } {
  const today = cityDate(now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = today.slice(0, 8);
  return { from: `${prefix}01`, to: `${prefix}${String(lastDay).padStart(2, '0')}` };
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

// ------------------------------------------------------------------ form answers

export type AnswerValue = { kind: 'text'; text: string } | { kind: 'boolean'; value: boolean } | { kind: 'date'; iso: string } | { kind: 'number'; value: number };
export type FormAnswer = { name: string; label: string; values: AnswerValue[] };
type Schema = Record<string, unknown>;

const isRecord = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The label of a form field: `title` in Vietnamese, `x-title-en` in English (the title when missing). */
function fieldLabel(schema: Schema | undefined, name: string, locale: Locale): string {
  const vi = typeof schema?.['title'] === 'string' ? schema['title'] : undefined;
  const en = typeof schema?.['x-title-en'] === 'string' ? schema['x-title-en'] : undefined;
  return (locale === 'en' ? (en ?? vi) : vi) ?? name;
}

/** The label of a choice: `x-enum-labels-vi`/`-en`, given as a list beside `enum` or as a value → label map. */
function enumLabel(schema: Schema | undefined, value: unknown, locale: Locale): string | undefined {
  if (schema === undefined) return undefined;
  const labels = schema[`x-enum-labels-${locale}`] ?? schema['x-enum-labels-vi'];
  if (Array.isArray(labels) && Array.isArray(schema['enum'])) {
    const index = (schema['enum'] as unknown[]).findIndex((candidate) => candidate === value);
    const label: unknown = index >= 0 ? labels[index] : undefined;
    return typeof label === 'string' ? label : undefined;
  }
  if (isRecord(labels)) {
    const label = labels[String(value)];
    return typeof label === 'string' ? label : undefined;
  }
  return undefined;
}

function describeValue(schema: Schema | undefined, value: unknown, locale: Locale): AnswerValue[] {
  if (Array.isArray(value)) {
    const itemSchema = isRecord(schema?.['items']) ? schema['items'] : undefined;
    return value.flatMap((item) => describeValue(itemSchema, item, locale));
  }
  const label = enumLabel(schema, value, locale);
  if (label !== undefined) return [{ kind: 'text', text: label }];
  if (typeof value === 'boolean') return [{ kind: 'boolean', value }];
  if (typeof value === 'number') return [{ kind: 'number', value }];
  if (typeof value === 'string') return schema?.['format'] === 'date' || schema?.['format'] === 'date-time' ? [{ kind: 'date', iso: value }] : [{ kind: 'text', text: value }];
  if (value === null || value === undefined) return [];
  return [{ kind: 'text', text: JSON.stringify(value) }];
}

/**
 * The answers of a dossier's form, labelled from the procedure's JSON Schema in schema order; a nested object's
 * fields are listed as "Parent › Field". Answers the schema does not name (an older version of the form) follow
 * under their own names, so nothing the applicant wrote is hidden. Empty answers are left out.
 */
export function describeFormAnswers(formSchema: Schema, formData: Record<string, unknown>, locale: Locale, prefix = ''): FormAnswer[] {
  const properties = isRecord(formSchema['properties']) ? formSchema['properties'] : {};
  // The API stores the author's field order in x-order (its database reorders object keys).
  const declared = Array.isArray(formSchema['x-order']) ? formSchema['x-order'].filter((name): name is string => typeof name === 'string' && name in properties) : [];
  const schemaOrder = [...declared, ...Object.keys(properties).filter((name) => !declared.includes(name))];
  const names = [...schemaOrder, ...Object.keys(formData).filter((name) => !(name in properties))];
  const answers: FormAnswer[] = [];
  for (const name of names) {
    const value = formData[name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const schema = isRecord(properties[name]) ? properties[name] : undefined;
    const label = `${prefix}${fieldLabel(schema, name, locale)}`;
    if (isRecord(value) && schema !== undefined && isRecord(schema['properties'])) {
      answers.push(...describeFormAnswers(schema, value, locale, `${label} › `));
      continue;
    }
    const values = describeValue(schema, value, locale);
    if (values.length > 0) answers.push({ name: `${prefix}${name}`, label, values });
  }
  return answers;
}

// ------------------------------------------------------------------ numbers

const INTL_LOCALES: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A share between 0 and 1 as a percentage ("87,5 %" in Vietnamese). */
export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A count with the reader's digit grouping ("1.234"). */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale]).format(count);
}

/** An amount in đồng ("50.000 ₫"). */
export function formatMoney(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}
