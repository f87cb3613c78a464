import { and, eq, isNull } from 'drizzle-orm';
import { comments, threads, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';

export interface ThreadDeleterProps {
  thread: { id: string; createdById: string | null };
  section: { id: string; workspaceId: string; title: string };
  actorId: string;
}

/** Deletes a thread with its comments (soft, so they also leave the search index). */
export function threadDeleter(db: Db, props: ThreadDeleterProps): void {
  db.transaction((tx) => {
    const now = new Date();
    tx.update(threads).set({ deletedAt: now }).where(eq(threads.id, props.thread.id)).run();
    tx.update(comments)
      .set({ deletedAt: now })
      .where(and(eq(comments.threadId, props.thread.id), isNull(comments.deletedAt)))
      .run();
    recordAudit(tx, {
      workspaceId: props.section.workspaceId,
      actorId: props.actorId,
      action: 'thread.deleted',
      entityType: 'thread',
      entityId: props.thread.id,
      data: { sectionId: props.section.id, title: props.section.title, createdById: props.thread.createdById },
    });
  });
}
