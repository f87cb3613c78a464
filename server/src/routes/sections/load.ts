/** Loading sections and the data their presenter needs; the outline's reading order. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { documents, sections, type Db } from '@konvent/db';
import { compareCodeUnits, docNames, type SectionJSON } from '@konvent/shared';
import type { UserRow } from '../../auth/sessions';
import { loadActor, type WorkspaceActor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { presentSection, type SectionDocumentInfo } from '../../presenters/section';

export type SectionRow = typeof sections.$inferSelect;

/** The section and the caller's actor in its workspace; 404 for non-members. */
export function loadSectionForActor(db: Db, user: UserRow, sectionId: string): { section: SectionRow; actor: WorkspaceActor } {
  const section = db.select().from(sections).where(eq(sections.id, sectionId)).get();
  const actor = section ? loadActor(db, user, section.workspaceId) : null;
  authorize(!!actor, { hide: 'Section' });
  return { section: section!, actor: actor! };
}

/** Word count and last edit from the co-edited documents; a section nobody wrote in has none. */
export function documentInfo(db: Db, sectionIds: string[]): Map<string, SectionDocumentInfo> {
  const out = new Map<string, SectionDocumentInfo>();
  const prefix = docNames.section('');
  for (let i = 0; i < sectionIds.length; i += 500) {
    const names = sectionIds.slice(i, i + 500).map((id) => docNames.section(id));
    const rows = db
      .select({
        name: documents.name,
        wordCount: documents.wordCount,
        lastEditedById: documents.lastEditedById,
        lastEditedAt: documents.lastEditedAt,
      })
      .from(documents)
      .where(inArray(documents.name, names))
      .all();
    for (const r of rows) out.set(r.name.slice(prefix.length), r);
  }
  return out;
}

export function presentSections(db: Db, rows: SectionRow[], actor: WorkspaceActor): SectionJSON[] {
  const docs = documentInfo(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentSection(r, docs.get(r.id), actor));
}

/** The sections of a workspace outside the trash. */
export function liveSections(db: Db, workspaceId: string): SectionRow[] {
  return db
    .select()
    .from(sections)
    .where(and(eq(sections.workspaceId, workspaceId), isNull(sections.deletedAt)))
    .all();
}

const bySiblingOrder = (a: SectionRow, b: SectionRow) =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || compareCodeUnits(a.id, b.id);

/**
 * Reading order: depth-first, each parent followed by its children by position. A section
 * whose parent is not among `rows` is read as a root, so nothing silently disappears.
 */
export function outlineOrder(rows: SectionRow[]): SectionRow[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, SectionRow[]>();
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  const out: SectionRow[] = [];
  const visit = (parentId: string | null) => {
    for (const child of (children.get(parentId) ?? []).sort(bySiblingOrder)) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return out;
}

/** Ids of every section below `rootId` in `rows`. */
export function descendantIds(rows: Pick<SectionRow, 'id' | 'parentId'>[], rootId: string): Set<string> {
  const out = new Set<string>();
  let frontier = [rootId];
  while (frontier.length) {
    const next: string[] = [];
    for (const r of rows) {
      if (r.parentId && frontier.includes(r.parentId) && !out.has(r.id)) {
        out.add(r.id);
        next.push(r.id);
      }
    }
    frontier = next;
  }
  return out;
}

/** Depth of a section (a root is 1), following parents within `rows`. */
export function depthOf(rows: Map<string, Pick<SectionRow, 'parentId'>>, id: string | null): number {
  let depth = 0;
  let current = id;
  while (current && depth <= 64) {
    depth += 1;
    current = rows.get(current)?.parentId ?? null;
  }
  return depth;
}

/** Levels below `rootId`, itself included (a leaf is 1). */
export function subtreeHeight(rows: Pick<SectionRow, 'id' | 'parentId'>[], rootId: string): number {
  let height = 1;
  const walk = (id: string, level: number) => {
    height = Math.max(height, level);
    for (const r of rows) if (r.parentId === id) walk(r.id, level + 1);
  };
  walk(rootId, 1);
  return height;
}
