import { comments, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';
import { notifyComment } from './notifier';

export interface CommentAdderProps {
  thread: { id: string };
  section: { id: string; workspaceId: string; title: string; assigneeId: string | null };
  actorId: string;
  /** Body with checked mentions (routes/threads/mentions.ts). */
  body: string;
  plainText: string;
  mentioned: string[];
}

/**
 * Adds a reply to a thread in one transaction, records `comment.created` and notifies the
 * mentioned people, the thread's participants and the section's assignee.
 */
export function commentAdder(db: Db, props: CommentAdderProps) {
  const { section, thread } = props;
  return db.transaction((tx) => {
    const comment = tx
      .insert(comments)
      .values({ threadId: thread.id, authorId: props.actorId, body: props.body, plainText: props.plainText, createdAt: new Date() })
      .returning()
      .get();
    recordAudit(tx, {
      workspaceId: section.workspaceId,
      actorId: props.actorId,
      action: 'comment.created',
      entityType: 'comment',
      entityId: comment.id,
      data: { sectionId: section.id, threadId: thread.id, title: section.title, newThread: false },
    });
    const notifications = notifyComment(tx, {
      workspaceId: section.workspaceId,
      sectionId: section.id,
      assigneeId: section.assigneeId,
      threadId: thread.id,
      commentId: comment.id,
      actorId: props.actorId,
      plainText: props.plainText,
      mentioned: props.mentioned,
      isReply: true,
    });
    return { comment, notifications };
  });
}
