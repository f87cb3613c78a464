import { and, eq, inArray } from 'drizzle-orm';
import { memberships, sections, subgroupMembers, topics, type Db } from '@konvent/db';
import { can, type Role } from '@konvent/shared';
import { conflict, notFound } from '../errors';
import { isLastModerator, moderatorCount } from '../policies/member';
import { recordAudit } from './auditRecorder';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Subgroup memberships and assignments of a person in one workspace end together. */
export function dropWorkspaceDuties(tx: Tx, workspaceId: string, userId: string): void {
  const topicIds = tx.select({ id: topics.id }).from(topics).where(eq(topics.workspaceId, workspaceId)).all().map((t) => t.id);
  if (topicIds.length) {
    tx.delete(subgroupMembers)
      .where(and(eq(subgroupMembers.userId, userId), inArray(subgroupMembers.topicId, topicIds)))
      .run();
  }
  tx.update(sections)
    .set({ assigneeId: null })
    .where(and(eq(sections.workspaceId, workspaceId), eq(sections.assigneeId, userId)))
    .run();
}

export interface MemberRoleChangerProps {
  workspaceId: string;
  userId: string;
  role: Role;
  actorId: string;
}

/**
 * Changes a member's role. Refuses (409) to demote the last moderator. Someone who may no
 * longer join subgroups (an observer) leaves their subgroups and assignments at once, so
 * no stale row keeps granting rights.
 */
export function memberRoleChanger(db: Db, props: MemberRoleChangerProps): { from: Role; changed: boolean } {
  return db.transaction((tx) => {
    const membership = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, props.workspaceId), eq(memberships.userId, props.userId)))
      .get();
    if (!membership) throw notFound('Member');
    if (membership.role === props.role) return { from: membership.role, changed: false };
    if (!can(props.role, 'members.manage') && isLastModerator(membership.role, moderatorCount(tx, props.workspaceId))) {
      throw conflict('The last moderator cannot be demoted. Make someone else moderator first.');
    }
    tx.update(memberships).set({ role: props.role }).where(eq(memberships.id, membership.id)).run();
    if (!can(props.role, 'subgroup.join')) dropWorkspaceDuties(tx, props.workspaceId, props.userId);
    recordAudit(tx, {
      workspaceId: props.workspaceId,
      actorId: props.actorId,
      action: 'member.role_changed',
      entityType: 'member',
      entityId: props.userId,
      data: { from: membership.role, to: props.role },
    });
    return { from: membership.role, changed: true };
  });
}
