import { and, desc, eq, notLike } from 'drizzle-orm';
import { auditLog, users, type Db } from '@konvent/db';
import type { ActivityJSON } from '@konvent/shared';
import { presentActivity } from '../../presenters/activity';

/**
 * The workspace's audit entries, newest first. Personal entries (`user.*`, such as a
 * password change) never carry a workspace, and are excluded by action as well in case one
 * ever does.
 */
export function recentActivity(db: Db, workspaceId: string, limit: number): ActivityJSON[] {
  return db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.workspaceId, workspaceId), notLike(auditLog.action, 'user.%')))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .all()
    .map((r) => presentActivity(r.entry, r.actorName));
}
