import { and, asc, eq, isNull } from 'drizzle-orm';
import { sections, type Db } from '@konvent/db';
import { placeAt, positionChanges } from './positions';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The live (not trashed) children of `parentId` in a workspace, in order. */
export function liveSiblings(tx: Pick<Db, 'select'>, workspaceId: string, parentId: string | null) {
  return tx
    .select({ id: sections.id, position: sections.position })
    .from(sections)
    .where(
      and(
        eq(sections.workspaceId, workspaceId),
        parentId ? eq(sections.parentId, parentId) : isNull(sections.parentId),
        isNull(sections.deletedAt),
      ),
    )
    .orderBy(asc(sections.position), asc(sections.createdAt))
    .all();
}

/** Writes positions 0..n-1 for `order`; returns the ids whose position changed. */
export function writeSiblingOrder(tx: Tx, order: string[], current: Map<string, number>): string[] {
  const changes = positionChanges(order, current);
  for (const { id, position } of changes) tx.update(sections).set({ position }).where(eq(sections.id, id)).run();
  return changes.map((c) => c.id);
}

/** Closes the gap a section leaves among its old siblings (trash, move). */
export function closeGap(tx: Tx, workspaceId: string, parentId: string | null, leavingId: string): string[] {
  const siblings = liveSiblings(tx, workspaceId, parentId).filter((s) => s.id !== leavingId);
  return writeSiblingOrder(
    tx,
    siblings.map((s) => s.id),
    new Map(siblings.map((s) => [s.id, s.position])),
  );
}

export interface SectionMoverProps {
  workspaceId: string;
  sectionId: string;
  /** Where the section is now (before the move). */
  fromParentId: string | null;
  toParentId: string | null;
  /** Index among the new siblings; clamped; the end when undefined. */
  position: number | undefined;
}

/**
 * Moves a section (its subtree follows through parentId) inside the caller's transaction,
 * keeping positions dense on both the old and the new parent. The caller has checked that
 * the new parent is valid (same workspace, live, not the section or below it, depth).
 * Returns the ids of every section whose parent or position changed.
 */
export function sectionMover(tx: Tx, props: SectionMoverProps): string[] {
  const changed = new Set<string>();
  if (props.fromParentId !== props.toParentId) {
    for (const id of closeGap(tx, props.workspaceId, props.fromParentId, props.sectionId)) changed.add(id);
    tx.update(sections).set({ parentId: props.toParentId }).where(eq(sections.id, props.sectionId)).run();
    changed.add(props.sectionId);
  }
  const siblings = liveSiblings(tx, props.workspaceId, props.toParentId);
  const current = new Map(siblings.map((s) => [s.id, s.position]));
  const order = placeAt(
    siblings.map((s) => s.id),
    props.sectionId,
    props.position,
  );
  // A section arriving from elsewhere has no valid position on this parent yet.
  if (props.fromParentId !== props.toParentId) current.set(props.sectionId, -1);
  for (const id of writeSiblingOrder(tx, order, current)) changed.add(id);
  return [...changed];
}
