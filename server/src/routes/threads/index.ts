/** Comment threads on sections: list, open, reply, resolve/reopen, delete. */
import { Router } from 'express';
import type { AppContext } from '../../context';
import { createThreadHandler, replyHandler } from './create';
import { getThreadHandler, listThreadsHandler } from './list';
import { deleteThreadHandler, updateThreadHandler } from './update';

export function threadsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/sections/:sectionId/threads', listThreadsHandler(ctx));
  router.post('/sections/:sectionId/threads', createThreadHandler(ctx));
  router.get('/threads/:threadId', getThreadHandler(ctx));
  router.patch('/threads/:threadId', updateThreadHandler(ctx));
  router.delete('/threads/:threadId', deleteThreadHandler(ctx));
  router.post('/threads/:threadId/comments', replyHandler(ctx));
  return router;
}
