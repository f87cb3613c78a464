/** Loading a person's notifications with the names their texts need. */
import { and, count, desc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { memberships, notifications, sections, users, type Db } from '@konvent/db';
import type { NotificationJSON } from '@konvent/shared';
import { presentNotification } from '../../presenters/notification';

type NotificationRow = typeof notifications.$inferSelect;

/** Presents rows with actor names and section titles looked up in two queries. */
export function presentNotifications(db: Db, rows: NotificationRow[]): NotificationJSON[] {
  const actorIds = [...new Set(rows.map((r) => r.data.actorId).filter((id): id is string => !!id))];
  const sectionIds = [...new Set(rows.map((r) => r.data.sectionId).filter((id): id is string => !!id))];
  const names = new Map(
    actorIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds)).all().map((u) => [u.id, u.name])
      : [],
  );
  const titles = new Map(
    sectionIds.length
      ? db
          .select({ id: sections.id, title: sections.title })
          .from(sections)
          .where(inArray(sections.id, sectionIds))
          .all()
          .map((s) => [s.id, s.title])
      : [],
  );
  return rows.map((r) =>
    presentNotification(r, {
      actorName: (r.data.actorId && names.get(r.data.actorId)) || null,
      sectionTitle: (r.data.sectionId && titles.get(r.data.sectionId)) || null,
    }),
  );
}

/**
 * Notifications count only from workspaces the person still belongs to: after leaving one,
 * its section titles and comment excerpts are no longer theirs to read.
 */
const stillMember = and(eq(memberships.workspaceId, notifications.workspaceId), eq(memberships.userId, notifications.userId));

function ofUser(userId: string, unreadOnly: boolean): SQL | undefined {
  return unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
}

/** The caller's notifications, newest first, across all their workspaces. */
export function notificationsOf(db: Db, userId: string, options: { unreadOnly: boolean; limit: number }): NotificationRow[] {
  return db
    .select(getTableColumns(notifications))
    .from(notifications)
    .innerJoin(memberships, stillMember)
    .where(ofUser(userId, options.unreadOnly))
    // rowid: insertion order within one millisecond.
    .orderBy(desc(notifications.createdAt), desc(sql`${notifications}.rowid`))
    .limit(options.limit)
    .all();
}

export function unreadCount(db: Db, userId: string): number {
  return db
    .select({ n: count() })
    .from(notifications)
    .innerJoin(memberships, stillMember)
    .where(ofUser(userId, true))
    .get()!.n;
}
