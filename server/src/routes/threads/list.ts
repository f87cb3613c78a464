import type { RequestHandler } from 'express';
import type { ListResponse, ThreadJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { mayReadThreads } from '../../policies/comment';
import { loadSectionForActor } from '../sections/load';
import { liveThreadsOf, loadThreadForActor, prepareThread, prepareThreads } from './load';

/** GET /sections/:sectionId/threads: the section's threads, oldest first, detached ones included. */
export function listThreadsHandler(ctx: AppContext): RequestHandler {
  return endpoint(ctx, {}, ({ auth, params }): ListResponse<ThreadJSON> => {
    const { section, actor } = loadSectionForActor(ctx.db, auth.user, params.sectionId!);
    authorize(mayReadThreads(actor), { hide: 'Section' });
    return { data: prepareThreads(ctx, section, liveThreadsOf(ctx.db, section.id))(actor) };
  });
}

/** GET /threads/:threadId: one thread, e.g. for a notification's link. */
export function getThreadHandler(ctx: AppContext): RequestHandler {
  return endpoint(ctx, {}, ({ auth, params }): ThreadJSON => {
    const { thread, section, actor } = loadThreadForActor(ctx.db, auth.user, params.threadId!);
    authorize(mayReadThreads(actor), { hide: 'Thread' });
    return prepareThread(ctx, section, thread.id)(actor);
  });
}
