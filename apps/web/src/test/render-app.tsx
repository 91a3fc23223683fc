import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import type { Locale } from '@onecity/contracts';
import { setCsrfToken } from '../app/api.ts';
import { createI18n } from '../app/i18n/index.ts';
import { AppProviders } from '../app/providers.tsx';
import { AppRoutes } from '../app/routes.tsx';

/** Shows the router's current address so tests can assert redirects. */
function CurrentLocation() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** Renders the whole app at `path`, as the browser would, with a fresh translation instance. */
export function renderApp({ path = '/', locale }: { path?: string; locale?: Locale } = {}) {
  setCsrfToken(undefined);
  const i18n = createI18n(locale);
  const result = render(
    <AppProviders i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <CurrentLocation />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, i18n };
}
