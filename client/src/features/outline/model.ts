/**
 * The outline as a tree, and the moves a person can make on it. The server stores
 * `parentId` + `position` (index among siblings); these helpers compute the target of a move
 * and apply it locally for an optimistic update that the server's answer then replaces.
 */
import type { SectionJSON } from '@konvent/shared';

export interface OutlineNode {
  id: string;
  section: SectionJSON;
  children: OutlineNode[];
  level: number;
}

export interface MoveTarget {
  parentId: string | null;
  position: number;
}

function siblingMap(sections: SectionJSON[]): Map<string | null, SectionJSON[]> {
  const ids = new Set(sections.map((s) => s.id));
  const map = new Map<string | null, SectionJSON[]>();
  for (const s of sections) {
    // A parent outside the list (in the trash) is read as the root, as the server does.
    const key = s.parentId && ids.has(s.parentId) ? s.parentId : null;
    const list = map.get(key) ?? [];
    list.push(s);
    map.set(key, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position);
  return map;
}

export function buildTree(sections: SectionJSON[]): OutlineNode[] {
  const map = siblingMap(sections);
  const build = (parentId: string | null, level: number): OutlineNode[] =>
    (map.get(parentId) ?? []).map((s) => ({ id: s.id, section: s, level, children: build(s.id, level + 1) }));
  return build(null, 1);
}

/** Depth-first reading order, as the server lists it. */
export function readingOrder(sections: SectionJSON[]): SectionJSON[] {
  const out: SectionJSON[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      out.push(n.section);
      walk(n.children);
    }
  };
  walk(buildTree(sections));
  return out;
}

export function siblingsOf(sections: SectionJSON[], parentId: string | null): SectionJSON[] {
  return siblingMap(sections).get(parentId) ?? [];
}

function effectiveParent(sections: SectionJSON[], s: SectionJSON): string | null {
  return s.parentId && sections.some((x) => x.id === s.parentId) ? s.parentId : null;
}

export function levelOf(sections: SectionJSON[], id: string): number {
  let level = 0;
  let current = sections.find((s) => s.id === id);
  while (current) {
    level += 1;
    const parentId = effectiveParent(sections, current);
    current = parentId ? sections.find((s) => s.id === parentId) : undefined;
  }
  return level;
}

/** How many levels the subtree under `id` has (a leaf has 1). */
function heightOf(sections: SectionJSON[], id: string): number {
  const children = sections.filter((s) => s.parentId === id);
  return 1 + Math.max(0, ...children.map((c) => heightOf(sections, c.id)));
}

export function isDescendant(sections: SectionJSON[], id: string, ancestorId: string): boolean {
  let current = sections.find((s) => s.id === id);
  while (current?.parentId) {
    if (current.parentId === ancestorId) return true;
    current = sections.find((s) => s.id === current!.parentId);
  }
  return false;
}

export type MoveKind = 'up' | 'down' | 'indent' | 'outdent';

/** Where a keyboard move would put the section, or null when it cannot go that way. */
export function keyboardMoveTarget(sections: SectionJSON[], id: string, kind: MoveKind, maxDepth: number): MoveTarget | null {
  const section = sections.find((s) => s.id === id);
  if (!section) return null;
  const parentId = effectiveParent(sections, section);
  const siblings = siblingsOf(sections, parentId);
  const index = siblings.findIndex((s) => s.id === id);
  switch (kind) {
    case 'up':
      return index > 0 ? { parentId, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId, position: index + 1 } : null;
    case 'indent': {
      const newParent = siblings[index - 1];
      if (!newParent) return null;
      if (levelOf(sections, newParent.id) + heightOf(sections, id) > maxDepth) return null;
      return { parentId: newParent.id, position: siblingsOf(sections, newParent.id).length };
    }
    case 'outdent': {
      if (!parentId) return null;
      const parent = sections.find((s) => s.id === parentId)!;
      const grand = effectiveParent(sections, parent);
      const parentIndex = siblingsOf(sections, grand).findIndex((s) => s.id === parentId);
      return { parentId: grand, position: parentIndex + 1 };
    }
  }
}

/**
 * Where a drop puts the dragged sections: `on` nests at the end of the target, `before` and
 * `after` place next to it. Positions are indexes in the new sibling list without the moved one.
 */
export function dropTarget(
  sections: SectionJSON[],
  movedId: string,
  targetId: string,
  dropPosition: 'before' | 'after' | 'on',
): MoveTarget | null {
  if (movedId === targetId || isDescendant(sections, targetId, movedId)) return null;
  const target = sections.find((s) => s.id === targetId);
  if (!target) return null;
  if (dropPosition === 'on') {
    return { parentId: target.id, position: siblingsOf(sections, target.id).filter((s) => s.id !== movedId).length };
  }
  const parentId = effectiveParent(sections, target);
  const siblings = siblingsOf(sections, parentId).filter((s) => s.id !== movedId);
  const index = siblings.findIndex((s) => s.id === targetId);
  return { parentId, position: dropPosition === 'before' ? index : index + 1 };
}

/** The outline after moving `id` to `target`, positions renumbered, in reading order. */
export function applyMove(sections: SectionJSON[], id: string, target: MoveTarget): SectionJSON[] {
  const moved = sections.find((s) => s.id === id);
  if (!moved) return sections;
  const oldParent = effectiveParent(sections, moved);
  const rest = sections.filter((s) => s.id !== id);
  const newSiblings = siblingsOf(rest, target.parentId);
  newSiblings.splice(Math.min(target.position, newSiblings.length), 0, { ...moved, parentId: target.parentId });
  const positions = new Map<string, { parentId: string | null; position: number }>();
  newSiblings.forEach((s, i) => positions.set(s.id, { parentId: target.parentId, position: i }));
  if (oldParent !== target.parentId) {
    siblingsOf(rest, oldParent).forEach((s, i) => positions.set(s.id, { parentId: oldParent, position: i }));
  }
  const next = sections.map((s) => {
    const p = positions.get(s.id);
    return p ? { ...s, parentId: p.parentId, position: p.position } : s;
  });
  return readingOrder(next);
}

/**
 * The ids to show when only some sections match a filter: the matches and all their
 * ancestors, so a match keeps its place in the outline.
 */
export function visibleWithAncestors(sections: SectionJSON[], matches: (s: SectionJSON) => boolean): Set<string> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const visible = new Set<string>();
  for (const s of sections) {
    if (!matches(s)) continue;
    let current: SectionJSON | undefined = s;
    while (current && !visible.has(current.id)) {
      visible.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return visible;
}

/** Prunes a tree to the visible ids (keeps the nodes' levels). */
export function pruneTree(nodes: OutlineNode[], visible: Set<string>): OutlineNode[] {
  return nodes.filter((n) => visible.has(n.id)).map((n) => ({ ...n, children: pruneTree(n.children, visible) }));
}
