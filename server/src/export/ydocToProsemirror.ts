/**
 * A section's Y.Doc as ProseMirror JSON of the shared schema, without a browser: y-prosemirror
 * reads the Tiptap Collaboration field into a model node.
 */
import type { Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { COLLAB_FIELD, editorSchema } from '@konvent/shared/editor-schema';
import type { PMNode } from './prosemirrorJson';

let schema: Schema | undefined;

export function ydocToProsemirror(ydoc: Y.Doc): PMNode {
  // Building the schema from the extension list takes milliseconds; do it once.
  const s = (schema ??= editorSchema());
  const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(COLLAB_FIELD), s);
  // An untouched section has an empty fragment; the schema wants at least one block, as
  // the editor shows it: one empty paragraph.
  const doc = root.childCount > 0 ? root : (s.topNodeType.createAndFill() ?? root);
  return doc.toJSON() as PMNode;
}
