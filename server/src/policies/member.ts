import { and, count, eq, inArray } from 'drizzle-orm';
import { memberships, type Db } from '@konvent/db';
import { can, roles, type Role } from '@konvent/shared';
import type { WorkspaceActor } from './actor';

/** Add people, change roles, remove members: moderators. */
export function mayManageMembers(actor: WorkspaceActor): boolean {
  return can(actor.role, 'members.manage');
}

/**
 * A workspace must always keep someone who can manage it: the last moderator can be
 * neither demoted nor removed. `moderatorCount` counts the workspace's moderators now.
 */
export function isLastModerator(targetRole: Role, moderatorCount: number): boolean {
  return can(targetRole, 'members.manage') && moderatorCount <= 1;
}

/** Whose e-mail address the actor may see: their own always, others' with members.contact. */
export function mayReadEmailOf(actor: WorkspaceActor, userId: string): boolean {
  return actor.user.id === userId || can(actor.role, 'members.contact');
}

export function memberAbilities(actor: WorkspaceActor, lastModerator: boolean) {
  const manage = mayManageMembers(actor);
  return { update: manage, remove: manage && !lastModerator };
}

/** Roles that manage members: the ones a workspace must never run out of. */
const managingRoles = roles.filter((r) => can(r, 'members.manage'));

export function moderatorCount(db: Pick<Db, 'select'>, workspaceId: string): number {
  return db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, managingRoles)))
    .get()!.n;
}
