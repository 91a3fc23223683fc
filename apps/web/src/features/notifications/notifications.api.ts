import { api } from '../../app/api.ts';

/** One notice of the inbox; title and body come localised from the API (Accept-Language). */
export type AppNotification = {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** An in-app address ("/reports/PA-…") or null. */
  link: string | null;
  isRead: boolean;
  createdAt: string;
};
export type NotificationInbox = { unread: number; items: AppNotification[] };

export const INBOX_LIMIT = 20;

/** The newest notices and how many are unread. */
export const fetchNotifications = () => api.get<NotificationInbox>(`/notifications?limit=${INBOX_LIMIT}`);

/** Marks one notice as read, or all of them without an id; answers how many changed. */
export const markNotificationsRead = (id?: string) => api.post<{ changed: number }>('/notifications/read', id === undefined ? {} : { id });
