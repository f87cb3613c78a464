/**
 * Loading the caller's place in a workspace, shared by every workspace-scoped route.
 * Anything in a workspace the caller does not belong to answers 404, so ids never leak.
 */
import { eq } from 'drizzle-orm';
import { users, workspaces, type Db } from '@konvent/db';
import type { UserRow } from '../../auth/sessions';
import { loadActor, type WorkspaceActor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';

export type WorkspaceRow = typeof workspaces.$inferSelect;

/** The workspace and the caller's actor in it; 404 when it does not exist or they are not a member. */
export function loadWorkspaceForActor(db: Db, user: UserRow, workspaceId: string): { workspace: WorkspaceRow; actor: WorkspaceActor } {
  const workspace = db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  const actor = workspace ? loadActor(db, user, workspace.id) : null;
  authorize(!!actor, { hide: 'Workspace' });
  return { workspace: workspace!, actor: actor! };
}

/** The actor of someone else (a realtime recipient); null when they are no longer a member. */
export function actorForUserId(db: Db, userId: string, workspaceId: string): WorkspaceActor | null {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  return user ? loadActor(db, user, workspaceId) : null;
}

/**
 * Builds a realtime payload per recipient from their own actor, so `abilities` are theirs;
 * a recipient who is no longer a member (or for whom `build` answers undefined) gets nothing.
 */
export function perRecipient<T>(db: Db, workspaceId: string, build: (actor: WorkspaceActor) => T | undefined) {
  return (userId: string): T | undefined => {
    const actor = actorForUserId(db, userId, workspaceId);
    return actor ? build(actor) : undefined;
  };
}
