import { and, eq, inArray, isNull } from 'drizzle-orm';
import { sections, type Db } from '@konvent/db';
import { recordAudit } from './auditRecorder';
import { closeGap, liveSiblings, writeSiblingOrder } from './sectionMover';

type SectionRow = typeof sections.$inferSelect;

export interface SectionTrasherProps {
  section: SectionRow;
  /** Live sections below it; they go to the trash with it. */
  descendantIds: string[];
  actorId: string;
}

/**
 * Moves a section and its subtree to the trash with one shared timestamp (which is how a
 * restore finds what went together), and closes the gap among its siblings.
 */
export function sectionTrasher(db: Db, props: SectionTrasherProps) {
  const { section } = props;
  return db.transaction((tx) => {
    const now = new Date();
    const ids = [section.id, ...props.descendantIds];
    tx.update(sections)
      .set({ deletedAt: now })
      .where(and(inArray(sections.id, ids), isNull(sections.deletedAt)))
      .run();
    const moved = closeGap(tx, section.workspaceId, section.parentId, section.id);
    recordAudit(tx, {
      workspaceId: section.workspaceId,
      actorId: props.actorId,
      action: 'section.deleted',
      entityType: 'section',
      entityId: section.id,
      data: { title: section.title, descendants: props.descendantIds.length },
    });
    return { trashed: ids, moved };
  });
}

export interface SectionRestorerProps {
  section: SectionRow;
  /** The parent to return under (the old one when it is live and deep enough), or null. */
  parentId: string | null;
  /** Trashed sections below it that went to the trash together with it. */
  descendantIds: string[];
  actorId: string;
}

/** Brings a section and what was trashed with it back, at the end of `parentId`'s children. */
export function sectionRestorer(db: Db, props: SectionRestorerProps) {
  const { section } = props;
  return db.transaction((tx) => {
    const siblings = liveSiblings(tx, section.workspaceId, props.parentId);
    tx.update(sections)
      .set({ deletedAt: null, parentId: props.parentId, position: siblings.length, updatedAt: new Date() })
      .where(eq(sections.id, section.id))
      .run();
    if (props.descendantIds.length) {
      tx.update(sections).set({ deletedAt: null }).where(inArray(sections.id, props.descendantIds)).run();
    }
    // The restored subtree may meet siblings that were reordered meanwhile: densify each level.
    const moved = writeSiblingOrder(
      tx,
      [...siblings.map((s) => s.id), section.id],
      new Map([...siblings.map((s) => [s.id, s.position] as const), [section.id, siblings.length]]),
    );
    for (const parentId of [section.id, ...props.descendantIds]) {
      const children = liveSiblings(tx, section.workspaceId, parentId);
      moved.push(
        ...writeSiblingOrder(
          tx,
          children.map((c) => c.id),
          new Map(children.map((c) => [c.id, c.position])),
        ),
      );
    }
    recordAudit(tx, {
      workspaceId: section.workspaceId,
      actorId: props.actorId,
      action: 'section.restored',
      entityType: 'section',
      entityId: section.id,
      data: { title: section.title, parentId: props.parentId, descendants: props.descendantIds.length },
    });
    return { restored: [section.id, ...props.descendantIds], moved };
  });
}
