/**
 * The notifications module: the in-app inbox. Other modules use only what is exported here.
 */
export { notificationsRoutes } from './notifications.routes.ts';
export { notifyUsers, emailPendingNotices, type Notice } from './notifications.service.ts';
