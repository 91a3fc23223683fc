/**
 * Public-sector days off and swapped working days, 2022–2027, shipped as data (holidays are announced
 * each year; lunar dates and swaps are not a formula). Only exceptions to the Monday–Friday week are listed:
 * weekday days off and weekend days worked. Admins can replace a year through the API.
 *
 * Legal basis for every year: Labour Code 2019 (Law 45/2019/QH14) Art. 112 — 11 paid holidays: New Year 1/1,
 * Lunar New Year 5 days, Hùng Kings 10/3 lunar, 30/4, 1/5, National Day 2/9 plus one adjacent day; a holiday
 * falling on a weekly rest day is compensated on the next working day (Art. 111–112; Decree 145/2020/NĐ-CP
 * Art. 57, 60). Swaps for public servants are set each year by the Prime Minister's instruction and announced
 * by the Ministry of Labour (from March 2025 the Ministry of Home Affairs).
 *
 * `basis` says how sure an entry is: 'announced' = as announced for public servants for that year;
 * 'statutory' = derived from the Labour Code rules because no announcement was recorded here (verify and
 * edit when the year's notice is published).
 */
import type { CalendarDayKind } from '../workflow/working-days.ts';

export interface HolidayEntry {
  date: string;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

export interface HolidayYear {
  year: number;
  basis: 'announced' | 'statutory' | 'mixed';
  source: string;
  days: HolidayEntry[];
}

const NEW_YEAR = { nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" };
const TET = { nameVi: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)' };
const HUNG = { nameVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: 'Hùng Kings Commemoration (10th day of the 3rd lunar month)' };
const REUNIFICATION = { nameVi: 'Ngày Chiến thắng (30/4)', nameEn: 'Reunification Day (30 April)' };
const LABOUR = { nameVi: 'Ngày Quốc tế Lao động (1/5)', nameEn: 'International Labour Day (1 May)' };
const NATIONAL = { nameVi: 'Quốc khánh (2/9)', nameEn: 'National Day (2 September)' };

const day = (date: string, kind: CalendarDayKind, names: { nameVi: string; nameEn: string }, note?: { vi: string; en: string }): HolidayEntry => ({
  date,
  kind,
  nameVi: note ? `${names.nameVi} — ${note.vi}` : names.nameVi,
  nameEn: note ? `${names.nameEn} — ${note.en}` : names.nameEn,
});
const compensatory = { vi: 'nghỉ bù', en: 'compensatory day off' };
const swapped = { vi: 'nghỉ hoán đổi', en: 'swapped day off' };
const workedSaturday = { vi: 'làm bù', en: 'working Saturday in exchange' };

const LABOUR_CODE = 'Labour Code 2019 (45/2019/QH14) Art. 112; Decree 145/2020/NĐ-CP';

export const HOLIDAY_YEARS: HolidayYear[] = [
  {
    year: 2022,
    basis: 'announced',
    source: `${LABOUR_CODE}; Ministry of Labour, Invalids and Social Affairs notices on the 2022 New Year, Tết Nhâm Dần, Hùng Kings–30/4–1/5 and National Day breaks for public servants`,
    days: [
      day('2022-01-03', 'compensatory', NEW_YEAR, compensatory),
      day('2022-01-31', 'holiday', TET),
      day('2022-02-01', 'holiday', TET),
      day('2022-02-02', 'holiday', TET),
      day('2022-02-03', 'holiday', TET),
      day('2022-02-04', 'holiday', TET),
      day('2022-04-11', 'compensatory', HUNG, compensatory),
      day('2022-05-02', 'compensatory', REUNIFICATION, compensatory),
      day('2022-05-03', 'compensatory', LABOUR, compensatory),
      day('2022-09-01', 'holiday', NATIONAL),
      day('2022-09-02', 'holiday', NATIONAL),
    ],
  },
  {
    year: 2023,
    basis: 'announced',
    source: `${LABOUR_CODE}; Ministry of Labour, Invalids and Social Affairs notices on the 2023 New Year (31/12/2022–2/1/2023), Tết Quý Mão (20–26/1/2023), 29/4–3/5 and 1–4/9 breaks for public servants`,
    days: [
      day('2023-01-02', 'compensatory', NEW_YEAR, compensatory),
      day('2023-01-20', 'holiday', TET),
      day('2023-01-23', 'holiday', TET),
      day('2023-01-24', 'holiday', TET),
      day('2023-01-25', 'compensatory', TET, compensatory),
      day('2023-01-26', 'compensatory', TET, compensatory),
      day('2023-05-01', 'holiday', LABOUR),
      day('2023-05-02', 'compensatory', HUNG, compensatory),
      day('2023-05-03', 'compensatory', REUNIFICATION, compensatory),
      day('2023-09-01', 'holiday', NATIONAL),
      day('2023-09-04', 'compensatory', NATIONAL, compensatory),
    ],
  },
  {
    year: 2024,
    basis: 'announced',
    source: `${LABOUR_CODE}; Ministry of Labour, Invalids and Social Affairs notices on the 2024 breaks for public servants: New Year 30/12/2023–1/1/2024, Tết Giáp Thìn 8–14/2/2024, Hùng Kings 18/4, 27/4–1/5 with Saturday 4/5 worked in exchange for Monday 29/4, National Day 31/8–3/9`,
    days: [
      day('2024-01-01', 'holiday', NEW_YEAR),
      day('2024-02-08', 'holiday', TET),
      day('2024-02-09', 'holiday', TET),
      day('2024-02-12', 'holiday', TET),
      day('2024-02-13', 'compensatory', TET, compensatory),
      day('2024-02-14', 'compensatory', TET, compensatory),
      day('2024-04-18', 'holiday', HUNG),
      day('2024-04-29', 'swapped_off', REUNIFICATION, swapped),
      day('2024-04-30', 'holiday', REUNIFICATION),
      day('2024-05-01', 'holiday', LABOUR),
      day('2024-05-04', 'working_saturday', REUNIFICATION, workedSaturday),
      day('2024-09-02', 'holiday', NATIONAL),
      day('2024-09-03', 'holiday', NATIONAL),
    ],
  },
  {
    year: 2025,
    basis: 'announced',
    source: `${LABOUR_CODE}; Ministry of Labour, Invalids and Social Affairs notices on the 2025 breaks for public servants: New Year 1/1, Tết Ất Tỵ 25/1–2/2/2025, Hùng Kings 7/4, 30/4–4/5 with Saturday 26/4 worked in exchange for Friday 2/5, National Day 30/8–2/9`,
    days: [
      day('2025-01-01', 'holiday', NEW_YEAR),
      day('2025-01-27', 'holiday', TET),
      day('2025-01-28', 'holiday', TET),
      day('2025-01-29', 'holiday', TET),
      day('2025-01-30', 'holiday', TET),
      day('2025-01-31', 'holiday', TET),
      day('2025-04-07', 'holiday', HUNG),
      day('2025-04-26', 'working_saturday', LABOUR, workedSaturday),
      day('2025-04-30', 'holiday', REUNIFICATION),
      day('2025-05-01', 'holiday', LABOUR),
      day('2025-05-02', 'swapped_off', LABOUR, swapped),
      day('2025-09-01', 'holiday', NATIONAL),
      day('2025-09-02', 'holiday', NATIONAL),
    ],
  },
  {
    year: 2026,
    basis: 'mixed',
    source: `${LABOUR_CODE}; Tết Bính Ngọ break 14–22/2/2026 as announced for public servants; New Year, Hùng Kings (26/4, a Sunday, compensated on 27/4), 30/4–1/5 and National Day (1–2/9) derived from the statutory rules — verify against the year's notices`,
    days: [
      day('2026-01-01', 'holiday', NEW_YEAR),
      day('2026-02-16', 'holiday', TET),
      day('2026-02-17', 'holiday', TET),
      day('2026-02-18', 'holiday', TET),
      day('2026-02-19', 'holiday', TET),
      day('2026-02-20', 'holiday', TET),
      day('2026-04-27', 'compensatory', HUNG, compensatory),
      day('2026-04-30', 'holiday', REUNIFICATION),
      day('2026-05-01', 'holiday', LABOUR),
      day('2026-09-01', 'holiday', NATIONAL),
      day('2026-09-02', 'holiday', NATIONAL),
    ],
  },
  {
    year: 2027,
    basis: 'statutory',
    source: `${LABOUR_CODE}; derived from the statutory rules (Lunar New Year 6/2/2027, a Saturday: one day before and four after, weekend days compensated; Hùng Kings 15/4/2027; 1/5 a Saturday, compensated on 3/5; National Day 2–3/9) — no 2027 notice recorded yet`,
    days: [
      day('2027-01-01', 'holiday', NEW_YEAR),
      day('2027-02-05', 'holiday', TET),
      day('2027-02-08', 'holiday', TET),
      day('2027-02-09', 'holiday', TET),
      day('2027-02-10', 'compensatory', TET, compensatory),
      day('2027-02-11', 'compensatory', TET, compensatory),
      day('2027-04-15', 'holiday', HUNG),
      day('2027-04-30', 'holiday', REUNIFICATION),
      day('2027-05-03', 'compensatory', LABOUR, compensatory),
      day('2027-09-02', 'holiday', NATIONAL),
      day('2027-09-03', 'holiday', NATIONAL),
    ],
  },
];

/** Fixed-date statutory holidays, used for a year that has no data (with weekend compensation ignored). */
export const FIXED_HOLIDAYS: { monthDay: string; names: { nameVi: string; nameEn: string } }[] = [
  { monthDay: '01-01', names: NEW_YEAR },
  { monthDay: '04-30', names: REUNIFICATION },
  { monthDay: '05-01', names: LABOUR },
  { monthDay: '09-02', names: NATIONAL },
];
