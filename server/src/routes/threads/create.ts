import type { RequestHandler } from 'express';
import { createCommentSchema, createThreadSchema, type CommentJSON, type ThreadJSON } from '@konvent/shared';
import { isDecodableAnchor } from '../../comments/anchors';
import { commentAdder } from '../../commands/commentAdder';
import { threadCreator } from '../../commands/threadCreator';
import type { AppContext } from '../../context';
import { badRequest } from '../../errors';
import { endpoint } from '../../middlewares/endpoint';
import { publishNotifications } from '../notifications/publish';
import { loadSectionForActor } from '../sections/load';
import { broadcastCommentCreated } from './broadcast';
import { authorizeCommenting, ensureOpen } from './guards';
import { loadThreadForActor, prepareThread } from './load';
import { checkMentions } from './mentions';

/** POST /sections/:sectionId/threads { body, anchor? } → 201 with the thread. */
export function createThreadHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, { body: createThreadSchema, status: 201 }, ({ auth, body, params }): ThreadJSON => {
    const { section, actor } = loadSectionForActor(db, auth.user, params.sectionId!);
    authorizeCommenting(actor, section);
    if (body.anchor && !isDecodableAnchor(body.anchor)) {
      throw badRequest('Invalid anchor: from and to must be encoded Yjs relative positions.', {
        issues: [{ field: 'anchor', code: 'invalid_anchor', message: 'Not a Yjs relative position.' }],
      });
    }
    const checked = checkMentions(db, section.workspaceId, body.body);
    const { thread, comment, notifications } = threadCreator(db, {
      section,
      actorId: auth.user.id,
      anchor: body.anchor ?? null,
      ...checked,
    });
    const present = prepareThread(ctx, section, thread.id);
    broadcastCommentCreated(ctx, section.workspaceId, present, comment.id);
    publishNotifications(ctx, notifications);
    return present(actor);
  });
}

/** POST /threads/:threadId/comments { body } → 201 with the comment. */
export function replyHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, { body: createCommentSchema, status: 201 }, ({ auth, body, params }): CommentJSON => {
    const { thread, section, actor } = loadThreadForActor(db, auth.user, params.threadId!);
    authorizeCommenting(actor, section);
    ensureOpen(thread);
    const checked = checkMentions(db, section.workspaceId, body.body);
    const { comment, notifications } = commentAdder(db, { thread, section, actorId: auth.user.id, ...checked });
    const present = prepareThread(ctx, section, thread.id);
    broadcastCommentCreated(ctx, section.workspaceId, present, comment.id);
    publishNotifications(ctx, notifications);
    return present(actor).comments.find((c) => c.id === comment.id)!;
  });
}
