/**
 * Openings for public answers, per category: the officer picks one and completes the blanks (…). Answers are
 * published to citizens in Vietnamese whatever the officer's interface language, in the polite form of an
 * official reply.
 */
/** The template names, each with a label in the translation files (reports.templates). */
export type TemplateKey =
  | 'resolved'
  | 'scheduled'
  | 'notFound'
  | 'encroachmentCleared'
  | 'lightRepaired'
  | 'roadPatched'
  | 'garbageCollected'
  | 'drainCleared'
  | 'treeHandled';
export type ResponseTemplate = { key: TemplateKey; text: string };

const GREETING = 'Kính gửi Quý Ông/Bà,';

const GENERAL: readonly ResponseTemplate[] = [
  {
    key: 'resolved',
    text: `${GREETING}\nCảm ơn Quý Ông/Bà đã phản ánh. Đơn vị đã kiểm tra hiện trường và xử lý xong nội dung phản ánh vào ngày … Kết quả xử lý được thể hiện trong ảnh đính kèm.`,
  },
  {
    key: 'scheduled',
    text: `${GREETING}\nCảm ơn Quý Ông/Bà đã phản ánh. Đơn vị đã tiếp nhận và đưa nội dung phản ánh vào kế hoạch xử lý; dự kiến hoàn thành trước ngày … Đơn vị sẽ cập nhật kết quả khi hoàn thành.`,
  },
  {
    key: 'notFound',
    text: `${GREETING}\nĐơn vị đã kiểm tra tại vị trí được phản ánh vào ngày … nhưng không phát hiện vấn đề như nội dung phản ánh. Nếu vấn đề vẫn còn, đề nghị Quý Ông/Bà phản ánh lại kèm ảnh chụp mới.`,
  },
];

const BY_CATEGORY: Record<string, readonly ResponseTemplate[]> = {
  ENCROACHMENT: [
    {
      key: 'encroachmentCleared',
      text: `${GREETING}\nNgày …, tổ công tác đã kiểm tra, lập biên bản và yêu cầu các hộ kinh doanh tháo dỡ, thu dọn vật dụng lấn chiếm lòng đường, vỉa hè. Hiện trạng đã được trả lại thông thoáng (ảnh đính kèm). Địa phương sẽ tiếp tục kiểm tra, xử lý nếu tái diễn.`,
    },
  ],
  STREET_LIGHT: [
    {
      key: 'lightRepaired',
      text: `${GREETING}\nNgày …, đơn vị quản lý chiếu sáng đã kiểm tra và thay thế bóng đèn/thiết bị hư hỏng tại cột đèn được phản ánh. Đèn đã hoạt động bình thường trở lại (ảnh đính kèm).`,
    },
  ],
  ROAD_DAMAGE: [
    {
      key: 'roadPatched',
      text: `${GREETING}\nNgày …, đơn vị đã cắm biển cảnh báo và vá sửa mặt đường/vỉa hè hư hỏng tại vị trí được phản ánh. Đề nghị người tham gia giao thông lưu ý trong thời gian vật liệu ổn định.`,
    },
  ],
  GARBAGE: [
    {
      key: 'garbageCollected',
      text: `${GREETING}\nNgày …, đơn vị vệ sinh môi trường đã thu gom, vận chuyển toàn bộ rác tồn đọng tại vị trí được phản ánh và bố trí lịch thu gom định kỳ. Đề nghị người dân bỏ rác đúng giờ, đúng nơi quy định.`,
    },
  ],
  FLOODING: [
    {
      key: 'drainCleared',
      text: `${GREETING}\nNgày …, đơn vị đã nạo vét, khơi thông hố ga và cống thoát nước tại khu vực được phản ánh; nước đã rút hết (ảnh đính kèm).`,
    },
  ],
  TREES: [
    {
      key: 'treeHandled',
      text: `${GREETING}\nNgày …, đơn vị quản lý cây xanh đã cắt tỉa/xử lý cây nguy hiểm và thu dọn cành, thân cây tại vị trí được phản ánh, bảo đảm an toàn cho người và phương tiện.`,
    },
  ],
};

/** The openings offered for a category: its own first, then the general ones. */
export function templatesFor(categoryCode: string): readonly ResponseTemplate[] {
  return [...(BY_CATEGORY[categoryCode] ?? []), ...GENERAL];
}

/** Puts a template into the answer box: as the answer when the box is empty, else after what is there. */
export function insertTemplate(current: string, template: string): string {
  return current.trim() === '' ? template : `${current.trimEnd()}\n\n${template}`;
}
