/** Single comments: the author edits, the author or a moderator deletes. */
import { Router } from 'express';
import { updateCommentSchema, type CommentJSON } from '@konvent/shared';
import { commentDeleter } from '../../commands/commentDeleter';
import { commentEditor } from '../../commands/commentEditor';
import type { AppContext } from '../../context';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { mayDeleteComment, mayEditComment } from '../../policies/comment';
import { publishNotifications } from '../notifications/publish';
import {
  broadcastCommentDeleted,
  broadcastCommentUpdated,
  broadcastThreadDeleted,
} from '../threads/broadcast';
import { loadCommentForActor, prepareThread } from '../threads/load';
import { checkMentions } from '../threads/mentions';

export function commentsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.patch(
    '/comments/:commentId',
    endpoint(ctx, { body: updateCommentSchema }, ({ auth, body, params }): CommentJSON => {
      const { comment, thread, section, actor } = loadCommentForActor(db, auth.user, params.commentId!);
      authorize(mayEditComment(actor, section, comment), { message: 'Only the author may edit a comment.' });
      const checked = checkMentions(db, section.workspaceId, body.body);
      const { notifications } = commentEditor(db, { comment, thread, section, actorId: auth.user.id, ...checked });
      const present = prepareThread(ctx, section, thread.id);
      broadcastCommentUpdated(ctx, section.workspaceId, present, comment.id);
      publishNotifications(ctx, notifications);
      return present(actor).comments.find((c) => c.id === comment.id)!;
    }),
  );

  router.delete(
    '/comments/:commentId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { comment, thread, section, actor } = loadCommentForActor(db, auth.user, params.commentId!);
      authorize(mayDeleteComment(actor, section, comment), { message: 'Only the author or a moderator may delete a comment.' });
      const { threadDeleted } = commentDeleter(db, { comment, thread, section, actorId: auth.user.id });
      const ids = { threadId: thread.id, sectionId: section.id, workspaceId: section.workspaceId };
      broadcastCommentDeleted(ctx, { id: comment.id, ...ids });
      if (threadDeleted) broadcastThreadDeleted(ctx, { id: thread.id, sectionId: section.id, workspaceId: section.workspaceId });
      return undefined;
    }),
  );

  return router;
}
