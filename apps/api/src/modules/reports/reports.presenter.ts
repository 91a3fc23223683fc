import type { MapReport, PublicReport, ReportCategory } from '@onecity/contracts';
import type { AgencyName } from '../agencies/index.ts';
import { MAP_EXCERPT_LENGTH, type CategoryRow, type MapRow, type ReportRow } from './reports.repository.ts';
import { OPEN_REPORT_STATUSES } from './workflow/report-workflow.ts';

/** A category as the API shows it. */
export function presentCategory(row: CategoryRow): ReportCategory {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    groupVi: row.group_vi,
    groupEn: row.group_en,
    descriptionVi: row.description_vi,
    descriptionEn: row.description_en,
    slaWorkingDays: row.sla_working_days,
    urgentSlaHours: row.urgent_sla_hours,
    questions: row.questions,
    isPhotoRequired: row.is_photo_required,
    isAfterPhotoRequired: row.is_after_photo_required,
    isPublic: row.is_public,
    isActive: row.is_active,
  };
}

/** A report for public pages: no reporter, no officer, no personal data. */
export function presentPublicReport(
  row: ReportRow,
  category: { code: string; name_vi: string; name_en: string },
  names: { byId: Map<string, AgencyName>; byCode: Map<string, AgencyName> },
  now: Date,
): PublicReport {
  const area = names.byCode.get(row.area_code);
  const unit = row.unit_id ? names.byId.get(row.unit_id) : undefined;
  return {
    code: row.code,
    category: { code: category.code, nameVi: category.name_vi, nameEn: category.name_en },
    description: row.description,
    status: row.status as PublicReport['status'],
    isUrgent: row.is_urgent,
    location: { lat: row.location.y, lng: row.location.x },
    address: row.address,
    area: { code: row.area_code, nameVi: area?.nameVi ?? row.area_code, nameEn: area?.nameEn ?? row.area_code },
    unit: unit ? { code: unit.code, nameVi: unit.nameVi, nameEn: unit.nameEn } : null,
    routing: row.routing,
    receivedOn: row.received_on,
    dueAt: row.due_at.toISOString(),
    isOverdue: OPEN_REPORT_STATUSES.includes(row.status) && row.due_at.getTime() < now.getTime(),
    answer: row.answer,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    rating: row.rating,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A report as the public map shows it: a marker and a card, the description cut to MAP_EXCERPT_LENGTH characters. */
export function presentMapReport(row: MapRow, category: { code: string; name_vi: string; name_en: string }, names: { byCode: Map<string, AgencyName> }, now: Date): MapReport {
  const area = names.byCode.get(row.area_code);
  const characters = [...row.description];
  return {
    code: row.code,
    category: { code: category.code, nameVi: category.name_vi, nameEn: category.name_en },
    description: characters.length > MAP_EXCERPT_LENGTH ? `${characters.slice(0, MAP_EXCERPT_LENGTH - 1).join('').trimEnd()}…` : row.description,
    status: row.status as MapReport['status'],
    isOverdue: OPEN_REPORT_STATUSES.includes(row.status) && row.due_at.getTime() < now.getTime(),
    location: { lat: row.location.y, lng: row.location.x },
    area: { code: row.area_code, nameVi: area?.nameVi ?? row.area_code, nameEn: area?.nameEn ?? row.area_code },
    createdAt: row.created_at.toISOString(),
  };
}
