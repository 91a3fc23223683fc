/**
 * Payment figures for an agency's subtree and a period of local dates: collections per day, a CSV in the shape of a
 * bank statement, and the Decision 766/QĐ-TTg online-payment indicators (domain-vn.md §3, group "Thanh toán trực
 * tuyến"):
 * - 3.6 dossiers paid online = fee-bearing dossiers received in the period and paid online ÷ fee-bearing dossiers
 *   received in the period (fee total > 0, so "dossiers whose every fee is 0" are already left out) — the dossier
 *   statistics of the procedures module, same definitions;
 * - 3.5 procedures accepting online payment = fee-bearing procedures of the agency ÷ fee-bearing procedures of the
 *   agency when at least one provider is configured (every fee-bearing procedure can then be paid online), else 0;
 *   a procedure is the agency's when it implements it (department level) or, for ward-level procedures, when the
 *   subtree contains a ward or commune;
 * - 3.5b procedures with online payments = fee-bearing procedures of the agency with at least one intent paid in the
 *   period ÷ fee-bearing procedures of the agency.
 */
import type { PaymentDay, PaymentStatistics } from '@onecity/contracts';
import { sql } from 'kysely';
import { requireActor, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { listAgencies } from '../agencies/index.ts';
import { addDays, localIso } from '../calendar/index.ts';
import { getDossierStatistics, listFeeBearingProcedureCodes } from '../procedures/index.ts';
import { getPaymentProviders, intentInAgencyScope, resolveAgencyPaymentScope, type AgencyPaymentScope } from './payments.context.ts';

const share = (numerator: number, denominator: number) => ({ numerator, denominator, share: denominator === 0 ? null : numerator / denominator });

interface Period extends AgencyPaymentScope {
  start: Date;
  end: Date;
}

/** The agency scope (the intents list's rule and access checks, `resolveAgencyPaymentScope`) and the period's bounds. */
async function periodOf(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string): Promise<Period> {
  const caller = requireActor(actor);
  if (from > to) throw new AppError('http.validation_failed', { fields: [{ field: 'query.from', message: 'must not be after to' }] });
  const scope = await resolveAgencyPaymentScope(ctx, caller, agencyCode);
  const { timeZone } = ctx.config.officeHours;
  return { ...scope, start: new Date(localIso(from, 0, timeZone)), end: new Date(localIso(addDays(to, 1), 0, timeZone)) };
}

/** The Decision 766 online-payment indicators with their numerators and denominators, and the money collected. */
export async function getPaymentStatistics(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string): Promise<PaymentStatistics> {
  const period = await periodOf(ctx, actor, agencyCode, from, to);
  const dossiers = await getDossierStatistics(ctx, actor, agencyCode, from, to);
  const subtree = await listAgencies(ctx.db, { underPath: period.agencyPath });
  const hasWard = subtree.some((agency) => agency.kind === 'ward' || agency.kind === 'commune');
  const feeBearing = await listFeeBearingProcedureCodes(ctx, period.agencyIds, hasWard);
  const providers = getPaymentProviders(ctx);
  const paid = await ctx.db
    .selectFrom('payment_intents')
    .select(['procedure_code', 'amount_received'])
    .where(intentInAgencyScope(period))
    .where('succeeded_at', '>=', period.start)
    .where('succeeded_at', '<', period.end)
    .execute();
  const refunded = await ctx.db
    .selectFrom('payment_refunds as r')
    .innerJoin('payment_intents as i', 'i.id', 'r.intent_id')
    .select(sql<number>`coalesce(sum(r.amount), 0)::bigint`.as('total'))
    .where(intentInAgencyScope(period, 'i'))
    .where('r.created_at', '>=', period.start)
    .where('r.created_at', '<', period.end)
    .executeTakeFirstOrThrow();
  const paidProcedures = new Set(paid.map((row) => row.procedure_code));
  return {
    agencyCode: period.agencyCode,
    from,
    to,
    dossiersPaidOnline: share(dossiers.feePaidOnline, dossiers.feeBearing),
    proceduresAcceptingOnline: share(providers.offered.length > 0 ? feeBearing.length : 0, feeBearing.length),
    proceduresWithOnlinePayments: share(feeBearing.filter((code) => paidProcedures.has(code)).length, feeBearing.length),
    collected: paid.reduce((sum, row) => sum + row.amount_received, 0),
    refunded: Number(refunded.total),
    payments: paid.length,
    providers: providers.offered,
  };
}

/** Collections per local day: payments, amounts received and refunded, payments per provider. */
export async function getPaymentDays(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string): Promise<{ items: PaymentDay[] }> {
  const period = await periodOf(ctx, actor, agencyCode, from, to);
  const zone = ctx.config.officeHours.timeZone;
  const paid = await sql<{ day: string; provider: string; count: number; amount: string | number }>`
    select to_char(timezone(${zone}::text, succeeded_at), 'YYYY-MM-DD') as day, provider, count(*)::int as count, sum(amount_received)::bigint as amount
    from payment_intents
    where ${intentInAgencyScope(period)} and succeeded_at >= ${period.start} and succeeded_at < ${period.end}
    group by 1, 2 order by 1
  `.execute(ctx.db);
  const refunds = await sql<{ day: string; amount: string | number }>`
    select to_char(timezone(${zone}::text, r.created_at), 'YYYY-MM-DD') as day, sum(r.amount)::bigint as amount
    from payment_refunds r join payment_intents i on i.id = r.intent_id
    where ${intentInAgencyScope(period, 'i')} and r.created_at >= ${period.start} and r.created_at < ${period.end}
    group by 1
  `.execute(ctx.db);
  const days = new Map<string, PaymentDay>();
  const dayOf = (day: string) => {
    let entry = days.get(day);
    if (!entry) {
      entry = { day, count: 0, amount: 0, refunded: 0, byProvider: {} };
      days.set(day, entry);
    }
    return entry;
  };
  for (const row of paid.rows) {
    const entry = dayOf(row.day);
    entry.count += row.count;
    entry.amount += Number(row.amount);
    entry.byProvider[row.provider] = (entry.byProvider[row.provider] ?? 0) + row.count;
  }
  for (const row of refunds.rows) dayOf(row.day).refunded += Number(row.amount);
  return { items: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

const csvField = (value: string | number) => (typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`);

/**
 * The period's money movements in the columns of a bank statement — date, reference, amount, description, bank
 * reference — so an accountant can tick them off against the collection account: each payment as a credit (its bank
 * or gateway transaction), each refund as a debit (negative amount). UTF-8 with a byte-order mark, CRLF lines.
 */
export async function exportPaymentsCsv(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string): Promise<string> {
  const period = await periodOf(ctx, actor, agencyCode, from, to);
  const zone = ctx.config.officeHours.timeZone;
  const rows = await sql<{ at: Date; day: string; reference: string; amount: string | number; description: string; bank_reference: string }>`
    select e.occurred_at as at, to_char(timezone(${zone}::text, i.succeeded_at), 'DD/MM/YYYY') as day, i.reference, e.amount,
           coalesce(e.data->>'description', i.description) as description, e.provider_transaction_id as bank_reference
    from payment_events e join payment_intents i on i.id = e.intent_id
    where e.kind = 'confirmation' and ${intentInAgencyScope(period, 'i')} and i.succeeded_at >= ${period.start} and i.succeeded_at < ${period.end}
    union all
    select r.created_at as at, to_char(timezone(${zone}::text, r.created_at), 'DD/MM/YYYY') as day, i.reference, -r.amount as amount,
           'Hoàn tiền: ' || r.reason as description, coalesce(r.provider_refund_id, '') as bank_reference
    from payment_refunds r join payment_intents i on i.id = r.intent_id
    where ${intentInAgencyScope(period, 'i')} and r.created_at >= ${period.start} and r.created_at < ${period.end}
    order by 1
  `.execute(ctx.db);
  const lines = ['Ngày giao dịch,Số tham chiếu,Số tiền,Nội dung,Mã giao dịch ngân hàng'];
  for (const row of rows.rows) lines.push([row.day, csvField(row.reference), Number(row.amount), csvField(row.description), csvField(row.bank_reference)].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
