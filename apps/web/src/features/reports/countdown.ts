import type { TFunction } from 'i18next';

export type Duration = { days: number; hours: number; minutes: number; seconds: number };

/** Splits a number of seconds (its absolute value) into days, hours, minutes and seconds. */
export function splitDuration(totalSeconds: number): Duration {
  const seconds = Math.floor(Math.abs(totalSeconds));
  return {
    days: Math.floor(seconds / 86_400),
    hours: Math.floor((seconds % 86_400) / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    seconds: seconds % 60,
  };
}

/** Seconds from `now` (ms) until the ISO instant `dueAt`; negative once it has passed. */
export function secondsUntil(dueAt: string, now: number): number {
  return Math.floor((Date.parse(dueAt) - now) / 1000);
}

/** A duration as the two largest units ("2 ngày 3 giờ", "4 phút 10 giây"). */
export function formatDuration(totalSeconds: number, t: TFunction): string {
  const { days, hours, minutes, seconds } = splitDuration(totalSeconds);
  if (days > 0) return t('reports.countdown.days', { days, hours });
  if (hours > 0) return t('reports.countdown.hours', { hours, minutes });
  return t('reports.countdown.minutes', { minutes, seconds });
}

/** "Còn 2 ngày 3 giờ" before the deadline, "Quá hạn 4 giờ 10 phút" after it. */
export function formatTimeLeft(secondsLeft: number, t: TFunction): string {
  const duration = formatDuration(secondsLeft, t);
  return secondsLeft < 0 ? t('reports.countdown.overdue', { duration }) : t('reports.countdown.left', { duration });
}
