/**
 * What the comment panel and the editor share. The panel lives on the section page and
 * outlives editor sessions (a change of mode starts a new editor, a half-written comment must
 * survive it), so it cannot hold the editor itself: the editor attaches here when it exists.
 *
 * The bridge holds the threads to highlight and the active one; the highlight extension reads
 * them and reports back where each anchored passage is now (or that it is gone).
 */
import type { Editor } from '@tiptap/core';
import type { ThreadJSON } from '@konvent/shared';
import type { Passage } from './anchors';

type Listener = () => void;

interface PanelHandlers {
  activate: (threadId: string) => void;
  compose: () => void;
}

export interface BridgeSnapshot {
  editor: Editor | null;
  /**
   * Thread id → its passage when last reported, or null when the passage was deleted.
   * Anchored threads only. Positions may be stale by a few keystrokes: use `resolveAnchor`
   * to act on a passage.
   */
  passages: ReadonlyMap<string, Passage | null>;
}

export class CommentBridge {
  private listeners = new Set<Listener>();
  private snapshot: BridgeSnapshot = { editor: null, passages: new Map() };
  private signature = '';
  private handlers: PanelHandlers = { activate: () => undefined, compose: () => undefined };
  threads: ThreadJSON[] = [];
  activeId: string | null = null;

  /** The panel's answers to a click on a highlight and to the comment shortcut; returns the undo. */
  setHandlers(handlers: PanelHandlers): () => void {
    this.handlers = handlers;
    return () => {
      if (this.handlers === handlers) this.handlers = { activate: () => undefined, compose: () => undefined };
    };
  }

  onActivate(threadId: string): void {
    this.handlers.activate(threadId);
  }

  onCompose(): void {
    this.handlers.compose();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BridgeSnapshot => this.snapshot;

  private emit(next: Partial<BridgeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  attach(editor: Editor): void {
    this.signature = '';
    this.emit({ editor, passages: new Map() });
    this.refresh();
  }

  detach(editor: Editor): void {
    if (this.snapshot.editor === editor) this.emit({ editor: null, passages: new Map() });
  }

  setThreads(threads: ThreadJSON[], activeId: string | null): void {
    if (threads === this.threads && activeId === this.activeId) return;
    this.threads = threads;
    this.activeId = activeId;
    this.refresh();
  }

  /** Asks the highlight extension to resolve the anchors again (it answers with `report`). */
  refresh(): void {
    const editor = this.snapshot.editor;
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(refreshMeta, true));
  }

  /**
   * Called by the extension after resolving. The panel only needs the order of the passages
   * and which are gone, so typing that merely shifts positions re-renders nothing.
   */
  report(passages: Map<string, Passage | null>): void {
    const signature = signatureOf(passages);
    if (signature === this.signature) return;
    this.signature = signature;
    this.emit({ passages });
  }
}

function signatureOf(passages: Map<string, Passage | null>): string {
  const gone: string[] = [];
  const placed: Array<[string, number]> = [];
  for (const [id, p] of passages) {
    if (p) placed.push([id, p.from]);
    else gone.push(id);
  }
  placed.sort((a, b) => a[1] - b[1]);
  return `${placed.map(([id]) => id).join(',')}|${gone.sort().join(',')}`;
}

/** Transaction meta that makes the highlight extension resolve every anchor again. */
export const refreshMeta = 'konventCommentsRefresh';
