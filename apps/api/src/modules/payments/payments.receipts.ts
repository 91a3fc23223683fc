/**
 * Receipts (biên lai) for successful payments, issued through the documents module: rendered and signed before the
 * transaction that records the payment (signing is CPU work and may create the demo certificates), stored inside it.
 * When rendering fails the payment is still recorded; the sweep (jobs/sweep.ts) issues the missing receipt after
 * commit, so a successful payment never ends up without one.
 */
import type { Transaction } from 'kysely';
import type { AuditContext } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { prepareSignedDocument, storeDocument, type PreparedDocument } from '../documents/index.ts';
import { createServiceAccount } from '../identity/index.ts';
import { findDossierForPayment } from '../procedures/index.ts';
import type { IntentRow } from './payments.repository.ts';
import { paidAtText, receiptContent } from './workflow/receipt.ts';

const CASHIER = { fullName: 'Hệ thống thu phí trực tuyến', email: 'payments@service.onecity.local' };
const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'payments:cashier' };

/**
 * The account that issues receipts (documents name a real user as issuer): a service account created once. The
 * agency's seal signs each receipt; in the demo city the account also gets a demo signing certificate.
 */
export async function ensureCashier(ctx: AppContext): Promise<{ userId: string; fullName: string }> {
  const stored = await ctx.db.selectFrom('payment_settings').select('cashier_user_id').where('id', '=', 1).executeTakeFirst();
  if (stored?.cashier_user_id) return { userId: stored.cashier_user_id, fullName: CASHIER.fullName };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const { userId } = await createServiceAccount(ctx, trx, SYSTEM, CASHIER);
      await trx.insertInto('payment_settings').values({ id: 1, cashier_user_id: userId }).onConflict((conflict) => conflict.column('id').doUpdateSet({ cashier_user_id: userId })).execute();
    });
  } catch (error) {
    // Another request created it at the same moment: use theirs.
    const again = await ctx.db.selectFrom('payment_settings').select('cashier_user_id').where('id', '=', 1).executeTakeFirst();
    if (!again?.cashier_user_id) throw error;
  }
  const row = await ctx.db.selectFrom('payment_settings').select('cashier_user_id').where('id', '=', 1).executeTakeFirstOrThrow();
  return { userId: row.cashier_user_id as string, fullName: CASHIER.fullName };
}

/** Renders and signs the receipt of an intent paid through `provider` (before the recording transaction). */
export async function prepareReceipt(ctx: AppContext, intent: IntentRow, payment: { provider: 'vietqr' | 'vnpay'; providerTransactionId: string; paidAt: Date }): Promise<PreparedDocument> {
  const [dossier, directory, cashier] = await Promise.all([findDossierForPayment(ctx, intent.dossier_code), getAgencyDirectory(ctx), ensureCashier(ctx)]);
  const agency = directory.byId.get(intent.agency_id);
  if (!agency) throw new Error(`agency ${intent.agency_id} is missing`);
  const city = directory.byCode.get(agency.path.split('.')[0] ?? '') ?? agency;
  const content = receiptContent({
    reference: intent.reference,
    dossierCode: intent.dossier_code,
    procedureNameVi: dossier?.procedureNameVi ?? intent.procedure_code,
    payerName: dossier?.applicantName ?? '',
    payerAddress: dossier?.applicantAddress ?? '',
    cityNameVi: city.nameVi,
    agencyNameVi: agency.nameVi,
    items: intent.items.map((item) => ({ nameVi: item.nameVi, amount: item.amount })),
    amount: intent.amount,
    provider: payment.provider,
    providerTransactionId: payment.providerTransactionId,
    paidAtText: paidAtText(payment.paidAt, ctx.config.officeHours.timeZone),
  });
  return prepareSignedDocument(ctx, {
    kind: 'receipt',
    agencyId: intent.agency_id,
    ownerUserId: intent.owner_user_id,
    dossierCode: intent.dossier_code,
    signerUserId: cashier.userId,
    signerName: cashier.fullName,
    issuedAt: payment.paidAt,
    content,
  });
}

/** Prepares a receipt, or null (logged) when rendering fails: the payment must be recorded all the same. */
export async function tryPrepareReceipt(ctx: AppContext, intent: IntentRow, payment: { provider: 'vietqr' | 'vnpay'; providerTransactionId: string; paidAt: Date }): Promise<PreparedDocument | null> {
  try {
    return await prepareReceipt(ctx, intent, payment);
  } catch (error) {
    ctx.log.error({ err: error, intentId: intent.id }, 'receipt could not be prepared; the sweep will issue it');
    return null;
  }
}

/** Stores a prepared receipt in the recording transaction and links it to the intent. */
export async function storeReceipt(trx: Transaction<DB>, audit: AuditContext, intentId: string, receipt: PreparedDocument): Promise<void> {
  await storeDocument(trx, audit, receipt);
  await trx.updateTable('payment_intents').set({ receipt_document_id: receipt.id, updated_at: new Date() }).where('id', '=', intentId).execute();
}

/** Issues the receipts that paid intents lack (rendering failed at payment time); returns how many were issued. */
export async function issueMissingReceipts(ctx: AppContext): Promise<number> {
  const missing = await ctx.db
    .selectFrom('payment_intents')
    .selectAll()
    .where('status', 'in', ['succeeded', 'partially_refunded', 'refunded'])
    .where('receipt_document_id', 'is', null)
    .orderBy('succeeded_at')
    .limit(20)
    .execute();
  let issued = 0;
  for (const intent of missing) {
    const receipt = await tryPrepareReceipt(ctx, intent, { provider: intent.provider as 'vietqr' | 'vnpay', providerTransactionId: intent.provider_transaction_id ?? '', paidAt: intent.succeeded_at ?? new Date() });
    if (!receipt) continue;
    const stored = await ctx.db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('payment_intents').select('receipt_document_id').where('id', '=', intent.id).forUpdate().executeTakeFirstOrThrow();
      if (locked.receipt_document_id !== null) return false;
      await storeReceipt(trx, { ...SYSTEM, requestId: 'payments:sweep' }, intent.id, receipt);
      return true;
    });
    if (stored) issued += 1;
  }
  return issued;
}
