/**
 * Dossier statistics per agency (its whole subtree) and period, with the National Public Service Portal's
 * definitions (domain-vn.md §2):
 * - received: dossiers received in the period, except those never accepted (status 1 new, 3 rejected at intake);
 * - carried over: received before the period and neither finished nor closed when it began;
 * - to process = received + carried over;
 * - done on time / late: finished (status 9 reached) in the period, late when after the legal deadline or after more
 *   than one supplement request (Decision 766);
 * - in progress at the end of the period (or now, if earlier): overdue (past the legal deadline), nearly due (due
 *   within 24 hours), not yet due;
 * - on-time rate = 1 − (done late + in progress overdue) ÷ to process (the one-stop reports' late-rate rule);
 * - channel shares, fee-bearing dossiers paid online, electronic results: over the dossiers received / done.
 */
import type { DossierStatistics } from '@onecity/contracts';
import { sql } from 'kysely';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { getStatisticsScope } from '../agencies/index.ts';
import { localPeriod } from '../calendar/index.ts';

const NEARLY_DUE_MS = 24 * 60 * 60 * 1000;

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

/** The one SQL pass behind the statistics (also compiled by the benchmark's raw ceiling, so both run the same statement). */
export function dossierStatisticsSql(input: { agencyIds: string[]; from: string; to: string; start: Date; end: Date; asOf: Date; nearly: Date }) {
  const { agencyIds, from, to, start, end, asOf, nearly } = input;
  const inPeriod = sql`d.received_on between ${from}::date and ${to}::date`;
  const counted = sql`d.status not in (1, 3)`;
  const carried = sql`d.received_on < ${from}::date and (d.finished_at is null or d.finished_at >= ${start}) and (d.closed_at is null or d.closed_at >= ${start})`;
  const toProcess = sql`${counted} and ((${inPeriod}) or (${carried}))`;
  const open = sql`${toProcess} and (d.finished_at is null or d.finished_at > ${asOf}) and (d.closed_at is null or d.closed_at > ${asOf}) and d.received_on <= ${to}::date`;
  const doneInPeriod = sql`d.finished_at >= ${start} and d.finished_at < ${end}`;

  return sql<Record<string, number>>`
    select
      count(*) filter (where ${counted} and ${inPeriod})::int as received,
      count(*) filter (where ${counted} and ${carried})::int as carried_over,
      count(*) filter (where ${doneInPeriod} and not coalesce(d.is_late, false))::int as done_on_time,
      count(*) filter (where ${doneInPeriod} and coalesce(d.is_late, false))::int as done_late,
      count(*) filter (where ${doneInPeriod} and d.has_electronic_result)::int as electronic_results,
      count(*) filter (where ${open} and d.legal_due_at < ${asOf})::int as overdue,
      count(*) filter (where ${open} and d.legal_due_at >= ${asOf} and d.legal_due_at < ${nearly})::int as nearly_due,
      count(*) filter (where ${open} and d.legal_due_at >= ${nearly})::int as not_due,
      count(*) filter (where d.closed_at >= ${start} and d.closed_at < ${end} and d.status in (7, 8))::int as withdrawn_or_stopped,
      count(*) filter (where ${counted} and ${inPeriod} and d.channel = 'online')::int as channel_online,
      count(*) filter (where ${counted} and ${inPeriod} and d.channel = 'in_person')::int as channel_in_person,
      count(*) filter (where ${counted} and ${inPeriod} and d.channel = 'post')::int as channel_post,
      count(*) filter (where ${counted} and ${inPeriod} and d.fee_total > 0)::int as fee_bearing,
      count(*) filter (where ${counted} and ${inPeriod} and d.fee_total > 0 and d.fee_paid_via = 'online')::int as fee_paid_online
    from dossiers d
    where d.agency_id in (${sql.join(agencyIds)})
  `;
}

/**
 * The dossiers in progress now, by deadline, as the statistics above count them for a period that runs from today:
 * received (not new, not refused at intake), neither finished nor closed, received by `to`. Read from the index of
 * dossiers in progress alone (dossiers_in_progress_idx), so the cost is the open stock's, not the history's. (The
 * statistics also keep a dossier finished or closed after `asOf`; no dossier is finished in the future.)
 */
export function dossiersInProgressSql(input: { agencyIds: string[]; to: string; asOf: Date; nearly: Date }) {
  const { agencyIds, to, asOf, nearly } = input;
  return sql<{ overdue: number; nearly_due: number; not_due: number }>`
    select
      count(*) filter (where d.legal_due_at < ${asOf})::int as overdue,
      count(*) filter (where d.legal_due_at >= ${asOf} and d.legal_due_at < ${nearly})::int as nearly_due,
      count(*) filter (where d.legal_due_at >= ${nearly})::int as not_due
    from dossiers d
    where d.agency_id in (${sql.join(agencyIds)}) and d.status not in (1, 3) and d.finished_at is null and d.closed_at is null and d.received_on <= ${to}::date
  `;
}

/** The in-progress figures of the statistics of one agency's subtree over [from, to], where the period runs from today. */
export async function getDossiersInProgress(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string, asOf = new Date()) {
  const { agencyIds } = await getStatisticsScope(ctx, actor, agencyCode, from, to);
  const { rows } = await dossiersInProgressSql({ agencyIds, to, asOf, nearly: new Date(asOf.getTime() + NEARLY_DUE_MS) }).execute(ctx.db);
  const row = rows[0];
  return { inProgressOverdue: Number(row?.overdue ?? 0), inProgressNearlyDue: Number(row?.nearly_due ?? 0), inProgressNotDue: Number(row?.not_due ?? 0) };
}

/** The statistics of one agency's subtree over [from, to] (local dates, inclusive). */
export async function getDossierStatistics(ctx: AppContext, actor: Actor | null, agencyCode: string, from: string, to: string): Promise<DossierStatistics> {
  const { agency, agencyIds } = await getStatisticsScope(ctx, actor, agencyCode, from, to);
  const { start, end } = localPeriod(from, to, ctx.config.officeHours.timeZone);
  const asOf = new Date(Math.min(Date.now(), end.getTime()));
  const nearly = new Date(asOf.getTime() + NEARLY_DUE_MS);

  const result = await dossierStatisticsSql({ agencyIds, from, to, start, end, asOf, nearly }).execute(ctx.db);
  const row = result.rows[0] ?? {};
  const get = (name: string) => Number(row[name] ?? 0);
  const received = get('received');
  const carriedOver = get('carried_over');
  const total = received + carriedOver;
  const doneOnTime = get('done_on_time');
  const doneLate = get('done_late');
  const overdue = get('overdue');
  const done = doneOnTime + doneLate;
  const onTimeRate = total === 0 ? null : 1 - (doneLate + overdue) / total;
  return {
    agencyCode: agency.code,
    from,
    to,
    received,
    carriedOver,
    toProcess: total,
    doneOnTime,
    doneLate,
    inProgressNotDue: get('not_due'),
    inProgressNearlyDue: get('nearly_due'),
    inProgressOverdue: overdue,
    withdrawnOrStopped: get('withdrawn_or_stopped'),
    onTimeRate,
    byChannel: { online: get('channel_online'), in_person: get('channel_in_person'), post: get('channel_post') },
    onlineShare: ratio(get('channel_online'), received),
    feeBearing: get('fee_bearing'),
    feePaidOnline: get('fee_paid_online'),
    feePaidOnlineShare: ratio(get('fee_paid_online'), get('fee_bearing')),
    done,
    electronicResults: get('electronic_results'),
    electronicResultShare: ratio(get('electronic_results'), done),
  };
}

const CSV_ROWS: [keyof DossierStatistics | `byChannel.${'online' | 'in_person' | 'post'}`, string][] = [
  ['received', 'Tiếp nhận mới trong kỳ'],
  ['carriedOver', 'Kỳ trước chuyển sang'],
  ['toProcess', 'Tổng số phải giải quyết'],
  ['doneOnTime', 'Đã giải quyết đúng hạn, trước hạn'],
  ['doneLate', 'Đã giải quyết quá hạn'],
  ['inProgressNotDue', 'Đang giải quyết, chưa đến hạn'],
  ['inProgressNearlyDue', 'Đang giải quyết, sắp đến hạn'],
  ['inProgressOverdue', 'Đang giải quyết, quá hạn'],
  ['withdrawnOrStopped', 'Rút hoặc dừng xử lý'],
  ['onTimeRate', 'Tỷ lệ đúng hạn'],
  ['byChannel.online', 'Nộp trực tuyến'],
  ['byChannel.in_person', 'Nộp trực tiếp'],
  ['byChannel.post', 'Nộp qua bưu chính'],
  ['onlineShare', 'Tỷ lệ nộp trực tuyến'],
  ['feeBearing', 'Hồ sơ có phí, lệ phí'],
  ['feePaidOnline', 'Hồ sơ thanh toán trực tuyến'],
  ['feePaidOnlineShare', 'Tỷ lệ thanh toán trực tuyến'],
  ['done', 'Đã giải quyết'],
  ['electronicResults', 'Có kết quả điện tử'],
  ['electronicResultShare', 'Tỷ lệ kết quả điện tử'],
];

/** The statistics as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese labels). */
export function statisticsCsv(statistics: DossierStatistics): string {
  const lines = ['agency,from,to,indicator,label,value'];
  for (const [key, label] of CSV_ROWS) {
    const value = key.startsWith('byChannel.') ? statistics.byChannel[key.slice('byChannel.'.length) as 'online'] : statistics[key as keyof DossierStatistics];
    const text = value === null ? '' : typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(4) : String(value);
    lines.push([statistics.agencyCode, statistics.from, statistics.to, key, `"${label}"`, text].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
