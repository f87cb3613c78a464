/** The caller's own notifications: list, mark one read, mark all read. */
import { Router } from 'express';
import { and, eq, isNull } from 'drizzle-orm';
import { notifications } from '@konvent/db';
import { Events, listNotificationsQuerySchema, type NotificationListJSON, type NotificationsReadEvent } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { notificationsOf, presentNotifications, unreadCount } from './load';

export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  /** Tells the person's other tabs, so every bell shows the same count. */
  const announceRead = (userId: string, ids: NotificationsReadEvent['ids']) => {
    const event: NotificationsReadEvent = { ids, unreadCount: unreadCount(db, userId) };
    ctx.realtime.toUser(userId, Events.NotificationsRead, event);
    return event;
  };

  router.get(
    '/notifications',
    endpoint(ctx, { query: listNotificationsQuerySchema }, ({ auth, query }): NotificationListJSON => {
      const rows = notificationsOf(db, auth.user.id, { unreadOnly: query.unread ?? false, limit: query.limit ?? 50 });
      return { data: presentNotifications(db, rows), unreadCount: unreadCount(db, auth.user.id) };
    }),
  );

  router.post(
    '/notifications/read-all',
    endpoint(ctx, {}, ({ auth }) => {
      db.update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, auth.user.id), isNull(notifications.readAt)))
        .run();
      return announceRead(auth.user.id, 'all');
    }),
  );

  router.post(
    '/notifications/:notificationId/read',
    endpoint(ctx, {}, ({ auth, params }) => {
      const row = db.select().from(notifications).where(eq(notifications.id, params.notificationId!)).get();
      // Someone else's notification does not exist for the caller.
      authorize(!!row && row.userId === auth.user.id, { hide: 'Notification' });
      if (!row!.readAt) db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, row!.id)).run();
      announceRead(auth.user.id, [row!.id]);
      const updated = db.select().from(notifications).where(eq(notifications.id, row!.id)).get()!;
      return presentNotifications(db, [updated])[0];
    }),
  );

  return router;
}
