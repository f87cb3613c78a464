import type { SectionJSON } from '@konvent/shared';
import type { sections } from '@konvent/db';
import type { WorkspaceActor } from '../policies/actor';
import { sectionAbilities } from '../policies/section';

/** Derived from the section's co-edited document; absent until someone has written in it. */
export interface SectionDocumentInfo {
  wordCount: number;
  lastEditedById: string | null;
  lastEditedAt: Date | null;
}

export const emptyDocumentInfo: SectionDocumentInfo = { wordCount: 0, lastEditedById: null, lastEditedAt: null };

export function presentSection(
  row: typeof sections.$inferSelect,
  doc: SectionDocumentInfo | undefined,
  actor: WorkspaceActor,
): SectionJSON {
  const info = doc ?? emptyDocumentInfo;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    topicId: row.topicId,
    parentId: row.parentId,
    position: row.position,
    status: row.status,
    assigneeId: row.assigneeId,
    dueDate: row.dueDate,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    wordCount: info.wordCount,
    lastEditedById: info.lastEditedById,
    lastEditedAt: info.lastEditedAt?.toISOString() ?? null,
    abilities: sectionAbilities(actor, row),
  };
}
