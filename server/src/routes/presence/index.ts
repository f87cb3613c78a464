/** GET /workspaces/:workspaceId/presence — who is in which section now; members only, 404 for others. */
import { Router } from 'express';
import { can, type ListResponse, type SectionPresenceJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { presentSectionPresence } from '../../presenters/presence';
import { loadWorkspaceForActor } from '../workspaces/load';

export function presenceRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/workspaces/:workspaceId/presence',
    endpoint(ctx, {}, ({ auth, params }): ListResponse<SectionPresenceJSON> => {
      const { workspace, actor } = loadWorkspaceForActor(ctx.db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.read'), { hide: 'Workspace' });
      return {
        data: ctx.presence.sectionsOf(workspace.id).map(({ sectionId, users }) => presentSectionPresence(sectionId, users)),
      };
    }),
  );
  return router;
}
