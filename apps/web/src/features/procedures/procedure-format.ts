import type { TFunction } from 'i18next';
import type { Locale, ProcedureSummary } from '@onecity/contracts';

/** A procedure, agency or fee name in the reader's language. */
export function nameIn(locale: Locale, named: { nameVi: string; nameEn: string }): string {
  return locale === 'vi' ? named.nameVi : named.nameEn;
}

/** The procedure's field (lĩnh vực) in the reader's language. */
export function fieldIn(locale: Locale, procedure: { fieldVi: string; fieldEn: string }): string {
  return locale === 'vi' ? procedure.fieldVi : procedure.fieldEn;
}

const VND = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

/** An amount in đồng, always written the Vietnamese way ("8.000 ₫"), whatever the interface language. */
export function formatMoney(amount: number): string {
  return VND.format(amount);
}

/** A fee: "8.000 ₫", or "Miễn phí" / "Free" when there is none. */
export function formatFee(amount: number, t: TFunction): string {
  return amount === 0 ? t('procedures.fees.free') : formatMoney(amount);
}

/** The legal processing time: "5 ngày làm việc" / "5 working days". */
export function formatProcessingTime(time: ProcedureSummary['processingTime'], t: TFunction): string {
  const one = time.amount === 1;
  switch (time.unit) {
    case 'working_days':
      return t(one ? 'procedures.time.workingDay' : 'procedures.time.workingDays', { amount: time.amount });
    case 'working_hours':
      return t(one ? 'procedures.time.workingHour' : 'procedures.time.workingHours', { amount: time.amount });
    default:
      return t(one ? 'procedures.time.day' : 'procedures.time.days', { amount: time.amount });
  }
}

/** A label with the "required" star (the form's intro says what it means; inputs also carry `required`). */
export function withRequiredMark(label: string, isRequired: boolean): string {
  return isRequired ? `${label} *` : label;
}

/** A template address that is safe to link to: on this site or over http(s). */
export function safeTemplateUrl(url: string | null): string | undefined {
  if (url === null) return undefined;
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  return /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
}
