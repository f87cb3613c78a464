/**
 * GET /sections/:sectionId/content?format=json|html|markdown|text: the section's current
 * content rendered on the server from the co-edited document (the same renderers as the
 * export). Any member of the workspace may read it; others get 404.
 */
import { Router } from 'express';
import * as z from 'zod/mini';
import { can, docNames } from '@konvent/shared';
import { readDocument } from '../../collab/readDocument';
import type { AppContext } from '../../context';
import { prosemirrorToHtml } from '../../export/prosemirrorToHtml';
import { prosemirrorToMarkdown } from '../../export/prosemirrorToMarkdown';
import { prosemirrorToText } from '../../export/prosemirrorToText';
import { ydocToProsemirror } from '../../export/ydocToProsemirror';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { loadSectionForActor } from '../sections/load';

const contentQuerySchema = z.strictObject({
  format: z._default(z.enum(['json', 'html', 'markdown', 'text']), 'json'),
});

const mimeTypes = {
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

export function contentRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/sections/:sectionId/content',
    endpoint(ctx, { query: contentQuerySchema }, ({ auth, query, params, res }) => {
      const { section, actor } = loadSectionForActor(ctx.db, auth.user, params.sectionId!);
      authorize(can(actor.role, 'workspace.read'));
      const doc = readDocument(ctx, docNames.section(section.id), ydocToProsemirror);
      if (query.format === 'json') return doc;
      const body =
        query.format === 'html'
          ? prosemirrorToHtml(doc)
          : query.format === 'markdown'
            ? prosemirrorToMarkdown(doc)
            : prosemirrorToText(doc);
      res.status(200).type(mimeTypes[query.format]).send(body);
      return undefined;
    }),
  );
  return router;
}
