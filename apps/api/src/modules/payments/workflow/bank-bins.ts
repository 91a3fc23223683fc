/**
 * The NAPAS bank identification numbers (BINs) a collection account may be held at. Public lists disagree (one
 * popular list gives 970415 to Vietcombank; it is VietinBank's), so the list is pinned here and a test checks each
 * entry against vietnam-qr-pay's bank table: a BIN outside this list is refused in configuration and in payloads.
 */
export interface PinnedBank {
  bin: string;
  shortName: string;
  nameVi: string;
}

export const PINNED_BANKS: readonly PinnedBank[] = [
  { bin: '970415', shortName: 'VietinBank', nameVi: 'Ngân hàng TMCP Công thương Việt Nam' },
  { bin: '970436', shortName: 'Vietcombank', nameVi: 'Ngân hàng TMCP Ngoại Thương Việt Nam' },
  { bin: '970418', shortName: 'BIDV', nameVi: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam' },
  { bin: '970405', shortName: 'Agribank', nameVi: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam' },
  { bin: '970416', shortName: 'ACB', nameVi: 'Ngân hàng TMCP Á Châu' },
  { bin: '970422', shortName: 'MB Bank', nameVi: 'Ngân hàng TMCP Quân đội' },
  { bin: '970407', shortName: 'Techcombank', nameVi: 'Ngân hàng TMCP Kỹ thương Việt Nam' },
  { bin: '970432', shortName: 'VPBank', nameVi: 'Ngân hàng TMCP Việt Nam Thịnh Vượng' },
  { bin: '970423', shortName: 'TPBank', nameVi: 'Ngân hàng TMCP Tiên Phong' },
  { bin: '970403', shortName: 'Sacombank', nameVi: 'Ngân hàng TMCP Sài Gòn Thương Tín' },
  { bin: '970437', shortName: 'HDBank', nameVi: 'Ngân hàng TMCP Phát triển TP. Hồ Chí Minh' },
  { bin: '970441', shortName: 'VIB', nameVi: 'Ngân hàng TMCP Quốc tế Việt Nam' },
  { bin: '970443', shortName: 'SHB', nameVi: 'Ngân hàng TMCP Sài Gòn - Hà Nội' },
  { bin: '970431', shortName: 'Eximbank', nameVi: 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam' },
  { bin: '970448', shortName: 'OCB Bank', nameVi: 'Ngân hàng TMCP Phương Đông' },
  { bin: '970426', shortName: 'MSB', nameVi: 'Ngân hàng TMCP Hàng Hải' },
  { bin: '970440', shortName: 'SeABank', nameVi: 'Ngân hàng TMCP Đông Nam Á' },
  { bin: '970454', shortName: 'BVBank', nameVi: 'Ngân hàng TMCP Bản Việt' },
  { bin: '970449', shortName: 'LPBank', nameVi: 'Ngân hàng TMCP Lộc Phát Việt Nam' },
  { bin: '970409', shortName: 'BacA Bank', nameVi: 'Ngân hàng TMCP Bắc Á' },
];

/** The pinned bank with this BIN, if any. */
export function findPinnedBank(bin: string): PinnedBank | undefined {
  return PINNED_BANKS.find((bank) => bank.bin === bin);
}
