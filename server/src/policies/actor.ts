/**
 * The caller as seen from one workspace: their role and subgroup memberships. Every
 * data-dependent policy takes an actor, so REST, socket.io and co-editing decide alike.
 */
import { and, eq } from 'drizzle-orm';
import { memberships, subgroupMembers, topics, type Db } from '@konvent/db';
import type { Role } from '@konvent/shared';
import type { UserRow } from '../auth/sessions';

export interface WorkspaceActor {
  user: UserRow;
  workspaceId: string;
  role: Role;
  /** topicId → lead flag, for the subgroups this person belongs to. */
  subgroups: Map<string, boolean>;
}

/** Null when the user is not a member of the workspace. */
export function loadActor(db: Db, user: UserRow, workspaceId: string): WorkspaceActor | null {
  const membership = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, user.id)))
    .get();
  if (!membership) return null;
  const rows = db
    .select({ topicId: subgroupMembers.topicId, isLead: subgroupMembers.isLead })
    .from(subgroupMembers)
    .innerJoin(topics, eq(topics.id, subgroupMembers.topicId))
    .where(and(eq(subgroupMembers.userId, user.id), eq(topics.workspaceId, workspaceId)))
    .all();
  return {
    user,
    workspaceId,
    role: membership.role,
    subgroups: new Map(rows.map((r) => [r.topicId, r.isLead])),
  };
}
