import type { ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { SessionProvider } from './session.tsx';

/** Translation and session context for the whole app (the router is added by the caller). */
export function AppProviders({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>{children}</SessionProvider>
    </I18nextProvider>
  );
}
