/**
 * Highlights the passages that open threads are anchored to, as ProseMirror decorations (no
 * mark in the shared document: highlights are per viewer and never travel through Yjs).
 *
 * Between two resolutions the decorations are mapped through each transaction, so local
 * typing moves them at once. After any change of the document (local, or a remote update
 * that y-prosemirror applies as a whole-document replace) the anchors are resolved again from
 * their Yjs relative positions, once the sync plugin has brought its mapping up to date.
 * Clicking a highlight activates its thread; Ctrl+Alt+M starts a comment on the selection.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { resolveAnchor, type Passage } from './anchors';
import { refreshMeta, type CommentBridge } from './bridge';

const key = new PluginKey<DecorationSet>('konventCommentHighlights');

/** Listed in the editor's shortcut help as `comment` (Mod+Alt+M). */
const commentShortcut = 'Mod-Alt-m';

export const CommentHighlights = Extension.create<{ bridge: CommentBridge | null }>({
  name: 'commentHighlights',

  addOptions() {
    return { bridge: null };
  },

  addKeyboardShortcuts() {
    return {
      [commentShortcut]: () => {
        this.options.bridge?.onCompose();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const bridge = this.options.bridge;
    if (!bridge) return [];
    const editor = this.editor;

    const build = (doc: Parameters<typeof DecorationSet.create>[0]): DecorationSet => {
      const passages = new Map<string, Passage | null>();
      const decorations: Decoration[] = [];
      for (const thread of bridge.threads) {
        if (!thread.anchor) continue;
        const passage = resolveAnchor(editor, thread.anchor);
        passages.set(thread.id, passage);
        if (!passage || thread.resolved) continue;
        const active = thread.id === bridge.activeId;
        decorations.push(
          Decoration.inline(
            passage.from,
            passage.to,
            {
              class: active ? 'k-comment-mark k-comment-mark--active' : 'k-comment-mark',
              'data-thread-id': thread.id,
            },
            { threadId: thread.id },
          ),
        );
      }
      // Reported after this transaction is applied: the panel may re-render, the editor must not wait for it.
      queueMicrotask(() => bridge.report(passages));
      return DecorationSet.create(doc, decorations);
    };

    let pending = false;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set, _old, state) => {
            if (tr.getMeta(refreshMeta)) return build(state.doc);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        view: () => ({
          update: (view, prev) => {
            if (view.state.doc === prev.doc || pending) return;
            // The sync plugin writes local changes to Yjs (and updates its mapping) in its own
            // view update, which may come after this one: resolve once every plugin is done.
            pending = true;
            queueMicrotask(() => {
              pending = false;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(refreshMeta, true).setMeta('addToHistory', false));
            });
          },
        }),
        props: {
          decorations: (state) => key.getState(state),
          handleClick: (view, pos) => {
            const found = key.getState(view.state)?.find(pos, pos) ?? [];
            const hit = found.find((d) => typeof (d.spec as { threadId?: unknown }).threadId === 'string');
            if (hit) bridge.onActivate((hit.spec as { threadId: string }).threadId);
            return false;
          },
        },
      }),
    ];
  },
});
