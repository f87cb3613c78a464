/** GET /workspaces/:workspaceId/search?q= — members only; anyone else gets 404. */
import { Router } from 'express';
import { can, searchQuerySchema, type ListResponse, type SearchResultJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { searchWorkspace } from '../../search/searcher';
import { loadWorkspaceForActor } from '../workspaces/load';

export function searchRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/workspaces/:workspaceId/search',
    endpoint(ctx, { query: searchQuerySchema }, ({ auth, query, params }): ListResponse<SearchResultJSON> => {
      const { workspace, actor } = loadWorkspaceForActor(ctx.db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.read'), { hide: 'Workspace' });
      return { data: searchWorkspace(ctx.db, workspace.id, query.q) };
    }),
  );
  return router;
}
