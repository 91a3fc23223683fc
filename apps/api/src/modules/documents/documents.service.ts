/**
 * Issued documents: rendered (Decree 30/2020 layout, QR code to the verification page), signed by the official and
 * then sealed by the agency (PAdES, each signature an incremental update), stored with their hash; verified by
 * anyone by id or by uploading the file; revoked or superseded by an authorised official.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { DocumentStatistics, DocumentVerification, RevokeDocumentRequest, SignatureCheck, UploadVerification } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import type { Role } from '@onecity/contracts';
import { hasRole, isWithinPath, requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB, DocumentsTable } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { renderOfficialDocumentWithSlot, type OfficialDocumentInput } from '../../core/pdf/official-document.ts';
import { signPdf } from '../../core/signing/pades.ts';
import { verifyPdfSignatures, type PdfVerificationReport } from '../../core/signing/verify.ts';
import { getAgencyDirectory, getStatisticsScope } from '../agencies/index.ts';
import { localPeriod } from '../calendar/index.ts';
import { drawCopyStamp } from './documents.images.ts';
import { httpTimestamper } from './documents.timestamps.ts';
import { demoCrl, findSigner, trustedRoots } from './documents.trust.ts';

export interface IssueRequest {
  kind: DocumentsTable['kind'];
  agencyId: string;
  ownerUserId: string | null;
  dossierCode: string | null;
  /** The official who signs (personal certificate); the agency's seal follows. */
  signerUserId: string;
  signerName: string;
  issuedAt: Date;
  /** The document's content; the id, QR code and verification link are added here. */
  content: Omit<OfficialDocumentInput, 'verificationUrl' | 'documentId' | 'issuedAt' | 'signerName'>;
}

export interface PreparedDocument {
  id: string;
  pdf: Uint8Array;
  sha256: string;
  signatureCount: number;
  request: IssueRequest;
}

/** The public address of a document's verification page (what its QR code holds). */
export function verificationUrlOf(ctx: AppContext, id: string): string {
  return `${ctx.config.publicUrl}/verify/${id}`;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Renders and signs a document before any transaction (signing is CPU work): the official's signature with their
 * handwritten image in the signature block, then the agency's seal overlapping it on the left (Decree 30/2020).
 * A holder without a usable certificate (expired, revoked, wrong key usage, none) does not sign; the document then
 * carries fewer signatures and the signed-share KPI shows it.
 */
export async function prepareSignedDocument(ctx: AppContext, request: IssueRequest): Promise<PreparedDocument> {
  const id = randomUUID();
  const directory = await getAgencyDirectory(ctx);
  const agency = directory.byId.get(request.agencyId);
  if (!agency) throw new Error(`agency ${request.agencyId} is missing`);
  const { pdf: unsigned, signatureSlot } = await renderOfficialDocumentWithSlot({
    ...request.content,
    signerName: request.signerName,
    issuedAt: request.issuedAt,
    verificationUrl: verificationUrlOf(ctx, id),
    documentId: id,
  });
  let pdf = unsigned;
  let signatureCount = 0;
  const timestamp = ctx.config.signing.tsaUrl ? httpTimestamper(ctx.config.signing.tsaUrl) : undefined;
  const official = await findSigner(ctx, { kind: 'personal', userId: request.signerUserId, commonName: request.signerName, organization: agency.nameVi }, request.issuedAt);
  if (official) {
    pdf = await signPdf(pdf, { certificateChain: official.certificateChain, privateKey: official.privateKey }, {
      reason: `Ký ban hành văn bản ${request.content.numberSymbol}`,
      location: 'Huế',
      name: official.commonName,
      signingTime: request.issuedAt,
      appearance: { pageIndex: signatureSlot.pageIndex, rect: signatureSlot, imagePng: official.imagePng ?? undefined },
      timestamp,
    });
    signatureCount += 1;
  }
  const seal = await findSigner(ctx, { kind: 'seal', agencyId: agency.id, commonName: agency.nameVi.toUpperCase(), organization: agency.nameVi }, request.issuedAt);
  if (seal) {
    // The red seal covers about a third of the signature on its left (Decree 30/2020, Appendix I).
    const size = signatureSlot.height * 1.25;
    const rect = { x: signatureSlot.x + signatureSlot.width * 0.22 - (size * 2) / 3, y: signatureSlot.y - (size - signatureSlot.height) / 2, width: size, height: size };
    pdf = await signPdf(pdf, { certificateChain: seal.certificateChain, privateKey: seal.privateKey }, {
      reason: `Đóng dấu văn bản ${request.content.numberSymbol}`,
      location: 'Huế',
      name: seal.commonName,
      signingTime: request.issuedAt,
      appearance: { pageIndex: signatureSlot.pageIndex, rect, imagePng: seal.imagePng ?? undefined },
      timestamp,
    });
    signatureCount += 1;
  }
  return { id, pdf, sha256: sha256Of(pdf), signatureCount, request };
}

/** Stores a prepared document inside the caller's transaction (with the change that issued it), audited. */
export async function storeDocument(trx: Transaction<DB>, audit: AuditContext, prepared: PreparedDocument): Promise<void> {
  const { request } = prepared;
  await trx
    .insertInto('documents')
    .values({
      id: prepared.id,
      kind: request.kind,
      title_vi: request.content.titleVi,
      number_symbol: request.content.numberSymbol,
      agency_id: request.agencyId,
      owner_user_id: request.ownerUserId,
      dossier_code: request.dossierCode,
      issued_by: request.signerUserId,
      issued_at: request.issuedAt,
      signer_name: request.signerName,
      signature_count: prepared.signatureCount,
      sha256: prepared.sha256,
      byte_size: prepared.pdf.length,
      pdf: Buffer.from(prepared.pdf),
    })
    .execute();
  await recordAudit(trx, audit, {
    action: 'document.issue',
    targetType: 'document',
    targetId: prepared.id,
    after: { kind: request.kind, numberSymbol: request.content.numberSymbol, dossierCode: request.dossierCode, signatures: prepared.signatureCount, sha256: prepared.sha256 },
  });
}

// ---------------------------------------------------------------- verification

function signatureChecks(report: PdfVerificationReport): { status: PdfVerificationReport['status']; indication: PdfVerificationReport['indication']; signatures: SignatureCheck[] } {
  return {
    status: report.status,
    indication: report.indication,
    signatures: report.signatures.map((signature) => ({
      index: signature.index,
      signerCommonName: signature.signerCommonName,
      issuerCommonName: signature.issuerCommonName,
      signingTime: signature.signingTime?.toISOString() ?? null,
      signingTimeSource: signature.signingTimeSource,
      subFilter: signature.subFilter,
      level: signature.level,
      coversWholeDocument: signature.coversWholeDocument,
      integrity: signature.integrity,
      chain: signature.chain,
      indication: signature.indication,
      subIndication: signature.subIndication ?? null,
    })),
  };
}

async function verifySignatures(ctx: AppContext, pdf: Uint8Array): Promise<PdfVerificationReport> {
  const crl = await demoCrl(ctx);
  return verifyPdfSignatures(pdf, { roots: await trustedRoots(ctx), crls: crl ? [crl] : [] });
}

/** The four independent checks of an issued document (integrity, signature, status, issuer), without personal data. */
export async function getVerification(ctx: AppContext, id: string): Promise<DocumentVerification> {
  const row = await ctx.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('documents.not_found');
  const agency = (await getAgencyDirectory(ctx)).byId.get(row.agency_id);
  const report = await verifySignatures(ctx, row.pdf);
  return {
    id: row.id,
    titleVi: row.title_vi,
    numberSymbol: row.number_symbol,
    kind: row.kind,
    integrity: { result: sha256Of(row.pdf) === row.sha256 ? 'PASSED' : 'FAILED', sha256: row.sha256 },
    signature: signatureChecks(report),
    status: { value: row.status, reason: row.status_reason, changedAt: row.status_changed_at?.toISOString() ?? null, supersededBy: row.superseded_by },
    issuer: {
      agencyCode: agency?.code ?? '',
      agencyNameVi: agency?.nameVi ?? '',
      agencyNameEn: agency?.nameEn ?? '',
      signerName: row.signer_name,
      issuedAt: row.issued_at.toISOString(),
    },
  };
}

/** Checks any uploaded PDF: every signature, and whether it is byte-identical to a document the city issued. */
export async function verifyUpload(ctx: AppContext, body: Buffer): Promise<UploadVerification> {
  const sha256 = sha256Of(body);
  const report = await verifySignatures(ctx, body);
  const match = await ctx.db.selectFrom('documents').select(['id', 'title_vi', 'number_symbol', 'status']).where('sha256', '=', sha256).executeTakeFirst();
  return {
    ...signatureChecks(report),
    sha256,
    matchedDocument: match ? { id: match.id, titleVi: match.title_vi, numberSymbol: match.number_symbol, status: match.status } : null,
  };
}

// ---------------------------------------------------------------- access

function canManage(actor: Actor | null, agencyPath: string): boolean {
  return hasRole(actor, ['unit_lead', 'admin'], agencyPath);
}

/** Staff of an agency: a grant on it or above it, or on one of its units (a ward's one-stop desk works for the ward). */
function worksFor(actor: Actor | null, agencyPath: string, roles: readonly Role[]): boolean {
  return (actor?.grants ?? []).some((grant) => roles.includes(grant.role) && grant.agencyPath !== null && (isWithinPath(agencyPath, grant.agencyPath) || isWithinPath(grant.agencyPath, agencyPath)));
}

function canRead(actor: Actor | null, row: { owner_user_id: string | null }, agencyPath: string): boolean {
  if (!actor) return false;
  if (row.owner_user_id === actor.userId) return true;
  return worksFor(actor, agencyPath, ['officer', 'unit_lead', 'desk_officer', 'auditor', 'admin']);
}

/** The caller's documents: a citizen's own, or those of the agencies a staff member works for. */
export async function listDocuments(ctx: AppContext, actor: Actor | null, page: { limit: number; offset: number }) {
  const caller = requireActor(actor);
  const directory = await getAgencyDirectory(ctx);
  const scopes = caller.grants.filter((grant) => grant.role !== 'citizen' && grant.agencyPath !== null).map((grant) => grant.agencyPath as string);
  // Their agencies and everything below, and the agency a unit belongs to (a ward's desk serves the ward's documents),
  // but not the city itself, whose documents every unit would otherwise see.
  const agencyIds = [...directory.byId.values()]
    .filter((agency) => scopes.some((scope) => isWithinPath(agency.path, scope) || (isWithinPath(scope, agency.path) && agency.path.includes('.'))))
    .map((agency) => agency.id);
  const query = ctx.db
    .selectFrom('documents')
    .where((eb) => (agencyIds.length > 0 ? eb.or([eb('owner_user_id', '=', caller.userId), eb('agency_id', 'in', agencyIds)]) : eb('owner_user_id', '=', caller.userId)));
  const [rows, total] = await Promise.all([
    query.select(['id', 'kind', 'title_vi', 'number_symbol', 'agency_id', 'dossier_code', 'issued_at', 'signature_count', 'status']).orderBy('issued_at', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => {
      const agency = directory.byId.get(row.agency_id);
      return {
        id: row.id,
        kind: row.kind,
        titleVi: row.title_vi,
        numberSymbol: row.number_symbol,
        agencyCode: agency?.code ?? '',
        agencyNameVi: agency?.nameVi ?? '',
        agencyNameEn: agency?.nameEn ?? '',
        dossierCode: row.dossier_code,
        issuedAt: row.issued_at.toISOString(),
        signatureCount: row.signature_count,
        status: row.status,
        verificationUrl: verificationUrlOf(ctx, row.id),
      };
    }),
    total: Number(total.count),
  };
}

/** The signed PDF for its owner and the staff of its agency (others are told it does not exist). */
export async function getDocumentPdf(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await ctx.db.selectFrom('documents').select(['id', 'pdf', 'number_symbol', 'owner_user_id', 'agency_id']).where('id', '=', id).executeTakeFirst();
  const agency = row ? (await getAgencyDirectory(ctx)).byId.get(row.agency_id) : undefined;
  if (!row || !agency || !canRead(actor, row, agency.path)) throw new AppError('documents.not_found');
  return { pdf: row.pdf, fileName: `van-ban-${row.number_symbol.replace(/[^\w.-]+/g, '-')}.pdf` };
}

/** Revokes or supersedes an issued document with a reason (unit leads over its agency, admins); verification shows it at once. */
export async function revokeDocument(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, request: RevokeDocumentRequest) {
  requireActor(actor);
  const row = await ctx.db.selectFrom('documents').select(['id', 'agency_id', 'status', 'owner_user_id']).where('id', '=', id).executeTakeFirst();
  const directory = await getAgencyDirectory(ctx);
  const agency = row ? directory.byId.get(row.agency_id) : undefined;
  if (!row || !agency || !canRead(actor, row, agency.path)) throw new AppError('documents.not_found');
  if (!canManage(actor, agency.path)) throw new AppError('auth.forbidden');
  if (row.status !== 'valid') throw new AppError('documents.not_valid', { params: { status: row.status } });
  if (request.status === 'superseded') {
    if (!request.supersededBy || request.supersededBy === id) throw new AppError('http.validation_failed', { fields: [{ field: 'supersededBy', message: 'the id of the replacing document' }] });
    const replacement = await ctx.db.selectFrom('documents').select(['id', 'status']).where('id', '=', request.supersededBy).executeTakeFirst();
    if (!replacement || replacement.status !== 'valid') throw new AppError('http.validation_failed', { fields: [{ field: 'supersededBy', message: 'no valid document with this id' }] });
  }
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('documents')
      .set({ status: request.status, status_reason: request.reason.normalize('NFC'), status_changed_at: now, status_changed_by: actor?.userId ?? null, superseded_by: request.status === 'superseded' ? (request.supersededBy ?? null) : null })
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('documents.not_valid', { params: { status: 'changed' } });
    await recordAudit(trx, audit, { action: `document.${request.status === 'revoked' ? 'revoke' : 'supersede'}`, targetType: 'document', targetId: id, before: { status: 'valid' }, after: { status: request.status, reason: request.reason, supersededBy: request.supersededBy ?? null } });
  });
  return getVerification(ctx, id);
}

/** The share of issued documents that are digitally signed, per agency subtree and period (target 100 %). */
export async function getDocumentStatistics(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string): Promise<DocumentStatistics> {
  const { agencyIds: ids } = await getStatisticsScope(ctx, actor, agencyCode, from, to);
  const { start, end } = localPeriod(from, to, ctx.config.officeHours.timeZone);
  const row = await ctx.db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<number>().as('issued'), eb.fn.count<number>('id').filterWhere('signature_count', '>', 0).as('signed')])
    .where('agency_id', 'in', ids)
    .where('issued_at', '>=', start)
    .where('issued_at', '<', end)
    .executeTakeFirstOrThrow();
  const issued = Number(row.issued);
  const signed = Number(row.signed);
  return { agencyCode, from, to, issued, signed, signedShare: issued === 0 ? null : signed / issued };
}

const COPY_TYPES = { sao_y: 'SAO Y', sao_luc: 'SAO LỤC', trich_sao: 'TRÍCH SAO' } as const;
export type CopyType = keyof typeof COPY_TYPES;

/**
 * Issues an electronic copy (sao y, sao lục, trích sao) of a valid document, signed by the agency's seal with a
 * text-only stamp in the top-right corner of page 1: the copy type, the agency and the signing time. The copy is the
 * original plus an incremental update, so the original's own signatures stay valid inside it.
 */
export async function issueCopy(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, copyType: CopyType) {
  const caller = requireActor(actor);
  const original = await ctx.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  const directory = await getAgencyDirectory(ctx);
  const agency = original ? directory.byId.get(original.agency_id) : undefined;
  if (!original || !agency || !canRead(actor, original, agency.path)) throw new AppError('documents.not_found');
  if (!worksFor(caller, agency.path, ['officer', 'unit_lead', 'desk_officer', 'admin'])) throw new AppError('auth.forbidden');
  if (original.status !== 'valid') throw new AppError('documents.not_valid', { params: { status: original.status } });
  const now = new Date();
  const seal = await findSigner(ctx, { kind: 'seal', agencyId: agency.id, commonName: agency.nameVi.toUpperCase(), organization: agency.nameVi }, now);
  if (!seal) throw new AppError('documents.no_signer');
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone: ctx.config.officeHours.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now);
  const stamp = await drawCopyStamp([COPY_TYPES[copyType], agency.nameVi.toUpperCase(), `Thời gian ký: ${time}`]);
  const size = (await PDFDocument.load(original.pdf, { updateMetadata: false })).getPage(0).getSize();
  // Top-right corner, inside the top margin (Decree 30/2020: 20 mm top, 15 mm right).
  const rect = { x: size.width - 42.5 - 190, y: size.height - 8 - 52, width: 190, height: 52 };
  const pdf = await signPdf(original.pdf, { certificateChain: seal.certificateChain, privateKey: seal.privateKey }, {
    reason: `${COPY_TYPES[copyType]} từ văn bản ${original.number_symbol}`,
    location: 'Huế',
    name: seal.commonName,
    signingTime: now,
    appearance: { pageIndex: 0, rect, imagePng: stamp },
    timestamp: ctx.config.signing.tsaUrl ? httpTimestamper(ctx.config.signing.tsaUrl) : undefined,
  });
  const copyId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({
        id: copyId,
        kind: 'copy',
        title_vi: `${COPY_TYPES[copyType]}: ${original.title_vi}`,
        number_symbol: `${original.number_symbol}/${copyType === 'sao_y' ? 'SY' : copyType === 'sao_luc' ? 'SL' : 'TS'}`,
        agency_id: original.agency_id,
        owner_user_id: original.owner_user_id,
        dossier_code: original.dossier_code,
        issued_by: caller.userId,
        issued_at: now,
        signer_name: seal.commonName,
        signature_count: original.signature_count + 1,
        sha256: sha256Of(pdf),
        byte_size: pdf.length,
        pdf: Buffer.from(pdf),
      })
      .execute();
    await recordAudit(trx, audit, { action: 'document.copy', targetType: 'document', targetId: copyId, after: { copyOf: id, copyType, sha256: sha256Of(pdf) } });
  });
  return getVerification(ctx, copyId);
}
