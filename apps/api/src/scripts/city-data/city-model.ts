/**
 * What the generated city looks like, as data: when people report (hour of day, season), what they report where,
 * how they write it, how units answer, how Vietnamese names are made. Pure: no database here.
 */

/** Relative activity per local hour 0–23 for citizens' reports (phones: mornings and late afternoons). */
export const REPORT_HOURS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 2.5, 3, 3, 2.8, 2.2, 1.8, 2, 2.4, 2.5, 2.4, 2.2, 2, 1.8, 1.5, 1.1, 0.7, 0.4];
/** Online dossiers are filed at any hour, mostly in office hours; desk dossiers only in office hours (07:30–17:00). */
export const ONLINE_DOSSIER_HOURS = [0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.5, 2.5, 2.8, 2.6, 2, 1.2, 1.6, 2.4, 2.5, 2.2, 1.5, 1, 1, 1.1, 1, 0.6, 0.3];
export const DESK_DOSSIER_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 3, 3, 2.5, 0.5, 1, 3, 3, 2.5, 0, 0, 0, 0, 0, 0, 0];

/** Reports per month relative to the mean: Huế's rainy and storm season (September–December) brings floods and fallen trees. */
export const MONTH_FACTOR = [0.8, 0.75, 0.8, 0.85, 0.95, 1.0, 1.0, 1.05, 1.2, 1.5, 1.6, 1.3];

/** Base weight of each demo category and its seasonal boost (month index → factor). */
export const CATEGORY_WEIGHTS: Record<string, { base: number; season?: Record<number, number> }> = {
  STREET_LIGHT: { base: 14 },
  ROAD_DAMAGE: { base: 16, season: { 9: 1.5, 10: 1.8, 11: 1.5 } },
  GARBAGE: { base: 20, season: { 0: 1.3, 1: 1.6 } },
  FLOODING: { base: 4, season: { 8: 3, 9: 6, 10: 7, 11: 3 } },
  ENCROACHMENT: { base: 12 },
  TREES: { base: 6, season: { 8: 2, 9: 3, 10: 3 } },
  WATER_SUPPLY: { base: 6, season: { 4: 1.5, 5: 1.8, 6: 1.8 } },
  POWER: { base: 5, season: { 4: 1.6, 5: 2, 6: 2 } },
  FOOD_SAFETY: { base: 3 },
  HERITAGE: { base: 2 },
  OTHER: { base: 9 },
};

/** Wards of the old inner city, where most people live and most reports come from. */
export const CENTRAL_AREAS = new Set(['PHUXUAN', 'THUANHOA', 'KIMLONG', 'VYDA', 'ANCUU', 'THUYXUAN', 'HUONGAN', 'MYTHUONG']);

/** Weight of an area: central wards, other wards, communes. */
export function areaWeight(code: string, kind: string): number {
  if (CENTRAL_AREAS.has(code)) return 6;
  return kind === 'ward' ? 2.5 : 1;
}

export const STREETS = [
  'Lê Lợi', 'Hùng Vương', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Điện Biên Phủ', 'Lý Thường Kiệt', 'Bà Triệu', 'Phan Đình Phùng', 'Nguyễn Trãi',
  'Đinh Tiên Hoàng', 'Mai Thúc Loan', 'Chi Lăng', 'Huỳnh Thúc Kháng', 'Ngự Bình', 'Tố Hữu', 'Võ Văn Kiệt', 'Nguyễn Sinh Cung', 'Phạm Văn Đồng',
  'Lê Duẩn', 'Kim Long', 'Trường Chinh', 'Hai Bà Trưng', 'Nguyễn Chí Thanh', 'Tăng Bạt Hổ', 'Đặng Thái Thân', 'Minh Mạng', 'Bùi Thị Xuân',
];

/** How citizens describe each kind of problem (a few variants each). */
export const DESCRIPTIONS: Record<string, string[]> = {
  STREET_LIGHT: ['Đèn đường không sáng cả đoạn, buổi tối rất tối, nguy hiểm cho người đi đường.', 'Cột đèn chập chờn suốt đêm.', 'Đèn đường sáng cả ban ngày, lãng phí điện.', 'Hai bóng đèn liền nhau bị hỏng, đề nghị thay.'],
  ROAD_DAMAGE: ['Ổ gà lớn giữa đường, xe máy dễ té ngã.', 'Mặt đường bị sụt lún sau mưa.', 'Nắp hố ga bị vỡ, rất nguy hiểm.', 'Vỉa hè bị bong tróc gạch, khó đi lại.'],
  GARBAGE: ['Rác tồn đọng nhiều ngày chưa được thu gom, bốc mùi.', 'Có người đổ trộm rác xây dựng ven đường.', 'Thùng rác công cộng đầy tràn.', 'Rác thải sinh hoạt vứt bừa bãi gần chợ.'],
  FLOODING: ['Đường ngập sâu sau cơn mưa, xe chết máy nhiều.', 'Cống thoát nước bị tắc, nước tràn lên mặt đường.', 'Nước thải tràn ra đường, mùi hôi.', 'Kiệt bị ngập mỗi khi mưa lớn.'],
  ENCROACHMENT: ['Quán ăn bày bàn ghế chiếm hết vỉa hè.', 'Vật liệu xây dựng để tràn ra lòng đường.', 'Ô tô đỗ trên vỉa hè cả ngày.', 'Hàng rong lấn chiếm lối đi trước trường học.'],
  TREES: ['Cây xanh bị gãy cành, có nguy cơ rơi xuống đường.', 'Cây đổ sau bão chắn ngang đường.', 'Cây mục gốc, nghiêng về phía nhà dân.', 'Công viên có nhiều cây chết khô chưa được thay.'],
  WATER_SUPPLY: ['Mất nước từ sáng đến giờ chưa có lại.', 'Ống nước bị vỡ, nước chảy lênh láng.', 'Nước máy có màu đục và mùi lạ.', 'Áp lực nước rất yếu vào giờ cao điểm.'],
  POWER: ['Mất điện cả khu phố nhiều giờ.', 'Dây điện bị võng thấp, xe tải dễ vướng.', 'Trụ điện nghiêng sau bão.', 'Tủ điện bị mở cửa, nguy hiểm cho trẻ em.'],
  FOOD_SAFETY: ['Cơ sở bán đồ ăn sáng không đảm bảo vệ sinh.', 'Quán ăn sử dụng thực phẩm không rõ nguồn gốc.', 'Bếp ăn xả nước thải ra đường.'],
  HERITAGE: ['Tường thành bị nứt, có dấu hiệu xuống cấp.', 'Có người viết vẽ lên di tích.', 'Cây dại mọc trên mái công trình di tích.'],
  OTHER: ['Tiếng ồn từ quán karaoke kéo dài đến khuya.', 'Biển báo giao thông bị che khuất.', 'Chó thả rông không rọ mõm trong công viên.', 'Đề nghị bố trí thêm ghế đá ở công viên.'],
};

/** How units answer (public answer on resolution). */
export const ANSWERS: Record<string, string[]> = {
  STREET_LIGHT: ['Đội Chiếu sáng đô thị đã thay bóng đèn, hệ thống hoạt động bình thường.', 'Đã sửa chữa bộ điều khiển, đèn sáng đúng giờ.'],
  ROAD_DAMAGE: ['Đơn vị đã vá ổ gà và hoàn trả mặt đường.', 'Đã thay nắp hố ga mới và cắm biển cảnh báo trong thời gian thi công.'],
  GARBAGE: ['Công ty Môi trường đã thu gom toàn bộ rác tồn đọng.', 'Đã bố trí thêm thùng rác và tăng tần suất thu gom.'],
  FLOODING: ['Đã nạo vét cống, nước đã rút.', 'Đã thông tắc hố ga, đường không còn ngập.'],
  ENCROACHMENT: ['Tổ công tác phường đã nhắc nhở, yêu cầu thu dọn; hộ kinh doanh đã chấp hành.', 'Đã lập biên bản và xử lý vi phạm hành chính theo quy định.'],
  TREES: ['Trung tâm Công viên cây xanh đã cắt tỉa cành gãy.', 'Đã dọn cây đổ và trồng cây thay thế.'],
  WATER_SUPPLY: ['Đã sửa chữa đường ống, cấp nước trở lại.', 'Đã súc xả đường ống, chất lượng nước đạt chuẩn.'],
  POWER: ['Điện lực đã khắc phục sự cố, cấp điện trở lại.', 'Đã căng lại dây và gia cố trụ điện.'],
  FOOD_SAFETY: ['Đoàn kiểm tra đã làm việc với cơ sở và xử lý theo quy định.'],
  HERITAGE: ['Trung tâm Bảo tồn Di tích đã kiểm tra và có phương án tu bổ.'],
  OTHER: ['Ủy ban nhân dân phường đã tiếp nhận và xử lý theo thẩm quyền.', 'Đã chuyển nội dung đến cơ quan chức năng, đồng thời thông báo cho người phản ánh.'],
};

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Tôn Nữ', 'Nguyễn Phúc'];
/** Shares of the family names above (Nguyễn is about a third of Vietnamese people). */
export const FAMILY_WEIGHTS = [34, 11, 9, 7, 5, 4, 4, 4, 4, 2, 2, 2, 2, 1.3, 1, 0.5, 1.5, 1.2, 0.8];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Hữu', 'Đức', 'Thu', 'Anh', 'Công', 'Xuân', 'Hoài', 'Kim', 'Bảo'];
export const GIVEN_NAMES = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hòa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngân', 'Nhung', 'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thành', 'Trang', 'Trung', 'Tú', 'Tuấn', 'Vy', 'Yến'];

/** The inverse of the cumulative distribution of minutes of the day for an hourly profile: 1441 values from 0 to 1440. */
export function minuteQuantiles(hourWeights: readonly number[]): number[] {
  const total = hourWeights.reduce((sum, weight) => sum + weight, 0);
  const cumulative = [0];
  for (const weight of hourWeights) cumulative.push((cumulative.at(-1) ?? 0) + weight / total);
  const quantiles: number[] = [];
  let hour = 0;
  for (let step = 0; step <= 1440; step += 1) {
    const p = step / 1440;
    while (hour < 23 && ((cumulative[hour + 1] ?? 1) < p || (hourWeights[hour] ?? 0) === 0)) hour += 1;
    const low = cumulative[hour] ?? 0;
    const high = cumulative[hour + 1] ?? 1;
    const within = high > low ? (p - low) / (high - low) : 0;
    quantiles.push(Math.min(1439.99, (hour + Math.min(1, Math.max(0, within))) * 60));
  }
  return quantiles;
}

/** Cumulative thresholds for SQL width_bucket: [0, w1, w1+w2, …] normalised, one per choice (the first is 0). */
export function cumulativeThresholds(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const thresholds: number[] = [];
  let running = 0;
  for (const weight of weights) {
    thresholds.push(running / total);
    running += weight;
  }
  return thresholds;
}

/** How many items each day gets out of `total`, spread over `days` days ending the day before `lastDate`, by weight. */
export function spreadOverDays(total: number, dates: readonly string[], weightOf: (date: string) => number): number[] {
  const weights = dates.map(weightOf);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => Math.floor((total * weight) / sum));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  // Hand the remainder to the heaviest days, one each.
  const order = weights.map((weight, index) => ({ weight, index })).sort((a, b) => b.weight - a.weight);
  for (let i = 0; missing > 0; i = (i + 1) % order.length, missing -= 1) counts[order[i]?.index ?? 0] = (counts[order[i]?.index ?? 0] ?? 0) + 1;
  return counts;
}
