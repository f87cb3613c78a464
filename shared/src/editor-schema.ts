/**
 * The document schema of a section, one list for the browser editor and the server
 * (content API, export, demo seeding): paragraphs, headings 2–4 (the section title is 1),
 * bold, italic, underline, strike, links, lists, blockquote, tables, hard breaks.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

export const headingLevels = [2, 3, 4] as const;

/** Options of the editor extensions; the client adds collaboration on top of these. */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...headingLevels] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      // Yjs has its own undo manager; the client's Collaboration extension provides it.
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      // Client-only view plugins; harmless on the server but not needed there.
      dropcursor: false,
      gapcursor: false,
      trailingNode: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

/** The ProseMirror schema built from the extension list (server side rendering, seeding). */
export function editorSchema(): Schema {
  return getSchema(editorExtensions());
}

export { COLLAB_FIELD } from './constants';
