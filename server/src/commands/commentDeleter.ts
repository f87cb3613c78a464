import { and, count, eq, isNull } from 'drizzle-orm';
import { comments, threads, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';

export interface CommentDeleterProps {
  comment: { id: string; authorId: string | null };
  thread: { id: string };
  section: { id: string; workspaceId: string; title: string };
  actorId: string;
}

/**
 * Deletes a comment (soft: it leaves lists and the search index). Deleting the first
 * comment removes only that comment: the replies and the anchor stay. When no comment is
 * left, the thread goes with it — an empty thread has nothing to show. Answers whether the
 * thread was deleted too.
 */
export function commentDeleter(db: Db, props: CommentDeleterProps): { threadDeleted: boolean } {
  return db.transaction((tx) => {
    const now = new Date();
    tx.update(comments).set({ deletedAt: now }).where(eq(comments.id, props.comment.id)).run();
    const left = tx
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.threadId, props.thread.id), isNull(comments.deletedAt)))
      .get()!.n;
    if (left === 0) tx.update(threads).set({ deletedAt: now }).where(eq(threads.id, props.thread.id)).run();
    recordAudit(tx, {
      workspaceId: props.section.workspaceId,
      actorId: props.actorId,
      action: 'comment.deleted',
      entityType: 'comment',
      entityId: props.comment.id,
      data: { sectionId: props.section.id, threadId: props.thread.id, title: props.section.title, authorId: props.comment.authorId },
    });
    return { threadDeleted: left === 0 };
  });
}
