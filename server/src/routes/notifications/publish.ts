import { Events } from '@konvent/shared';
import type { NotificationRow } from '../../commands/notifier';
import type { AppContext } from '../../context';
import { presentNotifications } from './load';

/**
 * Announces notifications written by the notifier to each recipient's user room. Call it
 * after the transaction that wrote them has committed.
 */
export function publishNotifications(ctx: AppContext, rows: NotificationRow[]): void {
  if (!rows.length) return;
  const presented = presentNotifications(ctx.db, rows);
  rows.forEach((row, i) => ctx.realtime.toUser(row.userId, Events.NotificationCreated, presented[i]));
}
