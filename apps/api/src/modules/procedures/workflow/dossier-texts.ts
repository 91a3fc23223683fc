/**
 * Names of statuses and actions in both languages, for messages, notices and documents.
 */
import type { DossierActionType, DossierStatus } from '@onecity/contracts';

/** The portal's Vietnamese names of the ten statuses (TrangThaiHoSo), with English ones. */
export const STATUS_TEXT: Record<DossierStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới đăng ký', en: 'Newly submitted' },
  accepted: { vi: 'Được tiếp nhận', en: 'Accepted' },
  rejected: { vi: 'Không được tiếp nhận', en: 'Rejected at intake' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  supplement_requested: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  fee_due: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fee due' },
  withdrawn: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the citizen' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped' },
  done: { vi: 'Đã xử lý xong', en: 'Done' },
  delivered: { vi: 'Đã trả kết quả', en: 'Result delivered' },
};

export const ACTION_TEXT: Record<DossierActionType | 'submit' | 'receive' | 'survey' | 'download_result', { vi: string; en: string }> = {
  submit: { vi: 'nộp hồ sơ', en: 'submit the dossier' },
  receive: { vi: 'tiếp nhận hồ sơ giấy', en: 'receive a paper dossier' },
  accept: { vi: 'tiếp nhận hồ sơ', en: 'accept the dossier' },
  reject: { vi: 'từ chối tiếp nhận', en: 'reject the dossier' },
  assign: { vi: 'phân công xử lý', en: 'assign the dossier' },
  forward: { vi: 'chuyển bước tiếp theo', en: 'forward the dossier' },
  send_back: { vi: 'trả lại bước trước', en: 'send the dossier back' },
  transfer: { vi: 'chuyển cơ quan xử lý', en: 'transfer the dossier' },
  request_supplement: { vi: 'yêu cầu bổ sung hồ sơ', en: 'request a supplement' },
  complete_supplement: { vi: 'bổ sung hồ sơ', en: 'complete the supplement' },
  record_payment: { vi: 'ghi nhận nộp phí', en: 'record the payment' },
  approve: { vi: 'phê duyệt', en: 'approve' },
  issue_apology: { vi: 'gửi thư xin lỗi', en: 'send an apology letter' },
  deliver: { vi: 'trả kết quả', en: 'deliver the result' },
  stop: { vi: 'dừng xử lý', en: 'stop processing' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw the dossier' },
  survey: { vi: 'đánh giá mức độ hài lòng', en: 'rate the service' },
  download_result: { vi: 'nhận kết quả trực tuyến', en: 'receive the result online' },
};

/** What the citizen's inbox says after an action (actions absent here notify nobody). */
export const NOTICE_TEXT: Partial<Record<DossierActionType | 'submit' | 'receive', { vi: string; en: string }>> = {
  submit: { vi: 'đã được gửi tới bộ phận một cửa', en: 'has been sent to the one-stop desk' },
  receive: { vi: 'đã được tiếp nhận tại bộ phận một cửa', en: 'has been received at the one-stop desk' },
  accept: { vi: 'đã được tiếp nhận', en: 'has been accepted' },
  reject: { vi: 'không được tiếp nhận', en: 'was not accepted' },
  request_supplement: { vi: 'cần bổ sung giấy tờ — xem chi tiết yêu cầu', en: 'needs more documents — see the request' },
  complete_supplement: { vi: 'đã được bổ sung và tính lại ngày hẹn trả', en: 'has been completed; its appointment date was recomputed' },
  record_payment: { vi: 'đã được ghi nhận nộp phí, lệ phí', en: 'has its fees recorded as paid' },
  approve: { vi: 'đã có kết quả', en: 'has a result' },
  issue_apology: { vi: 'bị chậm: cơ quan đã gửi thư xin lỗi và hẹn lại ngày trả kết quả', en: 'is late: the agency sent an apology letter with a new appointment date' },
  deliver: { vi: 'đã được trả kết quả — mời bạn đánh giá mức độ hài lòng', en: 'has been delivered — please rate the service' },
  stop: { vi: 'đã bị dừng xử lý', en: 'has been stopped' },
  withdraw: { vi: 'đã được rút theo yêu cầu của bạn', en: 'has been withdrawn at your request' },
  transfer: { vi: 'đã được chuyển sang cơ quan khác xử lý', en: 'has been transferred to another agency' },
  assign: { vi: 'đã được phân công cán bộ xử lý', en: 'has been assigned to an officer' },
  forward: { vi: 'đã được chuyển sang bước xử lý tiếp theo', en: 'has moved to the next step' },
  send_back: { vi: 'được trả lại bước trước để xem xét lại', en: 'went back to the previous step for another look' },
};
