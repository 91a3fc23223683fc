/**
 * The procedure catalogue (admin-managed, importable and exportable as JSON): each procedure's legal time, fees,
 * components, application form (JSON Schema), result template and workflow template. Citizens search it with or
 * without Vietnamese diacritics.
 */
import { createHash } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { Transaction } from 'kysely';
import type { ProcedureInput } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { hasRole, requireRole, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB, ProcedureSnapshot } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { getAgencyDirectory, listAgencies, type AgencyName } from '../agencies/index.ts';
import { presentProcedure, presentProcedureSummary, type ProcedureRow } from './procedures.presenter.ts';

/** Lower-case text without Vietnamese diacritics ("Đăng ký khai sinh" → "dang ky khai sinh"), for searching. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Application forms are validated strictly like request bodies: no coercion, every error reported.
const formAjv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
(formatsPlugin as unknown as (ajv: Ajv) => void)(formAjv);
const compiledForms = new Map<string, ValidateFunction>();

/** The compiled validator of an application form schema (cached by content). */
export function compileForm(schema: Record<string, unknown>): ValidateFunction {
  const key = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  let validate = compiledForms.get(key);
  if (!validate) {
    try {
      validate = formAjv.compile(schema);
    } catch (error) {
      throw new AppError('procedures.invalid_definition', { params: { reason: `formSchema: ${(error as Error).message}` }, fields: [{ field: 'formSchema', message: (error as Error).message }] });
    }
    compiledForms.set(key, validate);
  }
  return validate;
}

/**
 * The agency a workflow step runs at: "desk" is the one-stop desk (the ward's public administration service centre,
 * or the city centre for department procedures), "self" the implementing agency, "unit:X" its unit {code}_X,
 * "agency:CODE" another agency.
 */
export function stepAgencyCode(ref: string, level: 'department' | 'ward', implementingCode: string): string {
  if (ref === 'desk') return level === 'ward' ? `${implementingCode}_HCC` : 'TTHCC';
  if (ref === 'self') return implementingCode;
  if (ref.startsWith('unit:')) return `${implementingCode}_${ref.slice('unit:'.length)}`;
  return ref.slice('agency:'.length);
}

function invalid(reason: string, field: string): AppError {
  return new AppError('procedures.invalid_definition', { params: { reason }, fields: [{ field, message: reason }] });
}

/** Checks what the schema cannot: unique codes, shares, step order, agencies that exist, a compilable form. */
async function checkDefinition(ctx: AppContext, input: ProcedureInput): Promise<string | null> {
  const codes = new Set<string>();
  for (const [index, component] of input.components.entries()) {
    if (codes.has(component.code)) throw invalid(`duplicate component ${component.code}`, `components.${index}.code`);
    codes.add(component.code);
  }
  const stepCodes = new Set<string>();
  for (const [index, step] of input.workflow.entries()) {
    if (stepCodes.has(step.code)) throw invalid(`duplicate step ${step.code}`, `workflow.${index}.code`);
    stepCodes.add(step.code);
  }
  const shares = input.workflow.reduce((sum, step) => sum + step.share, 0);
  if (shares !== 100) throw invalid(`step shares add up to ${shares}, not 100`, 'workflow');
  if (input.workflow[0]?.kind !== 'reception') throw invalid('the first step must be the reception', 'workflow.0.kind');
  if (!input.workflow.some((step) => step.kind === 'approval')) throw invalid('a leader approval step is required', 'workflow');
  const approvalIndex = input.workflow.findIndex((step) => step.kind === 'approval');
  if (input.workflow.slice(approvalIndex + 1).some((step) => step.kind !== 'result')) throw invalid('only the return of the result may follow the approval', 'workflow');
  const schemaType = input.formSchema.type;
  if (schemaType !== 'object') throw invalid('formSchema must describe an object', 'formSchema.type');
  compileForm(input.formSchema);

  const directory = await getAgencyDirectory(ctx);
  let implementing: string;
  let agencyId: string | null = null;
  if (input.level === 'department') {
    if (!input.agencyCode) throw invalid('a department procedure names its agency', 'agencyCode');
    const agency = directory.byCode.get(input.agencyCode);
    if (!agency) throw invalid(`unknown agency ${input.agencyCode}`, 'agencyCode');
    implementing = agency.code;
    agencyId = agency.id;
  } else {
    if (input.agencyCode) throw invalid('a ward procedure is filed at the ward the citizen chooses; leave agencyCode empty', 'agencyCode');
    const ward = (await listAgencies(ctx.db, { kind: 'ward' }))[0];
    if (!ward) throw invalid('the city has no wards yet', 'level');
    implementing = ward.code;
  }
  for (const [index, step] of input.workflow.entries()) {
    const code = stepAgencyCode(step.agency, input.level, implementing);
    if (!directory.byCode.has(code)) throw invalid(`step ${step.code} runs at ${code}, which does not exist`, `workflow.${index}.agency`);
  }
  return agencyId;
}

/**
 * The form with its field order written down (`x-order`): jsonb keeps object keys in its own order, not the
 * author's, and the form must show its fields as the procedure lists them.
 */
export function withFieldOrder(schema: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(schema['x-order'])) return schema;
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return schema;
  return { ...schema, 'x-order': Object.keys(properties) };
}

function procedureValues(input: ProcedureInput, agencyId: string | null) {
  const nfc = (text: string) => text.normalize('NFC');
  return {
    name_vi: nfc(input.nameVi),
    name_en: input.nameEn,
    field_vi: nfc(input.fieldVi),
    field_en: input.fieldEn,
    level: input.level,
    agency_id: agencyId,
    processing_amount: input.processingTime.amount,
    processing_unit: input.processingTime.unit,
    fees: JSON.stringify(input.fees),
    components: JSON.stringify(input.components),
    form_schema: JSON.stringify(withFieldOrder(input.formSchema)),
    online_level: input.onlineLevel,
    result_type: input.resultType,
    result_template: JSON.stringify(input.resultTemplate),
    workflow: JSON.stringify(input.workflow),
    legal_basis_vi: nfc(input.legalBasisVi ?? ''),
    search_text: foldDiacritics([input.code, input.nameVi, input.nameEn, input.fieldVi, input.fieldEn].join(' ')),
    is_active: input.isActive ?? true,
  };
}

async function writeProcedure(trx: Transaction<DB>, audit: AuditContext, input: ProcedureInput, agencyId: string | null): Promise<'created' | 'updated'> {
  const before = await trx.selectFrom('procedures').selectAll().where('code', '=', input.code).executeTakeFirst();
  const values = procedureValues(input, agencyId);
  if (before) {
    await trx.updateTable('procedures').set({ ...values, updated_at: new Date() }).where('id', '=', before.id).execute();
  } else {
    await trx.insertInto('procedures').values({ code: input.code, ...values }).execute();
  }
  await recordAudit(trx, audit, {
    action: before ? 'procedure.update' : 'procedure.create',
    targetType: 'procedure',
    targetId: input.code,
    before: before ? { nameVi: before.name_vi, processingTime: `${before.processing_amount} ${before.processing_unit}`, fees: before.fees, isActive: before.is_active } : null,
    after: { nameVi: input.nameVi, processingTime: `${input.processingTime.amount} ${input.processingTime.unit}`, fees: input.fees, isActive: input.isActive ?? true },
  });
  return before ? 'updated' : 'created';
}

/** Creates a procedure or replaces the one with the same code (admins). */
export async function saveProcedure(ctx: AppContext, audit: AuditContext, actor: Actor | null, input: ProcedureInput, mode: 'create' | 'replace') {
  requireRole(actor, ['admin']);
  const agencyId = await checkDefinition(ctx, input);
  const existing = await ctx.db.selectFrom('procedures').select('id').where('code', '=', input.code).executeTakeFirst();
  if (mode === 'create' && existing) throw new AppError('procedures.exists', { params: { code: input.code } });
  if (mode === 'replace' && !existing) throw new AppError('procedures.not_found', { params: { code: input.code } });
  await ctx.db.transaction().execute((trx) => writeProcedure(trx, audit, input, agencyId));
  return getProcedure(ctx, actor, input.code);
}

/** Imports a catalogue (all or nothing): new codes are created, known codes replaced (admins). */
export async function importProcedures(ctx: AppContext, audit: AuditContext, actor: Actor | null, inputs: ProcedureInput[]) {
  requireRole(actor, ['admin']);
  const seen = new Set<string>();
  const checked: { input: ProcedureInput; agencyId: string | null }[] = [];
  for (const [index, input] of inputs.entries()) {
    if (seen.has(input.code)) throw invalid(`code ${input.code} appears twice`, `procedures.${index}.code`);
    seen.add(input.code);
    try {
      checked.push({ input, agencyId: await checkDefinition(ctx, input) });
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError(error.code, { params: error.params, fields: (error.fields ?? []).map((field) => ({ ...field, field: `procedures.${index}.${field.field}` })) });
      }
      throw error;
    }
  }
  const counts = { created: 0, updated: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const { input, agencyId } of checked) counts[await writeProcedure(trx, audit, input, agencyId)] += 1;
  });
  return counts;
}

/** Inserts the procedures the database does not have yet (the demo seed); known codes are left as edited. */
export async function ensureProcedures(ctx: AppContext, inputs: readonly ProcedureInput[]): Promise<number> {
  const present = new Set((await ctx.db.selectFrom('procedures').select('code').execute()).map((row) => row.code));
  const missing = inputs.filter((input) => !present.has(input.code));
  const checked: { input: ProcedureInput; agencyId: string | null }[] = [];
  for (const input of missing) checked.push({ input, agencyId: await checkDefinition(ctx, input) });
  if (checked.length === 0) return 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const { input, agencyId } of checked) await writeProcedure(trx, { actorId: null, actorRole: 'system', ip: null, requestId: 'seed:procedures' }, input, agencyId);
  });
  return checked.length;
}

/** The whole catalogue in its import format (admins). */
export async function exportProcedures(ctx: AppContext, actor: Actor | null): Promise<ProcedureInput[]> {
  requireRole(actor, ['admin']);
  const rows = await ctx.db.selectFrom('procedures').selectAll().orderBy('code').execute();
  const directory = await getAgencyDirectory(ctx);
  return rows.map((row) => {
    const { agencyNameVi: _vi, agencyNameEn: _en, feeTotal: _fee, ...input } = presentProcedure(row, row.agency_id ? (directory.byId.get(row.agency_id) ?? null) : null);
    return input;
  });
}

export interface ProcedureFilter {
  query?: string;
  level?: 'department' | 'ward';
  agencyCode?: string;
  field?: string;
  limit: number;
  offset: number;
}

/** Searches the catalogue; the query matches code, names and field with or without diacritics. */
export async function listProcedures(ctx: AppContext, actor: Actor | null, filter: ProcedureFilter) {
  const directory = await getAgencyDirectory(ctx);
  const includeInactive = hasRole(actor, ['admin']);
  const words = foldDiacritics(filter.query ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  const agencyId = filter.agencyCode ? (directory.byCode.get(filter.agencyCode)?.id ?? '00000000-0000-0000-0000-000000000000') : null;
  let query = ctx.db.selectFrom('procedures');
  if (!includeInactive) query = query.where('is_active', '=', true);
  for (const word of words) query = query.where('search_text', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (agencyId) query = query.where('agency_id', '=', agencyId);
  if (filter.field) query = query.where('field_vi', '=', filter.field.normalize('NFC'));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('field_vi').orderBy('name_vi').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => presentProcedureSummary(row, agencyOf(row, directory.byId))), total: Number(total.count) };
}

function agencyOf(row: { agency_id: string | null }, byId: Map<string, AgencyName>): AgencyName | null {
  return row.agency_id ? (byId.get(row.agency_id) ?? null) : null;
}

/** A procedure row by code, or procedures.not_found (inactive ones only for admins). */
export async function getProcedureRow(ctx: AppContext, actor: Actor | null, code: string): Promise<ProcedureRow> {
  const row = await ctx.db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row || (!row.is_active && !hasRole(actor, ['admin']))) throw new AppError('procedures.not_found', { params: { code }, fields: [{ field: 'procedureCode', message: 'unknown' }] });
  return row;
}

/** One procedure with its form, components, fees and workflow. */
export async function getProcedure(ctx: AppContext, actor: Actor | null, code: string) {
  const row = await getProcedureRow(ctx, actor, code);
  const directory = await getAgencyDirectory(ctx);
  return presentProcedure(row, agencyOf(row, directory.byId));
}

/** The version of a procedure a dossier keeps, so later catalogue edits do not change dossiers already filed. */
export function snapshotOf(row: ProcedureRow): ProcedureSnapshot {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    processingTime: { amount: row.processing_amount, unit: row.processing_unit },
    fees: row.fees,
    components: row.components,
    formSchema: row.form_schema,
    onlineLevel: row.online_level,
    resultType: row.result_type,
    resultTemplate: row.result_template,
    workflow: row.workflow,
  };
}

