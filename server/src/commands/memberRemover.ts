import { and, eq } from 'drizzle-orm';
import { memberships, type Db } from '@konvent/db';
import { conflict, notFound } from '../errors';
import { isLastModerator, moderatorCount } from '../policies/member';
import { recordAudit } from './auditRecorder';
import { dropWorkspaceDuties } from './memberRoleChanger';

export interface MemberRemoverProps {
  workspaceId: string;
  userId: string;
  actorId: string;
}

/**
 * Removes a person from a workspace with their subgroup memberships and assignments there.
 * Refuses (409) to remove the last moderator. The account itself stays.
 */
export function memberRemover(db: Db, props: MemberRemoverProps): void {
  db.transaction((tx) => {
    const membership = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, props.workspaceId), eq(memberships.userId, props.userId)))
      .get();
    if (!membership) throw notFound('Member');
    if (isLastModerator(membership.role, moderatorCount(tx, props.workspaceId))) {
      throw conflict('The last moderator cannot be removed. Make someone else moderator first.');
    }
    tx.delete(memberships).where(eq(memberships.id, membership.id)).run();
    dropWorkspaceDuties(tx, props.workspaceId, props.userId);
    recordAudit(tx, {
      workspaceId: props.workspaceId,
      actorId: props.actorId,
      action: 'member.removed',
      entityType: 'member',
      entityId: props.userId,
      data: { role: membership.role },
    });
  });
}
