import { eq } from 'drizzle-orm';
import { threads, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';

export interface ThreadResolverProps {
  thread: { id: string };
  section: { id: string; workspaceId: string; title: string };
  actorId: string;
  resolved: boolean;
}

/** Resolves or reopens a thread and records `thread.resolved` / `thread.reopened`. */
export function threadResolver(db: Db, props: ThreadResolverProps): void {
  db.transaction((tx) => {
    tx.update(threads)
      .set(props.resolved ? { resolvedAt: new Date(), resolvedById: props.actorId } : { resolvedAt: null, resolvedById: null })
      .where(eq(threads.id, props.thread.id))
      .run();
    recordAudit(tx, {
      workspaceId: props.section.workspaceId,
      actorId: props.actorId,
      action: props.resolved ? 'thread.resolved' : 'thread.reopened',
      entityType: 'thread',
      entityId: props.thread.id,
      data: { sectionId: props.section.id, title: props.section.title },
    });
  });
}
