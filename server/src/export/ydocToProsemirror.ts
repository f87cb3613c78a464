/**
 * A section's Y.Doc as ProseMirror JSON of the shared schema, read straight from the Yjs
 * XML tree that y-prosemirror writes: an element per node (name = node type, attributes =
 * attrs), a text per run of inline content whose formatting attributes are the marks.
 *
 * It does not build the Tiptap schema, so the co-editing server can derive plain text and
 * serve content without loading Tiptap and ProseMirror (a large share of its memory).
 * tests/integration/ydoc-json.test.ts checks it against y-prosemirror's own conversion.
 */
import * as Y from 'yjs';
import { COLLAB_FIELD } from '@konvent/shared';
import type { PMMark, PMNode } from './prosemirrorJson';

/** The schema's mark order (ProseMirror sorts marks by rank); unknown marks go last. */
const markRank = ['link', 'bold', 'italic', 'strike', 'underline'];
const rank = (m: PMMark) => {
  const i = markRank.indexOf(m.type);
  return i === -1 ? markRank.length : i;
};

function marksOf(attributes: Record<string, unknown> | undefined): PMMark[] | undefined {
  if (!attributes) return undefined;
  const marks: PMMark[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null) continue;
    // y-prosemirror suffixes marks that may overlap with `--<hash>`.
    const type = key.split('--')[0]!;
    // Null attributes carry nothing (the schema's default); leave them out as for nodes.
    const attrs =
      typeof value === 'object' ? Object.fromEntries(Object.entries(value as object).filter(([, v]) => v != null)) : {};
    marks.push(Object.keys(attrs).length ? { type, attrs } : { type });
  }
  return marks.length ? marks.sort((a, b) => rank(a) - rank(b)) : undefined;
}

function textNodes(text: Y.XmlText): PMNode[] {
  const out: PMNode[] = [];
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const marks = marksOf(op.attributes);
    out.push(marks ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
  }
  return out;
}

function children(parent: Y.XmlFragment | Y.XmlElement): PMNode[] {
  const out: PMNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) out.push(element(child));
  }
  return out;
}

function element(el: Y.XmlElement): PMNode {
  const node: PMNode = { type: el.nodeName };
  const attrs = Object.fromEntries(Object.entries(el.getAttributes()).filter(([, v]) => v !== undefined));
  if (Object.keys(attrs).length) node.attrs = attrs;
  const content = children(el);
  if (content.length) node.content = content;
  return node;
}

export function ydocToProsemirror(ydoc: Y.Doc): PMNode {
  const content = children(ydoc.getXmlFragment(COLLAB_FIELD));
  // An untouched section has an empty fragment; the editor shows it as one empty paragraph.
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
