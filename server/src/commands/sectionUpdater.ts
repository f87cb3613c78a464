import { eq } from 'drizzle-orm';
import { sections, type Db } from '@konvent/db';
import type { SectionStatus } from '@konvent/shared';
import { recordAudit } from './auditRecorder';
import { notifyAssignment, notifyStatusChange, type NotificationRow } from './notifier';
import { sectionMover } from './sectionMover';

type SectionRow = typeof sections.$inferSelect;

export interface SectionUpdaterProps {
  section: SectionRow;
  actorId: string;
  /** Only the fields that change, each checked by the caller against the policies. */
  changes: {
    title?: string;
    status?: SectionStatus;
    topicId?: string | null;
    assigneeId?: string | null;
    dueDate?: string | null;
    /** A move: the new parent (may equal the old one) and index among its children. */
    move?: { parentId: string | null; position: number | undefined };
  };
}

/**
 * Applies a section update in one transaction with one audit entry per kind of change
 * (`section.renamed`, `section.moved`, `section.status_changed`, ...) and the notifications
 * of a new assignee and of a status change. Returns the section, the ids of other sections
 * whose position changed and the notifications to publish after the commit.
 */
export function sectionUpdater(db: Db, props: SectionUpdaterProps) {
  const { section, changes } = props;
  return db.transaction((tx) => {
    const audit = (action: string, data: Record<string, unknown>) =>
      recordAudit(tx, {
        workspaceId: section.workspaceId,
        actorId: props.actorId,
        action,
        entityType: 'section',
        entityId: section.id,
        data,
      });
    const set: Partial<typeof sections.$inferInsert> = {};
    if (changes.title !== undefined) {
      set.title = changes.title;
      audit('section.renamed', { from: section.title, to: changes.title });
    }
    if (changes.status !== undefined) {
      set.status = changes.status;
      audit('section.status_changed', { from: section.status, to: changes.status, title: section.title });
    }
    if (changes.topicId !== undefined) {
      set.topicId = changes.topicId;
      audit('section.topic_changed', { from: section.topicId, to: changes.topicId });
    }
    if (changes.assigneeId !== undefined) {
      set.assigneeId = changes.assigneeId;
      audit('section.assigned', { from: section.assigneeId, to: changes.assigneeId, title: section.title });
    }
    if (changes.dueDate !== undefined) {
      set.dueDate = changes.dueDate;
      audit('section.due_changed', { from: section.dueDate, to: changes.dueDate });
    }
    // updatedAt moves with every change, including a pure move.
    tx.update(sections).set({ ...set, updatedAt: new Date() }).where(eq(sections.id, section.id)).run();
    let moved: string[] = [];
    if (changes.move) {
      moved = sectionMover(tx, {
        workspaceId: section.workspaceId,
        sectionId: section.id,
        fromParentId: section.parentId,
        toParentId: changes.move.parentId,
        position: changes.move.position,
      });
      const after = tx.select({ position: sections.position }).from(sections).where(eq(sections.id, section.id)).get()!;
      if (moved.includes(section.id)) {
        audit('section.moved', {
          fromParentId: section.parentId,
          toParentId: changes.move.parentId,
          fromPosition: section.position,
          toPosition: after.position,
        });
      }
    }
    const updated = tx.select().from(sections).where(eq(sections.id, section.id)).get()!;
    const notifications: NotificationRow[] = [];
    if (changes.assigneeId !== undefined) {
      notifications.push(...notifyAssignment(tx, { section: updated, assigneeId: changes.assigneeId, actorId: props.actorId }));
    }
    if (changes.status !== undefined) {
      notifications.push(
        ...notifyStatusChange(tx, { section: updated, from: section.status, to: changes.status, actorId: props.actorId }),
      );
    }
    return { section: updated, moved: moved.filter((id) => id !== section.id), notifications };
  });
}
