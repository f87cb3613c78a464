/**
 * Typed access to the commands of the shared schema's extensions (StarterKit, TableKit).
 * Those packages are dependencies of @konvent/shared, not of the client, so their type
 * augmentations of @tiptap/core are not visible here although the commands exist at run
 * time. This names exactly the commands the toolbar and link dialog use; once the client
 * depends on @tiptap/starter-kit and @tiptap/extension-table directly, it can go.
 */
import type { Content, Editor } from '@tiptap/core';

type Level = 2 | 3 | 4;

interface SchemaCommands<R> {
  focus(): R;
  setParagraph(): R;
  setHeading(attributes: { level: Level }): R;
  toggleHeading(attributes: { level: Level }): R;
  toggleMark(name: string): R;
  setLink(attributes: { href: string }): R;
  unsetLink(): R;
  extendMarkRange(type: string): R;
  insertContent(value: Content): R;
  toggleBulletList(): R;
  toggleOrderedList(): R;
  toggleBlockquote(): R;
  insertTable(options: { rows: number; cols: number; withHeaderRow: boolean }): R;
  addRowAfter(): R;
  addColumnAfter(): R;
  deleteRow(): R;
  deleteColumn(): R;
  deleteTable(): R;
  /** Yjs undo/redo from the Collaboration extension: only this person's own changes. */
  undo(): R;
  redo(): R;
}

export interface SchemaChain extends SchemaCommands<SchemaChain> {
  run(): boolean;
}

export type SchemaCan = SchemaCommands<boolean> & { chain(): SchemaChain };

export function chainOf(editor: Editor): SchemaChain {
  return editor.chain() as unknown as SchemaChain;
}

export function canOf(editor: Editor): SchemaCan {
  return editor.can() as unknown as SchemaCan;
}
