/**
 * What the operations module (IOC, Decision 766, statistics, scorecards) may read about dossiers and the catalogue:
 * the facts of each dossier that decide a figure, the catalogue's online levels, the timeline's events in the order
 * they were written, and the steps officials finished. Read-only; no personal data (no applicant, no form answers).
 */
import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';

/** The facts of one dossier that operations figures are computed from. */
export interface DossierFacts {
  id: string;
  code: string;
  /** The implementing agency. */
  agencyId: string;
  procedureCode: string;
  procedureNameVi: string;
  onlineLevel: 'full' | 'partial';
  resultType: 'paper' | 'electronic' | 'both';
  channel: 'online' | 'in_person' | 'post';
  /** DVCQG status number, 1–10. */
  status: number;
  receivedOn: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  deliveredAt: Date | null;
  legalDueAt: Date;
  supplementCount: number;
  lastSupplementRequestedAt: Date | null;
  feeTotal: number;
  feePaidAt: Date | null;
  feePaidVia: 'desk' | 'online' | null;
  hasElectronicResult: boolean;
  componentFileCount: number;
  hasResultFile: boolean;
  transferCount: number;
  apologyCount: number;
  survey: Record<string, number> | null;
  surveyAt: Date | null;
}

export interface DossierFactsFilter {
  agencyIds?: string[];
  codes?: string[];
  /** Dossiers to handle during [start, end): received by the end and neither finished nor closed before the start. */
  activeDuring?: { toDate: string; start: Date };
  /**
   * Dossiers still being handled at `asOf` (accepted, received by `toDate`, not finished, stopped or withdrawn before
   * `asOf`): the stock Decision 766 judges at a period's end, found through the index dossiers_open_span_idx.
   */
  openAt?: { toDate: string; asOf: Date };
  /** Dossiers filed (submitted online or received at a desk) at or after this instant. */
  submittedFrom?: Date;
  /** Dossiers whose result was produced at or after this instant. */
  finishedFrom?: Date;
  /** Paging for full scans, by code. */
  afterCode?: string;
  limit?: number;
}

/** The facts of the dossiers matching the filter, by code. */
export async function listDossierFacts(ctx: AppContext, filter: DossierFactsFilter): Promise<DossierFacts[]> {
  if (filter.agencyIds?.length === 0 || filter.codes?.length === 0) return [];
  let query = ctx.db
    .selectFrom('dossiers as d')
    .leftJoin('dossier_surveys as s', 's.dossier_id', 'd.id')
    .select([
      'd.id', 'd.code', 'd.agency_id', 'd.channel',
      // Only the four fields of the procedure's snapshot that figures use: the whole snapshot (form schema, components,
      // templates; ≈ 3.8 kB each) would be parsed for every dossier of a period.
      sql<string>`d.procedure_snapshot->>'code'`.as('procedure_code'),
      sql<string>`d.procedure_snapshot->>'nameVi'`.as('procedure_name_vi'),
      sql<'full' | 'partial'>`d.procedure_snapshot->>'onlineLevel'`.as('online_level'),
      sql<'paper' | 'electronic' | 'both'>`d.procedure_snapshot->>'resultType'`.as('result_type'), 'd.status', 'd.received_on', 'd.submitted_at', 'd.accepted_at', 'd.finished_at', 'd.closed_at',
      'd.delivered_at', 'd.legal_due_at', 'd.supplement_count', 'd.fee_total', 'd.fee_paid_at', 'd.fee_paid_via', 'd.has_electronic_result', 'd.apology_count',
      's.answers as survey', 's.submitted_at as survey_at',
      sql<Date | null>`(select max(x.requested_at) from dossier_supplements x where x.dossier_id = d.id)`.as('last_supplement_at'),
      sql<number>`(select count(*)::int from dossier_files f where f.dossier_id = d.id and f.kind = 'component' and not f.is_superseded)`.as('component_files'),
      sql<boolean>`exists (select 1 from dossier_files f where f.dossier_id = d.id and f.kind = 'result')`.as('has_result_file'),
      sql<number>`(select count(*)::int from dossier_events e where e.dossier_id = d.id and e.action = 'transfer')`.as('transfers'),
    ]);
  if (filter.agencyIds) query = query.where('d.agency_id', 'in', filter.agencyIds);
  if (filter.codes) query = query.where('d.code', 'in', filter.codes);
  if (filter.activeDuring) {
    const { toDate, start } = filter.activeDuring;
    query = query
      .where('d.received_on', '<=', toDate)
      .where((eb) => eb.or([eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', start)]))
      .where((eb) => eb.or([eb('d.closed_at', 'is', null), eb('d.closed_at', '>=', start)]));
  }
  if (filter.openAt) {
    // The expression and the status test are the index's own (migration 20261130110000), so the planner uses it.
    query = query
      .where(sql<boolean>`d.status not in (1, 3)`)
      .where(sql<boolean>`tstzrange(d.submitted_at, case when d.finished_at is not null then greatest(d.submitted_at, d.finished_at) when d.status in (7, 8) and d.closed_at is not null then greatest(d.submitted_at, d.closed_at) end, '[]') @> ${filter.openAt.asOf}::timestamptz`)
      .where('d.received_on', '<=', filter.openAt.toDate);
  }
  if (filter.submittedFrom) query = query.where('d.submitted_at', '>=', filter.submittedFrom);
  if (filter.finishedFrom) query = query.where('d.finished_at', '>=', filter.finishedFrom);
  if (filter.afterCode !== undefined) query = query.where('d.code', '>', filter.afterCode);
  query = query.orderBy('d.code');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    agencyId: row.agency_id,
    procedureCode: row.procedure_code,
    procedureNameVi: row.procedure_name_vi,
    onlineLevel: row.online_level,
    resultType: row.result_type,
    channel: row.channel,
    status: row.status,
    receivedOn: row.received_on,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    finishedAt: row.finished_at,
    closedAt: row.closed_at,
    deliveredAt: row.delivered_at,
    legalDueAt: row.legal_due_at,
    supplementCount: row.supplement_count,
    lastSupplementRequestedAt: row.last_supplement_at ? new Date(row.last_supplement_at) : null,
    feeTotal: row.fee_total,
    feePaidAt: row.fee_paid_at,
    feePaidVia: row.fee_paid_via,
    hasElectronicResult: row.has_electronic_result,
    componentFileCount: Number(row.component_files),
    hasResultFile: Boolean(row.has_result_file),
    transferCount: Number(row.transfers),
    apologyCount: row.apology_count,
    survey: (row.survey as Record<string, number> | null) ?? null,
    surveyAt: row.survey_at ?? null,
  }));
}

/** A catalogue entry as operations sees it. */
export interface ProcedureFacts {
  code: string;
  nameVi: string;
  level: 'department' | 'ward';
  agencyId: string | null;
  onlineLevel: 'full' | 'partial';
  resultType: 'paper' | 'electronic' | 'both';
  hasFee: boolean;
}

/**
 * The active procedures agencies in `agencyIds` implement: department-level ones implemented there, and every
 * ward-level one when `includeWardLevel` (the agencies include a ward or commune). Null `agencyIds`: all of them.
 */
export async function listProcedureFacts(ctx: AppContext, agencyIds: string[] | null, includeWardLevel: boolean): Promise<ProcedureFacts[]> {
  const none = ['00000000-0000-0000-0000-000000000000'];
  let query = ctx.db.selectFrom('procedures').select(['code', 'name_vi', 'level', 'agency_id', 'online_level', 'result_type', 'fees']).where('is_active', '=', true);
  if (agencyIds !== null) {
    query = query.where((eb) => eb.or([eb.and([eb('level', '=', 'department'), eb('agency_id', 'in', agencyIds.length ? agencyIds : none)]), ...(includeWardLevel ? [eb('level', '=', 'ward')] : [])]));
  }
  const rows = await query.orderBy('code').execute();
  return rows.map((row) => ({
    code: row.code,
    nameVi: row.name_vi,
    level: row.level,
    agencyId: row.agency_id,
    onlineLevel: row.online_level,
    resultType: row.result_type,
    hasFee: row.fees.some((fee) => fee.amount > 0),
  }));
}

/** A timeline event of a dossier, with the dossier's facts operations filters on (no personal data). */
export interface DossierChange {
  id: number;
  at: Date;
  dossierCode: string;
  agencyId: string;
  action: string;
  status: number;
  channel: string;
}

/** Timeline events written after `afterId`, in id order (at most `limit`). */
export async function listDossierEventsAfter(ctx: AppContext, afterId: number, limit: number): Promise<DossierChange[]> {
  const rows = await ctx.db
    .selectFrom('dossier_events as e')
    .innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .select(['e.id', 'e.at', 'd.code', 'd.agency_id', 'e.action', 'e.status', 'd.channel'])
    .where('e.id', '>', afterId)
    .orderBy('e.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), at: row.at, dossierCode: row.code, agencyId: row.agency_id, action: row.action, status: row.status, channel: row.channel }));
}

/** The id of the newest timeline event (written before `before`, when given); 0 when there is none. */
export async function findLatestDossierEventId(ctx: AppContext, before?: Date): Promise<number> {
  let query = ctx.db.selectFrom('dossier_events').select((eb) => eb.fn.max('id').as('latest'));
  if (before) query = query.where('at', '<', before);
  const row = await query.executeTakeFirst();
  return Number(row?.latest ?? 0);
}

/** A workflow step an official finished, or holds open, with its timing. */
export interface DossierStepFacts {
  dossierCode: string;
  agencyId: string;
  stepIndex: number;
  kind: string;
  assigneeId: string | null;
  finishedBy: string | null;
  startedAt: Date | null;
  dueAt: Date;
  finishedAt: Date | null;
}

/**
 * Steps (of dossiers still being handled, never of withdrawn or rejected ones) finished in [start, end) or open at
 * `end`, at agencies in `agencyIds` or finished by / assigned to `userId`.
 */
export async function listDossierStepFacts(ctx: AppContext, filter: { agencyIds?: string[]; userId?: string; start: Date; end: Date }): Promise<DossierStepFacts[]> {
  if (filter.agencyIds?.length === 0) return [];
  let query = ctx.db
    .selectFrom('dossier_steps as s')
    .innerJoin('dossiers as d', 'd.id', 's.dossier_id')
    .select(['d.code', 's.agency_id', 's.step_index', 's.kind', 's.assignee_id', 's.finished_by', 's.started_at', 's.due_at', 's.finished_at'])
    .where('s.started_at', 'is not', null)
    .where('s.started_at', '<', filter.end)
    .where((eb) => eb.or([eb.and([eb('s.finished_at', '>=', filter.start), eb('s.finished_at', '<', filter.end)]), eb.and([eb('s.finished_at', 'is', null), eb('d.closed_at', 'is', null)])]));
  if (filter.agencyIds) query = query.where('s.agency_id', 'in', filter.agencyIds);
  if (filter.userId) {
    const userId = filter.userId;
    query = query.where((eb) => eb.or([eb('s.finished_by', '=', userId), eb.and([eb('s.finished_at', 'is', null), eb('s.assignee_id', '=', userId)])]));
  }
  const rows = await query.orderBy('d.code').orderBy('s.step_index').execute();
  return rows.map((row) => ({
    dossierCode: row.code,
    agencyId: row.agency_id,
    stepIndex: row.step_index,
    kind: row.kind,
    assigneeId: row.assignee_id,
    finishedBy: row.finished_by,
    startedAt: row.started_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
  }));
}

/** Supplement requests and transfers made by officials in [start, end): who, which dossier, when. */
export async function listDossierActionsBy(ctx: AppContext, filter: { actions: ('request_supplement' | 'transfer')[]; userId?: string; agencyIds?: string[]; start: Date; end: Date }) {
  if (filter.agencyIds?.length === 0) return [];
  let query = ctx.db
    .selectFrom('dossier_events as e')
    .innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .select(['e.id', 'd.code', 'e.action', 'e.actor_id', 'e.agency_id', 'e.at'])
    .where('e.action', 'in', filter.actions)
    .where('e.at', '>=', filter.start)
    .where('e.at', '<', filter.end);
  if (filter.userId) query = query.where('e.actor_id', '=', filter.userId);
  if (filter.agencyIds) query = query.where('e.agency_id', 'in', filter.agencyIds);
  const rows = await query.orderBy('e.id').execute();
  return rows.map((row) => ({ eventId: Number(row.id), dossierCode: row.code, action: row.action, actorId: row.actor_id, agencyId: row.agency_id, at: row.at }));
}
