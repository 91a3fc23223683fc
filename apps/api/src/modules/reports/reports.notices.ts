/**
 * What the people around a report are told, and when: followers on every public step, leads and the IOC
 * at once for urgent reports, and up the chain when a deadline passes.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { listUsersWithRoleOver } from '../identity/index.ts';
import { notifyUsers } from '../notifications/index.ts';

const STEP_TEXT: Record<string, { vi: string; en: string }> = {
  route: { vi: 'đã được chuyển tới đơn vị xử lý', en: 'has been sent to the handling unit' },
  accept: { vi: 'đã được tiếp nhận và chuyển tới đơn vị xử lý', en: 'has been accepted and sent to the handling unit' },
  reject: { vi: 'không được tiếp nhận', en: 'was not accepted' },
  merge: { vi: 'đã được gộp với một phản ánh trùng', en: 'was merged with a duplicate report' },
  transfer: { vi: 'đã được chuyển sang đơn vị khác', en: 'was transferred to another unit' },
  return_to_triage: { vi: 'đã được chuyển lại Trung tâm điều hành để phân loại', en: 'was returned to the operations centre for triage' },
  resolve: { vi: 'đã có kết quả xử lý — mời bạn xem và đánh giá', en: 'has been answered — please look and rate it' },
  confirm: { vi: 'đã được đóng', en: 'has been closed' },
  reopen: { vi: 'đã được mở lại', en: 'has been reopened' },
  auto_close: { vi: 'đã tự động đóng sau 7 ngày', en: 'was closed automatically after 7 days' },
  escalate: { vi: 'đã quá hạn xử lý và được báo cáo lên cấp trên', en: 'is overdue and has been escalated' },
};

/** Tells the report's followers (except the one who acted) about a public step. */
export async function noticeFollowers(trx: Transaction<DB>, report: { id: string; code: string }, step: string, exceptUserId: string | null): Promise<void> {
  const text = STEP_TEXT[step];
  if (!text) return;
  const followers = await trx.selectFrom('report_followers').select('user_id').where('report_id', '=', report.id).execute();
  await notifyUsers(
    trx,
    followers.map((row) => row.user_id).filter((id) => id !== exceptUserId),
    {
      kind: `report.${step}`,
      titleVi: `Phản ánh ${report.code}`,
      titleEn: `Report ${report.code}`,
      bodyVi: `Phản ánh ${report.code} ${text.vi}.`,
      bodyEn: `Report ${report.code} ${text.en}.`,
      link: `/reports/${report.code}`,
    },
  );
}

export type StaffAlert = 'urgent' | 'overdue_lead' | 'overdue_ioc';

/**
 * Who is alerted: the leads over the unit and/or the IOC operators. Looked up before the transaction that
 * writes the alert (on the embedded database a query outside an open transaction would wait for it).
 */
export async function staffToAlert(ctx: AppContext, unitPath: string | null, kind: StaffAlert): Promise<string[]> {
  const leads = kind !== 'overdue_ioc' && unitPath ? await listUsersWithRoleOver(ctx, ['unit_lead'], unitPath) : [];
  const ioc = kind !== 'overdue_lead' || !unitPath ? await listUsersWithRoleOver(ctx, ['ioc_operator'], null) : [];
  return [...leads, ...ioc];
}

/** Alerts the given staff about an urgent or overdue report, in the caller's transaction. */
export async function alertStaff(trx: Transaction<DB>, report: { code: string }, recipients: string[], kind: StaffAlert): Promise<number> {
  const text =
    kind === 'urgent'
      ? { vi: `Phản ánh KHẨN ${report.code} cần xử lý ngay.`, en: `URGENT report ${report.code} needs handling now.` }
      : { vi: `Phản ánh ${report.code} đã quá hạn xử lý.`, en: `Report ${report.code} is overdue.` };
  return notifyUsers(trx, recipients, {
    kind: `report.${kind}`,
    titleVi: kind === 'urgent' ? 'Phản ánh khẩn' : 'Phản ánh quá hạn',
    titleEn: kind === 'urgent' ? 'Urgent report' : 'Overdue report',
    bodyVi: text.vi,
    bodyEn: text.en,
    link: `/console?report=${report.code}`,
  });
}
