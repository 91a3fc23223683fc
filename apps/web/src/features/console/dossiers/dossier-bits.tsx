import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { DossierStatus } from '@onecity/contracts';
import { useNow } from '../../../components/use-now.ts';
import { formatTimeLeft, secondsUntil } from '../../reports/countdown.ts';
import { countdownState } from './dossier-rules.ts';
import './dossiers.css';

// White text on each colour keeps at least 4.5:1; the words carry the meaning, the colour only helps scanning.
const STATUS_COLOURS: Record<DossierStatus, string> = {
  new: '#0b5cad',
  accepted: '#1d5f8a',
  rejected: '#a8201a',
  processing: '#5b3f94',
  supplement_requested: '#7a4f00',
  fee_due: '#7a4f00',
  withdrawn: '#4a5666',
  stopped: '#4a5666',
  done: '#1b6232',
  delivered: '#14532d',
};

/** A dossier's status as a coloured label. */
export function DossierStatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-badge" style={{ backgroundColor: STATUS_COLOURS[status] }}>
      {t(`dossierConsole.status.${status}`)}
    </span>
  );
}

/**
 * Time left until a deadline, ticking every second: red and "overdue" once passed, amber with "nearly due"
 * within a day. Counted on this device's clock from the API's due instant.
 */
export function DeadlineCountdown({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const secondsLeft = secondsUntil(dueAt, now);
  const state = countdownState(secondsLeft);
  const modifier = state === 'overdue' ? ' countdown--overdue' : state === 'nearly_due' ? ' countdown--soon' : '';
  return (
    <span className={`countdown${modifier}`} data-state={state}>
      <time dateTime={dueAt}>{formatTimeLeft(secondsLeft, t)}</time>
      {state === 'nearly_due' && <span className="countdown__flag"> ({t('dossierConsole.nearlyDue')})</span>}
    </span>
  );
}

/** The links between the dossier list and the statistics. */
export function DossierSubnav() {
  const { t } = useTranslation();
  return (
    <nav className="dossier-subnav" aria-label={t('dossierConsole.subnav.label')}>
      <NavLink to="/console/dossiers" end>
        {t('dossierConsole.subnav.list')}
      </NavLink>
      <NavLink to="/console/dossiers/statistics">{t('dossierConsole.subnav.statistics')}</NavLink>
    </nav>
  );
}
