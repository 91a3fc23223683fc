import type { IconName } from '../../components/icon.tsx';

export type ServiceTile = {
  key: 'reports' | 'services' | 'payments' | 'dossiers' | 'alerts' | 'verifyDocument';
  icon: IconName;
  /** Where the service lives once it is built; a tile without a path is shown as "coming soon". */
  path?: string;
};

/** The citizen services on the home page, in display order. */
export const SERVICE_TILES: readonly ServiceTile[] = [
  { key: 'reports', icon: 'report', path: '/reports/new' },
  { key: 'services', icon: 'services', path: '/services' },
  { key: 'payments', icon: 'payment', path: '/dossiers/mine' },
  { key: 'dossiers', icon: 'search', path: '/lookup' },
  { key: 'alerts', icon: 'alert' },
  { key: 'verifyDocument', icon: 'document', path: '/verify' },
];
