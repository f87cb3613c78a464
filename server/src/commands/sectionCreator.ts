import { eq } from 'drizzle-orm';
import { sections, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';
import { sectionMover } from './sectionMover';

export interface SectionCreatorProps {
  workspaceId: string;
  actorId: string;
  title: string;
  topicId: string | null;
  /** Checked by the caller: a live section of the same workspace within the depth limit. */
  parentId: string | null;
  /** Index among the siblings (clamped); the end when undefined. */
  position: number | undefined;
}

/** Creates a section at its place in the outline. Returns it and the siblings that moved. */
export function sectionCreator(db: Db, props: SectionCreatorProps) {
  return db.transaction((tx) => {
    const created = tx
      .insert(sections)
      .values({
        workspaceId: props.workspaceId,
        title: props.title,
        topicId: props.topicId,
        parentId: props.parentId,
        // Out of the way until the mover gives it its place.
        position: Number.MAX_SAFE_INTEGER,
        createdById: props.actorId,
      })
      .returning()
      .get();
    const moved = sectionMover(tx, {
      workspaceId: props.workspaceId,
      sectionId: created.id,
      fromParentId: props.parentId,
      toParentId: props.parentId,
      position: props.position,
    }).filter((id) => id !== created.id);
    recordAudit(tx, {
      workspaceId: props.workspaceId,
      actorId: props.actorId,
      action: 'section.created',
      entityType: 'section',
      entityId: created.id,
      data: { title: created.title, topicId: created.topicId, parentId: created.parentId },
    });
    const section = tx.select().from(sections).where(eq(sections.id, created.id)).get()!;
    return { section, moved };
  });
}
