import { comments, threads, type Db, type ThreadAnchor } from '@konvent/db';
import { recordAudit } from './auditRecorder';
import { notifyComment, type NotificationRow } from './notifier';

export interface ThreadCreatorProps {
  section: { id: string; workspaceId: string; title: string; assigneeId: string | null };
  actorId: string;
  anchor: ThreadAnchor | null;
  /** Body with checked mentions (routes/threads/mentions.ts). */
  body: string;
  plainText: string;
  mentioned: string[];
}

/**
 * Opens a thread with its first comment in one transaction, records `comment.created` for
 * the activity feed and notifies the mentioned people and the section's assignee.
 */
export function threadCreator(db: Db, props: ThreadCreatorProps) {
  const { section } = props;
  return db.transaction((tx) => {
    const now = new Date();
    const thread = tx
      .insert(threads)
      .values({
        workspaceId: section.workspaceId,
        sectionId: section.id,
        anchor: props.anchor,
        createdById: props.actorId,
        createdAt: now,
      })
      .returning()
      .get();
    const comment = tx
      .insert(comments)
      .values({ threadId: thread.id, authorId: props.actorId, body: props.body, plainText: props.plainText, createdAt: now })
      .returning()
      .get();
    recordAudit(tx, {
      workspaceId: section.workspaceId,
      actorId: props.actorId,
      action: 'comment.created',
      entityType: 'comment',
      entityId: comment.id,
      data: { sectionId: section.id, threadId: thread.id, title: section.title, newThread: true },
    });
    const notifications: NotificationRow[] = notifyComment(tx, {
      workspaceId: section.workspaceId,
      sectionId: section.id,
      assigneeId: section.assigneeId,
      threadId: thread.id,
      commentId: comment.id,
      actorId: props.actorId,
      plainText: props.plainText,
      mentioned: props.mentioned,
      isReply: false,
    });
    return { thread, comment, notifications };
  });
}
