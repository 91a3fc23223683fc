import { describe, expect, it } from 'vitest';
import { paidAtText, receiptContent } from './receipt.ts';

const FACTS = {
  reference: 'OC0123456789AB',
  dossierCode: 'PHUXUAN-261129-0002',
  procedureNameVi: 'Chứng thực bản sao',
  payerName: 'Nguyễn Thị Hoa',
  payerAddress: '12 Lê Lợi, Huế',
  cityNameVi: 'Ủy ban nhân dân thành phố Huế',
  agencyNameVi: 'Phường Phú Xuân',
  items: [
    { nameVi: 'Lệ phí', amount: 50_000 },
    { nameVi: 'Phí sao y', amount: 8_000 },
  ],
  amount: 58_000,
  provider: 'vnpay' as const,
  providerTransactionId: '14226112',
  paidAtText: paidAtText(new Date('2026-12-01T02:30:00Z'), 'Asia/Ho_Chi_Minh'),
};

describe('fee receipts', () => {
  it('name the collecting agency under its city once, every fee, the total in words, the method and the reference', () => {
    const content = receiptContent(FACTS);
    expect(content.parentAgencyNameVi).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ');
    expect(receiptContent({ ...FACTS, cityNameVi: 'thành phố Huế' }).parentAgencyNameVi).toBe('UBND THÀNH PHỐ HUẾ');
    expect(content.numberSymbol).toBe('BL-OC0123456789AB');
    expect(content.paragraphs).toContain('- Lệ phí: 50.000 đồng.');
    expect(content.paragraphs).toContain('- Phí sao y: 8.000 đồng.');
    expect(content.paragraphs).toContain('Tổng số tiền: 58.000 đồng (bằng chữ: Năm mươi tám nghìn đồng).');
    expect(content.paragraphs.at(-1)).toBe('Hình thức thanh toán: thẻ, ví điện tử qua cổng thanh toán VNPay (mã giao dịch 14226112), lúc 09:30 ngày 01/12/2026. Mã thanh toán: OC0123456789AB.');
  });
});
