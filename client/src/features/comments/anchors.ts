/**
 * A thread's anchor in the co-edited text: two Yjs relative positions (base64), which follow
 * the passage while people type around it, and the quoted text at the time of commenting.
 * The positions come from the editor's y-prosemirror binding, so they name Yjs items, not
 * character offsets (docs/comments-notifications-search.md, "Anchor").
 */
import type { Editor } from '@tiptap/core';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { commentLimits, type ThreadAnchorJSON } from '@konvent/shared';

/** A passage in the editor's current document, ProseMirror positions [from, to). */
export interface Passage {
  from: number;
  to: number;
}

interface SyncState {
  type: Y.XmlFragment;
  doc: Y.Doc;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as Partial<SyncState> | undefined;
  if (!state?.type || !state.binding) return null;
  return state as SyncState;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The text of a passage as a comment quotes it: whitespace folded, cut to the server's limit. */
function quoteOf(editor: Editor, passage: Passage): string {
  const text = editor.state.doc.textBetween(passage.from, passage.to, ' ', ' ').replace(/\s+/g, ' ').trim();
  return text.length > commentLimits.quoteMax ? `${text.slice(0, commentLimits.quoteMax - 1)}…` : text;
}

/** The anchor of the current selection, or null when nothing (or only whitespace) is selected. */
export function anchorFromSelection(editor: Editor): ThreadAnchorJSON | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const sync = syncState(editor);
  if (!sync?.binding) return null;
  const quote = quoteOf(editor, { from, to });
  if (!quote) return null;
  const relFrom = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping as never);
  const relTo = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping as never);
  return {
    from: toBase64(Y.encodeRelativePosition(relFrom as Y.RelativePosition)),
    to: toBase64(Y.encodeRelativePosition(relTo as Y.RelativePosition)),
    quote,
  };
}

/**
 * Where an anchor is now, or null when its passage was deleted (a position no longer
 * resolves, or both resolve to the same place) or the editor is not bound to Yjs yet.
 */
export function resolveAnchor(editor: Editor, anchor: ThreadAnchorJSON): Passage | null {
  const sync = syncState(editor);
  if (!sync?.binding) return null;
  const size = editor.state.doc.content.size;
  const resolve = (encoded: string): number | null => {
    const bytes = fromBase64(encoded);
    if (!bytes) return null;
    try {
      const rel = Y.decodeRelativePosition(bytes);
      return relativePositionToAbsolutePosition(sync.doc, sync.type, rel, sync.binding!.mapping as never);
    } catch {
      return null;
    }
  };
  const from = resolve(anchor.from);
  const to = resolve(anchor.to);
  if (from === null || to === null || from >= to || to > size) return null;
  return { from, to };
}
