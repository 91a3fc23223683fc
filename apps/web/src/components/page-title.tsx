import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> · OneCity" in the current language. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * The page's one h1, also used as the tab title. It can take focus (tabIndex -1) so the layout can move
 * focus to it after a client-side navigation, as a full page load would for screen-reader users.
 */
export function PageTitle({ children, tabTitle }: { children: string; tabTitle?: string }) {
  useDocumentTitle(tabTitle ?? children);
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
