/**
 * A report's public timeline seen through Open311: the `notes` of the extensions=true convention (Chicago,
 * Boston, San Francisco: datetime, description, type) and mySociety's servicerequestupdates, whose extended
 * statuses FixMyStreet understands. Descriptions are written from a whitelist of each event's facts, so an
 * event's ids (officers, units) never leave as they are.
 */
import type { Locale } from '../../../core/i18n/locale.ts';

/** mySociety's extended statuses that our lifecycle reaches (the wiki page "Open311-FMS-Additional-states"). */
export const EXTENDED_STATUSES = ['OPEN', 'ACTION_SCHEDULED', 'IN_PROGRESS', 'FIXED', 'CLOSED', 'DUPLICATE', 'NO_FURTHER_ACTION', 'INTERNAL_REFERRAL'] as const;

/** One of mySociety's extended statuses. */
export type ExtendedStatus = (typeof EXTENDED_STATUSES)[number];

export interface TimelineEvent {
  type: string;
  toStatus: string;
  details: Record<string, unknown>;
}

/** The extended status after an event: a transfer is an internal referral; otherwise the status it led to. */
export function toExtendedStatus(event: Pick<TimelineEvent, 'type' | 'toStatus'>): ExtendedStatus {
  if (event.type === 'transfer') return 'INTERNAL_REFERRAL';
  switch (event.toStatus) {
    case 'assigned':
      return 'ACTION_SCHEDULED';
    case 'in_progress':
      return 'IN_PROGRESS';
    case 'resolved':
      return 'FIXED';
    case 'closed':
      return 'CLOSED';
    case 'merged':
      return 'DUPLICATE';
    case 'rejected':
      return 'NO_FURTHER_ACTION';
    default:
      return 'OPEN';
  }
}

const NOTE_TYPES: Record<string, string> = {
  submit: 'submitted',
  route: 'routed',
  accept: 'accepted',
  reject: 'rejected',
  merge: 'merged',
  take: 'taken',
  transfer: 'transferred',
  return_to_triage: 'returned_to_triage',
  request_extension: 'extension_requested',
  decide_extension: 'extension_decided',
  resolve: 'resolved',
  confirm: 'confirmed',
  reopen: 'reopened',
  auto_close: 'closed',
  rate: 'rated',
  escalate: 'escalated',
};

/** The `type` of a note: what happened, in the past tense of the notes convention ("submitted", …). */
export function noteTypeOf(eventType: string): string {
  return NOTE_TYPES[eventType] ?? 'activity';
}

export interface DescribeContext {
  locale: Locale;
  /** The name of a unit given by its code or id, when known. */
  unitName(codeOrId: string): string | undefined;
  /** An instant as the city reads it. */
  formatInstant(iso: string): string;
}

type Text = { vi: string; en: string };

function text(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** What happened, in words, from the event's type and the facts it may show. */
export function describeEvent(event: TimelineEvent, context: DescribeContext): string {
  const { details } = event;
  const unitKey = text(details, 'unitCode') ?? text(details, 'unitId');
  const unit = (unitKey && context.unitName(unitKey)) ?? (context.locale === 'vi' ? 'đơn vị khác' : 'another unit');
  const explanation = context.locale === 'vi' ? text(details, 'explanationVi') : text(details, 'explanationEn');
  const dueAt = text(details, 'dueAt');
  const rating = typeof details.rating === 'number' ? details.rating : undefined;
  const described: Record<string, () => Text> = {
    submit: () => ({ vi: 'Đã tiếp nhận phản ánh.', en: 'Report received.' }),
    route: () => (explanation ? { vi: explanation, en: explanation } : { vi: 'Đã chuyển đơn vị xử lý.', en: 'Sent to the handling unit.' }),
    accept: () => ({ vi: `Trung tâm điều hành đã phân loại và giao ${unit} xử lý.`, en: `Triaged by the operations centre and assigned to ${unit}.` }),
    reject: () => ({ vi: 'Phản ánh không được tiếp nhận.', en: 'The report was not accepted.' }),
    merge: () => ({ vi: 'Đã gộp vào một phản ánh khác về cùng vấn đề.', en: 'Merged into another report of the same problem.' }),
    take: () => ({ vi: 'Cán bộ đã nhận xử lý.', en: 'An officer is handling it.' }),
    transfer: () => ({ vi: `Đã chuyển sang ${unit}.`, en: `Transferred to ${unit}.` }),
    return_to_triage: () => ({ vi: 'Đơn vị trả lại Trung tâm điều hành để phân loại lại.', en: 'Returned to the operations centre for triage.' }),
    request_extension: () => ({ vi: 'Đơn vị đề nghị gia hạn xử lý.', en: 'The unit asked for more time.' }),
    decide_extension: () =>
      details.approve === true && dueAt
        ? { vi: `Đã gia hạn xử lý đến ${context.formatInstant(dueAt)}.`, en: `The deadline was extended to ${context.formatInstant(dueAt)}.` }
        : { vi: 'Đề nghị gia hạn không được chấp thuận.', en: 'The request for more time was refused.' },
    resolve: () => {
      const answer = text(details, 'answer');
      return answer ? { vi: answer, en: answer } : { vi: 'Đã xử lý xong.', en: 'Resolved.' };
    },
    confirm: () => ({ vi: 'Người phản ánh xác nhận đã xử lý xong.', en: 'The reporter confirmed the fix.' }),
    reopen: () => ({ vi: 'Người phản ánh đã mở lại phản ánh.', en: 'Reopened by the reporter.' }),
    auto_close: () => ({ vi: 'Tự động đóng vì người phản ánh không có ý kiến sau 7 ngày.', en: 'Closed automatically: no reply from the reporter within 7 days.' }),
    escalate: () =>
      details.to === 'ioc'
        ? { vi: 'Quá hạn xử lý: đã báo Trung tâm điều hành.', en: 'Overdue: escalated to the operations centre.' }
        : { vi: 'Quá hạn xử lý: đã báo lãnh đạo đơn vị.', en: "Overdue: escalated to the unit's leads." },
    rate: () =>
      rating !== undefined
        ? { vi: `Người phản ánh đánh giá ${rating}/5.`, en: `The reporter rated the handling ${rating}/5.` }
        : { vi: 'Người phản ánh đã đánh giá.', en: 'The reporter rated the handling.' },
  };
  const describe = described[event.type];
  if (!describe) return context.locale === 'vi' ? `Cập nhật: ${event.type}.` : `Update: ${event.type}.`;
  return describe()[context.locale];
}
