/**
 * What the payments module may read about dossiers and the catalogue (it owns none of these tables): the facts a
 * payment of a dossier's fees needs, and the fee-bearing procedures of an agency for the Decision 766 indicators.
 */
import { DOSSIER_STATUSES, type DossierStatus, type ProcedureFee } from '@onecity/contracts';
import type { AppContext } from '../../core/context.ts';
import { statusName } from './procedures.presenter.ts';

export interface DossierForPayment {
  code: string;
  status: DossierStatus;
  ownerUserId: string | null;
  /** The implementing agency (the one that collects the fee). */
  agencyId: string;
  /** The one-stop desk that received the dossier (its first step). */
  deskAgencyId: string;
  feeTotal: number;
  fees: ProcedureFee[];
  feePaidAt: Date | null;
  feePaidVia: 'desk' | 'online' | null;
  procedureCode: string;
  procedureNameVi: string;
  applicantName: string;
  applicantAddress: string;
}

/** The payment facts of a dossier, or undefined when there is no dossier with this code. */
export async function findDossierForPayment(ctx: AppContext, code: string): Promise<DossierForPayment | undefined> {
  const row = await ctx.db
    .selectFrom('dossiers as d')
    .innerJoin('dossier_steps as s', (join) => join.onRef('s.dossier_id', '=', 'd.id').on('s.step_index', '=', 0))
    .select(['d.code', 'd.status', 'd.owner_user_id', 'd.agency_id', 's.agency_id as desk_agency_id', 'd.fee_total', 'd.fee_paid_at', 'd.fee_paid_via', 'd.procedure_snapshot', 'd.applicant'])
    .where('d.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    code: row.code,
    status: statusName(row.status),
    ownerUserId: row.owner_user_id,
    agencyId: row.agency_id,
    deskAgencyId: row.desk_agency_id,
    feeTotal: row.fee_total,
    fees: row.procedure_snapshot.fees,
    feePaidAt: row.fee_paid_at,
    feePaidVia: row.fee_paid_via,
    procedureCode: row.procedure_snapshot.code,
    procedureNameVi: row.procedure_snapshot.nameVi,
    applicantName: row.applicant.fullName,
    applicantAddress: row.applicant.address,
  };
}

/**
 * Codes of the active procedures with a positive fee that agencies in `agencyIds` implement: department-level ones
 * implemented there, and ward-level ones when `includeWardLevel` (the agencies include a ward or commune).
 */
export async function listFeeBearingProcedureCodes(ctx: AppContext, agencyIds: string[], includeWardLevel: boolean): Promise<string[]> {
  const none = ['00000000-0000-0000-0000-000000000000'];
  const rows = await ctx.db
    .selectFrom('procedures')
    .select(['code', 'fees'])
    .where('is_active', '=', true)
    .where((eb) => eb.or([eb.and([eb('level', '=', 'department'), eb('agency_id', 'in', agencyIds.length ? agencyIds : none)]), ...(includeWardLevel ? [eb('level', '=', 'ward')] : [])]))
    .execute();
  return rows.filter((row) => row.fees.some((fee) => fee.amount > 0)).map((row) => row.code).sort();
}

/** Codes of dossiers waiting for their fee (status 6), oldest first (the demo seed opens their payments). */
export async function listFeeDueDossierCodes(ctx: AppContext, limit: number): Promise<string[]> {
  const rows = await ctx.db.selectFrom('dossiers').select('code').where('status', '=', DOSSIER_STATUSES.fee_due).orderBy('submitted_at').limit(limit).execute();
  return rows.map((row) => row.code);
}
