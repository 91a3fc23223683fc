import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Icon } from '../../components/icon.tsx';
import { fetchNotifications, markNotificationsRead, type AppNotification, type NotificationInbox as Inbox } from './notifications.api.ts';

/** How often the inbox asks for new notices while the page is open. */
export const INBOX_REFRESH_MS = 60_000;

/**
 * The header's bell for a logged-in user: the unread count, and a panel of the newest notices. Refreshed every
 * minute, when the window regains focus and when the language changes (the API localises the texts).
 */
export function NotificationInbox() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [inbox, setInbox] = useState<Inbox | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [isOpen, setIsOpen] = useState(false);
  const [isMarkingAll, setIsMarkingAll] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const latestRequest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latestRequest.current;
    fetchNotifications()
      .then((data) => {
        if (request !== latestRequest.current) return;
        setInbox(data);
        setLoadError(undefined);
      })
      .catch((error: unknown) => request === latestRequest.current && setLoadError(error));
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, INBOX_REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      latestRequest.current += 1; // ignore answers arriving after unmount
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh, locale]);

  const unread = inbox?.unread ?? 0;

  const markRead = (notification: AppNotification) => {
    if (notification.isRead) return;
    latestRequest.current += 1; // an answer already on its way predates this change
    setInbox((current) =>
      current && {
        unread: Math.max(0, current.unread - 1),
        items: current.items.map((item) => (item.id === notification.id ? { ...item, isRead: true } : item)),
      },
    );
    setActionError(undefined);
    markNotificationsRead(notification.id).catch((error: unknown) => {
      setActionError(error);
      refresh();
    });
  };

  const markAllRead = () => {
    setIsMarkingAll(true);
    setActionError(undefined);
    latestRequest.current += 1;
    markNotificationsRead()
      .then(() => setInbox((current) => current && { unread: 0, items: current.items.map((item) => ({ ...item, isRead: true })) }))
      .catch((error: unknown) => setActionError(error))
      .finally(() => {
        setIsMarkingAll(false);
        refresh();
      });
  };

  const close = () => {
    setIsOpen(false);
    buttonRef.current?.focus();
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && isOpen) {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="inbox" onKeyDown={handleKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="inbox__button"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        aria-label={unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')}
        onClick={() => {
          if (!isOpen) refresh();
          setIsOpen((current) => !current);
        }}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className="inbox__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {isOpen && (
        <section id={panelId} className="inbox__panel" aria-labelledby={headingId}>
          <div className="inbox__head">
            <h2 id={headingId} className="inbox__title">
              {t('notifications.title')}
            </h2>
            <button type="button" className="button button--secondary" disabled={unread === 0 || isMarkingAll} onClick={markAllRead}>
              {t('notifications.markAllRead')}
            </button>
          </div>
          <ErrorAlert error={actionError ?? (inbox === undefined ? loadError : undefined)} />
          {inbox === undefined && loadError === undefined && <p>{t('app.loading')}</p>}
          {inbox !== undefined && inbox.items.length === 0 && <p>{t('notifications.empty')}</p>}
          {inbox !== undefined && inbox.items.length > 0 && (
            <ul className="inbox__list">
              {inbox.items.map((notification) => (
                <li key={notification.id} className={notification.isRead ? 'inbox__item' : 'inbox__item inbox__item--unread'}>
                  <p className="inbox__item-title">
                    {notification.link?.startsWith('/') ? (
                      <Link
                        to={notification.link}
                        onClick={() => {
                          markRead(notification);
                          setIsOpen(false);
                        }}
                      >
                        {notification.title}
                      </Link>
                    ) : (
                      notification.title
                    )}
                    {!notification.isRead && <span className="visually-hidden"> ({t('notifications.unread')})</span>}
                  </p>
                  <p className="inbox__item-body">{notification.body}</p>
                  <p className="note">
                    <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, locale)}</time>
                  </p>
                  {!notification.isRead && !notification.link?.startsWith('/') && (
                    <button type="button" className="button button--secondary" onClick={() => markRead(notification)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
