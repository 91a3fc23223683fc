/**
 * What the operations module (Decision 766, public statistics) may read about issued documents: which agency issued
 * what, when, and whether it carries a digital signature. No owner, no content.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';

export interface IssuedDocumentFacts {
  id: string;
  kind: string;
  numberSymbol: string;
  agencyId: string;
  dossierCode: string | null;
  issuedAt: Date;
  signatureCount: number;
  status: string;
}

/** Documents issued in [start, end), by agencies in `agencyIds` when given, oldest first. */
export async function listIssuedDocumentFacts(ctx: AppContext, filter: { agencyIds?: string[]; start: Date; end: Date }): Promise<IssuedDocumentFacts[]> {
  if (filter.agencyIds?.length === 0) return [];
  let query = ctx.db
    .selectFrom('documents')
    .select(['id', 'kind', 'number_symbol', 'agency_id', 'dossier_code', 'issued_at', 'signature_count', 'status'])
    .where('issued_at', '>=', filter.start)
    .where('issued_at', '<', filter.end);
  if (filter.agencyIds) query = query.where('agency_id', 'in', filter.agencyIds);
  const rows = await query.orderBy('issued_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    numberSymbol: row.number_symbol,
    agencyId: row.agency_id,
    dossierCode: row.dossier_code,
    issuedAt: row.issued_at,
    signatureCount: row.signature_count,
    status: row.status,
  }));
}

/** How many documents were issued in [start, end) by the agencies (all when omitted), and how many of them carry a digital signature. */
export async function countIssuedDocuments(ctx: AppContext, filter: { agencyIds?: string[]; start: Date; end: Date }): Promise<{ issued: number; signed: number }> {
  if (filter.agencyIds?.length === 0) return { issued: 0, signed: 0 };
  let query = ctx.db
    .selectFrom('documents')
    .select([sql<number>`count(*)::int`.as('issued'), sql<number>`count(*) filter (where signature_count > 0)::int`.as('signed')])
    .where('issued_at', '>=', filter.start)
    .where('issued_at', '<', filter.end);
  if (filter.agencyIds) query = query.where('agency_id', 'in', filter.agencyIds);
  const row = await query.executeTakeFirstOrThrow();
  return { issued: Number(row.issued), signed: Number(row.signed) };
}

/** Documents issued in [start, end) and those digitally signed, by issuing agency. */
export async function countIssuedDocumentsByAgency(ctx: AppContext, filter: { start: Date; end: Date }): Promise<Map<string, { issued: number; signed: number }>> {
  const rows = await ctx.db
    .selectFrom('documents')
    .select(['agency_id', sql<number>`count(*)::int`.as('issued'), sql<number>`count(*) filter (where signature_count > 0)::int`.as('signed')])
    .where('issued_at', '>=', filter.start)
    .where('issued_at', '<', filter.end)
    .groupBy('agency_id')
    .execute();
  return new Map(rows.map((row) => [row.agency_id, { issued: Number(row.issued), signed: Number(row.signed) }]));
}
