/** The workspace's recent activity, from the audit log. */
import { Router } from 'express';
import { activityQuerySchema, can } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { loadWorkspaceForActor } from '../workspaces/load';
import { recentActivity } from './load';

export function activityRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get(
    '/workspaces/:workspaceId/activity',
    endpoint(ctx, { query: activityQuerySchema }, ({ auth, query, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.read'));
      return { data: recentActivity(db, workspace.id, query.limit ?? 50) };
    }),
  );

  return router;
}
