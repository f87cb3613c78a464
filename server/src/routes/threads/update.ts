import type { RequestHandler } from 'express';
import { updateThreadSchema, type ThreadJSON } from '@konvent/shared';
import { threadDeleter } from '../../commands/threadDeleter';
import { threadResolver } from '../../commands/threadResolver';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { isResolved, mayDeleteThread } from '../../policies/comment';
import { broadcastThreadDeleted, broadcastThreadUpdated } from './broadcast';
import { authorizeCommenting } from './guards';
import { loadThreadForActor, prepareThread } from './load';

/** PATCH /threads/:threadId { resolved }: resolve or reopen; the same state again changes nothing. */
export function updateThreadHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, { body: updateThreadSchema }, ({ auth, body, params }): ThreadJSON => {
    const { thread, section, actor } = loadThreadForActor(db, auth.user, params.threadId!);
    authorizeCommenting(actor, section);
    const changes = isResolved(thread) !== body.resolved;
    if (changes) threadResolver(db, { thread, section, actorId: auth.user.id, resolved: body.resolved });
    const present = prepareThread(ctx, section, thread.id);
    if (changes) broadcastThreadUpdated(ctx, section.workspaceId, present);
    return present(actor);
  });
}

/** DELETE /threads/:threadId: the thread's author or a moderator; its comments go with it. */
export function deleteThreadHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, {}, ({ auth, params }) => {
    const { thread, section, actor } = loadThreadForActor(db, auth.user, params.threadId!);
    authorize(mayDeleteThread(actor, section, thread), { message: 'Only the thread’s author or a moderator may delete it.' });
    threadDeleter(db, { thread, section, actorId: auth.user.id });
    broadcastThreadDeleted(ctx, { id: thread.id, sectionId: section.id, workspaceId: section.workspaceId });
    return undefined;
  });
}
