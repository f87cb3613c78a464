/** Loading members with their subgroups for the presenter. */
import { and, asc, eq } from 'drizzle-orm';
import { memberships, subgroupMembers, topics, users, type Db } from '@konvent/db';
import type { MemberJSON, SubgroupMembershipJSON } from '@konvent/shared';
import type { WorkspaceActor } from '../../policies/actor';
import { isLastModerator, moderatorCount } from '../../policies/member';
import { presentMember, type MemberRow } from '../../presenters/member';

export function memberRows(db: Db, workspaceId: string, userId?: string): MemberRow[] {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisation: users.organisation,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), userId ? eq(memberships.userId, userId) : undefined))
    .orderBy(asc(users.name))
    .all();
}

function subgroupsByUser(db: Db, workspaceId: string): Map<string, SubgroupMembershipJSON[]> {
  const rows = db
    .select({ userId: subgroupMembers.userId, topicId: subgroupMembers.topicId, lead: subgroupMembers.isLead })
    .from(subgroupMembers)
    .innerJoin(topics, eq(topics.id, subgroupMembers.topicId))
    .where(eq(topics.workspaceId, workspaceId))
    .orderBy(asc(topics.position))
    .all();
  const out = new Map<string, SubgroupMembershipJSON[]>();
  for (const { userId, ...membership } of rows) {
    const list = out.get(userId) ?? [];
    list.push(membership);
    out.set(userId, list);
  }
  return out;
}

export function presentMembers(db: Db, workspaceId: string, actor: WorkspaceActor, userId?: string): MemberJSON[] {
  const rows = memberRows(db, workspaceId, userId);
  const subgroups = subgroupsByUser(db, workspaceId);
  const moderators = moderatorCount(db, workspaceId);
  return rows.map((r) =>
    presentMember(r, subgroups.get(r.userId) ?? [], isLastModerator(r.role, moderators), actor),
  );
}

/** One member as the given actor sees them; undefined when they are not a member. */
export function presentOneMember(db: Db, workspaceId: string, userId: string, actor: WorkspaceActor): MemberJSON | undefined {
  return presentMembers(db, workspaceId, actor, userId)[0];
}
