/**
 * What leaves the server about procedures and dossiers: catalogue entries, the public look-up (no personal data),
 * summaries for lists and the full dossier for its owner and the staff handling it.
 */
import { DOSSIER_STATUSES, type DossierStatus, type Procedure, type ProcedureSummary } from '@onecity/contracts';
import type { Selectable } from 'kysely';
import type { DossierEventsTable, DossierFilesTable, DossiersTable, DossierStepsTable, DossierSupplementsTable, ProceduresTable } from '../../core/db/schema.ts';
import type { AgencyName } from '../agencies/index.ts';

export type ProcedureRow = Selectable<ProceduresTable>;
export type DossierRow = Selectable<DossiersTable>;
export type StepRow = Selectable<DossierStepsTable>;
export type EventRow = Selectable<DossierEventsTable>;
export type FileRow = Omit<Selectable<DossierFilesTable>, 'content'>;
export type SupplementRow = Selectable<DossierSupplementsTable>;

const STATUS_BY_NUMBER = new Map(Object.entries(DOSSIER_STATUSES).map(([name, number]) => [number, name as DossierStatus]));

/** The status name of a DVCQG status number. */
export function statusName(number: number): DossierStatus {
  const name = STATUS_BY_NUMBER.get(number as (typeof DOSSIER_STATUSES)[DossierStatus]);
  if (!name) throw new Error(`unknown dossier status ${number}`);
  return name;
}

const feeTotalOf = (fees: { amount: number }[]) => fees.reduce((sum, fee) => sum + fee.amount, 0);

export function presentProcedureSummary(row: ProcedureRow, agency: AgencyName | null): ProcedureSummary {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    fieldVi: row.field_vi,
    fieldEn: row.field_en,
    level: row.level,
    agencyCode: agency?.code ?? null,
    agencyNameVi: agency?.nameVi ?? null,
    agencyNameEn: agency?.nameEn ?? null,
    processingTime: { amount: row.processing_amount, unit: row.processing_unit },
    feeTotal: feeTotalOf(row.fees),
    onlineLevel: row.online_level,
    resultType: row.result_type,
    isActive: row.is_active,
  };
}

export function presentProcedure(row: ProcedureRow, agency: AgencyName | null): Procedure {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    fieldVi: row.field_vi,
    fieldEn: row.field_en,
    level: row.level,
    agencyCode: agency?.code ?? null,
    agencyNameVi: agency?.nameVi ?? null,
    agencyNameEn: agency?.nameEn ?? null,
    processingTime: { amount: row.processing_amount, unit: row.processing_unit },
    fees: row.fees,
    feeTotal: feeTotalOf(row.fees),
    components: row.components,
    formSchema: row.form_schema,
    onlineLevel: row.online_level,
    resultType: row.result_type,
    resultTemplate: row.result_template,
    workflow: row.workflow,
    legalBasisVi: row.legal_basis_vi,
    isActive: row.is_active,
  };
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The public look-up: procedure, agency, status and dates, nothing about the applicant. */
export function presentLookup(row: DossierRow, agency: AgencyName) {
  return {
    code: row.code,
    procedureCode: row.procedure_snapshot.code,
    procedureNameVi: row.procedure_snapshot.nameVi,
    procedureNameEn: row.procedure_snapshot.nameEn,
    agencyCode: agency.code,
    agencyNameVi: agency.nameVi,
    agencyNameEn: agency.nameEn,
    status: statusName(row.status),
    statusCode: row.status,
    submittedAt: row.submitted_at.toISOString(),
    appointmentDate: row.appointment_date,
    finishedAt: iso(row.finished_at),
  };
}

export interface SummaryContext {
  agency: AgencyName;
  currentStep: (StepRow & { agencyCode: string; assigneeName: string | null }) | null;
  isOverdue: boolean;
}

export function presentSummary(row: DossierRow, context: SummaryContext) {
  const step = context.currentStep;
  return {
    ...presentLookup(row, context.agency),
    applicantName: row.applicant.fullName,
    channel: row.channel,
    deliveryMethod: row.delivery_method,
    appointmentAt: row.appointment_at.toISOString(),
    currentStep: step
      ? { index: step.step_index, kind: step.kind, nameVi: step.name_vi, nameEn: step.name_en, agencyCode: step.agencyCode, role: step.role, dueAt: step.due_at.toISOString(), assigneeName: step.assigneeName }
      : null,
    isOverdue: context.isOverdue,
    feeTotal: row.fee_total,
  };
}

export function presentFile(row: FileRow) {
  return {
    id: row.id,
    componentCode: row.component_code,
    kind: row.kind,
    fileName: row.file_name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentStep(row: StepRow, agency: AgencyName, assigneeName: string | null) {
  return {
    index: row.step_index,
    code: row.code,
    kind: row.kind,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    role: row.role,
    agencyCode: agency.code,
    agencyNameVi: agency.nameVi,
    agencyNameEn: agency.nameEn,
    assignee: row.assignee_id && assigneeName ? { id: row.assignee_id, fullName: assigneeName } : null,
    startedAt: iso(row.started_at),
    dueAt: row.due_at.toISOString(),
    finishedAt: iso(row.finished_at),
    note: row.note,
  };
}

export function presentEvent(row: EventRow, actorName: string | null, agencyCode: string | null) {
  return { at: row.at.toISOString(), action: row.action, status: statusName(row.status), note: row.note, actorName, agencyCode };
}

export function presentSupplement(row: SupplementRow) {
  return {
    requestedAt: row.requested_at.toISOString(),
    items: row.items,
    note: row.note,
    completedAt: iso(row.completed_at),
    previousAppointmentDate: row.previous_appointment_date,
    newAppointmentDate: row.new_appointment_date,
  };
}
