/**
 * Whether a thread's anchored passage still exists. An anchor holds two Yjs relative
 * positions (computed by the client with y-prosemirror's absolutePositionToRelativePosition);
 * they follow the text as people type around them. The passage is gone ("detached") when a
 * position no longer resolves in the section's document or both resolve to the same place,
 * i.e. everything between them was deleted. Detached threads stay listed.
 */
import * as Y from 'yjs';
import { COLLAB_FIELD, docNames } from '@konvent/shared';
import type { Db, ThreadAnchor } from '@konvent/db';
import type { AppContext } from '../context';

/**
 * A relative position as the client encoded it, or null when it is not one. A position by
 * root name is accepted only for the editor's field: resolving another name would create
 * that root type in the document.
 */
function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    const rpos = Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
    if (rpos.tname !== null) return rpos.tname === COLLAB_FIELD ? rpos : null;
    return rpos.item || rpos.type ? rpos : null;
  } catch {
    return null;
  }
}

/** Whether both positions of an anchor decode; checked before a thread is stored. */
export function isDecodableAnchor(anchor: Pick<ThreadAnchor, 'from' | 'to'>): boolean {
  return decodePosition(anchor.from) !== null && decodePosition(anchor.to) !== null;
}

/**
 * The section's document as stored (snapshot plus the log after it), or the live one when
 * the co-editing server has it in memory with edits not yet flushed. Only read, never written.
 */
function sectionDocument(ctx: AppContext, sectionId: string): { doc: Y.Doc; owned: boolean } {
  const name = docNames.section(sectionId);
  const live = ctx.collab.liveDocument(name);
  if (live) return { doc: live, owned: false };
  return { doc: loadStored(ctx.db, name), owned: true };
}

function loadStored(db: Db, name: string): Y.Doc {
  const sqlite = db.$client;
  const row = sqlite
    .prepare('SELECT snapshot, compacted_through AS through FROM documents WHERE name = ?')
    .get(name) as { snapshot: Buffer | null; through: number } | undefined;
  const log = sqlite
    .prepare('SELECT "update" AS u FROM document_updates WHERE document_name = ? AND id > ? ORDER BY id')
    .all(name, row?.through ?? 0) as { u: Buffer }[];
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (row?.snapshot && row.snapshot.byteLength > 0) Y.applyUpdate(doc, row.snapshot);
    for (const entry of log) Y.applyUpdate(doc, entry.u);
  });
  return doc;
}

/** Document-order positions of every live type: where its content starts and ends, and where each child begins. */
interface Layout {
  contentStart: Map<object, number>;
  contentEnd: Map<object, number>;
  childStarts: Map<object, number[]>;
}

/** Walks the fragment like ProseMirror counts: an element is 1 + content + 1, text its length. */
function layoutOf(fragment: Y.XmlFragment): Layout {
  const layout: Layout = { contentStart: new Map(), contentEnd: new Map(), childStarts: new Map() };
  let pos = 0;
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    layout.contentStart.set(type, pos);
    const starts: number[] = [];
    for (const child of type.toArray()) {
      starts.push(pos);
      if (child instanceof Y.XmlText) {
        layout.contentStart.set(child, pos);
        pos += child.length;
        layout.contentEnd.set(child, pos);
      } else if (child instanceof Y.XmlElement) {
        pos += 1;
        visit(child);
        pos += 1;
      }
    }
    layout.childStarts.set(type, starts);
    layout.contentEnd.set(type, pos);
  };
  visit(fragment);
  return layout;
}

function resolve(doc: Y.Doc, layout: Layout, encoded: string): number | null {
  const rpos = decodePosition(encoded);
  const abs = rpos ? Y.createAbsolutePositionFromRelativePosition(rpos, doc) : null;
  if (!abs) return null;
  const type: object = abs.type;
  const start = layout.contentStart.get(type);
  // A type that is not in the walk was deleted (or sits outside the editor's fragment).
  if (start === undefined) return null;
  if (type instanceof Y.XmlText) return start + abs.index;
  const starts = layout.childStarts.get(type) ?? [];
  return abs.index < starts.length ? starts[abs.index]! : layout.contentEnd.get(type)!;
}

/** Ids of the threads (of one section) whose anchored passage no longer exists. */
export function detachedThreadIds(
  ctx: AppContext,
  sectionId: string,
  threads: { id: string; anchor: ThreadAnchor | null }[],
): Set<string> {
  const anchored = threads.filter((t) => t.anchor);
  const out = new Set<string>();
  if (!anchored.length) return out;
  const { doc, owned } = sectionDocument(ctx, sectionId);
  try {
    const layout = layoutOf(doc.getXmlFragment(COLLAB_FIELD));
    for (const t of anchored) {
      const from = resolve(doc, layout, t.anchor!.from);
      const to = resolve(doc, layout, t.anchor!.to);
      if (from === null || to === null || to <= from) out.add(t.id);
    }
  } finally {
    if (owned) doc.destroy();
  }
  return out;
}
