/**
 * The content of a fee receipt (biên lai thu phí, lệ phí) for an online payment, in the Decree 30/2020 layout the
 * documents module renders and signs: who collected, who paid, for which dossier, each fee, the total in figures
 * and in words, how and when it was paid.
 */
import type { IssueRequest } from '../../documents/index.ts';
import { amountInWords } from './amount-words.ts';

export interface ReceiptFacts {
  reference: string;
  dossierCode: string;
  procedureNameVi: string;
  payerName: string;
  payerAddress: string;
  cityNameVi: string;
  agencyNameVi: string;
  items: { nameVi: string; amount: number }[];
  amount: number;
  provider: 'vietqr' | 'vnpay';
  providerTransactionId: string;
  /** Local date and time of the payment, e.g. "09:30 ngày 01/12/2026". */
  paidAtText: string;
}

const money = (amount: number) => new Intl.NumberFormat('vi-VN').format(amount);

const METHOD_TEXT = {
  vietqr: (transaction: string) => `chuyển khoản qua mã VietQR (mã giao dịch ngân hàng ${transaction})`,
  vnpay: (transaction: string) => `thẻ, ví điện tử qua cổng thanh toán VNPay (mã giao dịch ${transaction})`,
};

/** Local "HH:MM ngày dd/mm/yyyy" of an instant in a time zone. */
export function paidAtText(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')} ngày ${get('day')}/${get('month')}/${get('year')}`;
}

/** The receipt's content for the documents module. */
export function receiptContent(facts: ReceiptFacts): IssueRequest['content'] {
  return {
    // The city's own name may already be its People's Committee ("Ủy ban nhân dân thành phố Huế").
    parentAgencyNameVi: /^(ủy|uỷ) ban nhân dân|^ubnd/i.test(facts.cityNameVi) ? facts.cityNameVi.toUpperCase() : `UBND ${facts.cityNameVi.toUpperCase()}`,
    agencyNameVi: facts.agencyNameVi.toUpperCase(),
    numberSymbol: `BL-${facts.reference}`,
    placeVi: 'Huế',
    titleVi: 'BIÊN LAI THU PHÍ, LỆ PHÍ',
    subtitleVi: '(Bản thể hiện của biên lai điện tử)',
    recipientVi: null,
    paragraphs: [
      `Đơn vị thu: ${facts.agencyNameVi}.`,
      `Họ và tên người nộp: ${facts.payerName.normalize('NFC')}. Địa chỉ: ${facts.payerAddress.normalize('NFC')}.`,
      `Nội dung thu: phí, lệ phí giải quyết thủ tục "${facts.procedureNameVi}", hồ sơ số ${facts.dossierCode}.`,
      ...facts.items.map((item) => `- ${item.nameVi}: ${money(item.amount)} đồng.`),
      `Tổng số tiền: ${money(facts.amount)} đồng (bằng chữ: ${amountInWords(facts.amount)}).`,
      `Hình thức thanh toán: ${METHOD_TEXT[facts.provider](facts.providerTransactionId)}, lúc ${facts.paidAtText}. Mã thanh toán: ${facts.reference}.`,
    ],
    signerTitleVi: 'NGƯỜI THU TIỀN',
    recipientsListVi: [`Ông/Bà ${facts.payerName.normalize('NFC')}`, `Lưu: hồ sơ ${facts.dossierCode}`],
  };
}
