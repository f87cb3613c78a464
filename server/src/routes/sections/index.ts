/** The report outline: list (reading order or trash), read; create, update and trash in their own files. */
import { Router } from 'express';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { sections } from '@konvent/db';
import { can, listSectionsQuerySchema } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { loadWorkspaceForActor } from '../workspaces/load';
import { createSectionHandler } from './create';
import { liveSections, loadSectionForActor, outlineOrder, presentSections } from './load';
import { deleteSectionHandler, restoreSectionHandler } from './trash';
import { updateSectionHandler } from './update';

export function sectionsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get(
    '/workspaces/:workspaceId/sections',
    endpoint(ctx, { query: listSectionsQuerySchema }, ({ auth, query, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.read'));
      const rows = query.trash
        ? db
            .select()
            .from(sections)
            .where(and(eq(sections.workspaceId, workspace.id), isNotNull(sections.deletedAt)))
            .orderBy(desc(sections.deletedAt))
            .all()
        : outlineOrder(liveSections(db, workspace.id));
      return { data: presentSections(db, rows, actor) };
    }),
  );

  router.post('/workspaces/:workspaceId/sections', createSectionHandler(ctx));

  router.get(
    '/sections/:sectionId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { section, actor } = loadSectionForActor(db, auth.user, params.sectionId!);
      authorize(can(actor.role, 'workspace.read'));
      return presentSections(db, [section], actor)[0];
    }),
  );

  router.patch('/sections/:sectionId', updateSectionHandler(ctx));
  router.delete('/sections/:sectionId', deleteSectionHandler(ctx));
  router.post('/sections/:sectionId/restore', restoreSectionHandler(ctx));

  return router;
}
