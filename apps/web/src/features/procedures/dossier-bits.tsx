import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '@onecity/contracts';

/** Background of each status badge (white text on each is at least 4.5:1); the text carries the meaning. */
export const DOSSIER_STATUS_COLOURS: Record<DossierStatus, string> = {
  new: '#b45309',
  accepted: '#1d4ed8',
  rejected: '#a8201a',
  processing: '#6d28d9',
  supplement_requested: '#9a3412',
  fee_due: '#854d0e',
  withdrawn: '#4b5563',
  stopped: '#57534e',
  done: '#15803d',
  delivered: '#166534',
};

/** Statuses in which the dossier is still with the administration (its appointment date can pass). */
export const OPEN_DOSSIER_STATUSES: readonly DossierStatus[] = ['new', 'accepted', 'processing', 'supplement_requested', 'fee_due'];

/** The dossier status by its National Public Service Portal name, as a coloured label. */
export function DossierStatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-badge" style={{ backgroundColor: DOSSIER_STATUS_COLOURS[status] }}>
      {t(`procedures.status.${status}`)}
    </span>
  );
}

/** "Quá hạn" next to a dossier past its appointment date. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="tag tag--urgent">{t('procedures.dossier.overdue')}</span>;
}
