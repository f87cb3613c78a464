/** Workspaces (Arbeitskreise): the caller's list, create (instance admins), read, rename. */
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import { memberships, workspaces } from '@konvent/db';
import { Events, can, createWorkspaceSchema, updateWorkspaceSchema, type WorkspaceJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { presentWorkspace } from '../../presenters/workspace';
import { recordAudit } from '../../commands/auditRecorder';
import { workspaceCreator } from '../../commands/workspaceCreator';
import { dashboardHandler } from './dashboard';
import { loadWorkspaceForActor, perRecipient } from './load';

export function workspacesRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get(
    '/workspaces',
    endpoint(ctx, {}, ({ auth }) => {
      const rows = db
        .select({ workspace: workspaces, role: memberships.role })
        .from(memberships)
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(eq(memberships.userId, auth.user.id))
        .orderBy(asc(workspaces.name))
        .all();
      const data: WorkspaceJSON[] = rows.map(({ workspace, role }) =>
        // The list needs only the role; subgroups do not change workspace abilities.
        presentWorkspace(workspace, { user: auth.user, workspaceId: workspace.id, role, subgroups: new Map() }),
      );
      return { data };
    }),
  );

  router.post(
    '/workspaces',
    endpoint(ctx, { body: createWorkspaceSchema, status: 201 }, ({ auth, body }) => {
      authorize(auth.user.isAdmin, { message: 'Only instance administrators may create workspaces.' });
      const workspace = workspaceCreator(db, { name: body.name, description: body.description, creatorId: auth.user.id });
      return presentWorkspace(workspace, { user: auth.user, workspaceId: workspace.id, role: 'moderator', subgroups: new Map() });
    }),
  );

  router.get(
    '/workspaces/:workspaceId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      return presentWorkspace(workspace, actor);
    }),
  );

  router.patch(
    '/workspaces/:workspaceId',
    endpoint(ctx, { body: updateWorkspaceSchema }, ({ auth, body, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.manage'));
      const changes = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
      };
      if (!Object.keys(changes).length) return presentWorkspace(workspace, actor);
      const updated = db.transaction((tx) => {
        const row = tx.update(workspaces).set(changes).where(eq(workspaces.id, workspace.id)).returning().get();
        recordAudit(tx, {
          workspaceId: workspace.id,
          actorId: auth.user.id,
          action: 'workspace.updated',
          entityType: 'workspace',
          entityId: workspace.id,
          data: changes,
        });
        return row;
      });
      ctx.realtime.toWorkspace(updated.id, Events.WorkspaceUpdated, perRecipient(db, updated.id, (a) => presentWorkspace(updated, a)));
      return presentWorkspace(updated, actor);
    }),
  );

  router.get('/workspaces/:workspaceId/dashboard', dashboardHandler(ctx));

  return router;
}
