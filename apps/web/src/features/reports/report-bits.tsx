import { useTranslation } from 'react-i18next';
import type { Locale } from '@onecity/contracts';
import { useNow } from '../../components/use-now.ts';
import { formatTimeLeft, secondsUntil } from './countdown.ts';
import type { ReportStatus } from './reports.api.ts';
import { STATUS_COLOURS } from './report-status.ts';

/** The name of a category, ward or unit in the reader's language. */
export function nameIn(locale: Locale, named: { nameVi: string; nameEn: string }): string {
  return locale === 'vi' ? named.nameVi : named.nameEn;
}

/** The status as a coloured label; the colour matches the map markers, the text carries the meaning. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-badge" style={{ backgroundColor: STATUS_COLOURS[status] }}>
      {t(`reports.status.${status}`)}
    </span>
  );
}

/** Time left until `dueAt` (ms), ticking every second; red and "overdue" once it has passed. */
export function LiveCountdown({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const secondsLeft = secondsUntil(dueAt, now);
  return (
    <span className={secondsLeft < 0 ? 'countdown countdown--overdue' : 'countdown'}>
      <time dateTime={dueAt}>{formatTimeLeft(secondsLeft, t)}</time>
    </span>
  );
}
