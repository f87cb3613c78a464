/**
 * The caller as seen from one workspace: their role and subgroup memberships. Every
 * data-dependent policy takes an actor, so REST, socket.io and co-editing decide alike.
 */
import { and, eq, sql } from 'drizzle-orm';
import { memberships, perDatabase, subgroupMembers, topics, type Db } from '@konvent/db';
import type { Role } from '@konvent/shared';
import type { UserRow } from '../auth/sessions';

export interface WorkspaceActor {
  user: UserRow;
  workspaceId: string;
  role: Role;
  /** topicId → lead flag, for the subgroups this person belongs to. */
  subgroups: Map<string, boolean>;
}

/** Built and prepared once per database: these run for every request and connection. */
function prepareQueries(db: Db) {
  return {
    membership: db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, sql.placeholder('workspaceId')), eq(memberships.userId, sql.placeholder('userId'))))
      .prepare(),
    subgroups: db
      .select({ topicId: subgroupMembers.topicId, isLead: subgroupMembers.isLead })
      .from(subgroupMembers)
      .innerJoin(topics, eq(topics.id, subgroupMembers.topicId))
      .where(and(eq(subgroupMembers.userId, sql.placeholder('userId')), eq(topics.workspaceId, sql.placeholder('workspaceId'))))
      .prepare(),
  };
}

const queriesFor = perDatabase(prepareQueries);

/** Prepares the queries ahead of the first caller (startup). */
export function prepareActorQueries(db: Db): void {
  queriesFor(db);
}

/** Null when the user is not a member of the workspace. */
export function loadActor(db: Db, user: UserRow, workspaceId: string): WorkspaceActor | null {
  const queries = queriesFor(db);
  const membership = queries.membership.get({ workspaceId, userId: user.id });
  if (!membership) return null;
  const rows = queries.subgroups.all({ workspaceId, userId: user.id });
  return {
    user,
    workspaceId,
    role: membership.role,
    subgroups: new Map(rows.map((r) => [r.topicId, r.isLead])),
  };
}
