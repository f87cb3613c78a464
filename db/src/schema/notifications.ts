import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { createdAt, idColumn } from './columns';
import { workspaces } from './workspaces';

export const notificationKinds = ['mention', 'reply', 'assignment', 'status_change', 'comment_on_assigned'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * What a notification points at and what its text needs. Ids rather than foreign keys:
 * a notification outlives an edit or a deletion of what it points to and still reads.
 */
export interface NotificationData {
  sectionId?: string;
  threadId?: string;
  commentId?: string;
  actorId?: string;
  /** Status change: from and to. */
  from?: string;
  to?: string;
  /** A short excerpt of the comment, as it read when the notification was made. */
  excerpt?: string;
}

export const notifications = sqliteTable(
  'notifications',
  {
    id: idColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    data: text('data', { mode: 'json' }).$type<NotificationData>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId, t.readAt),
  ],
);
