/**
 * The Tiptap editor bound to one co-editing session: the shared schema from
 * `editorExtensions()` plus Collaboration (the Y.Doc's `default` fragment, Yjs undo) and
 * CollaborationCaret (named, coloured carets from the awareness).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { COLLAB_FIELD, editorExtensions } from '@konvent/shared/editor-schema';
import type { CommentBridge } from '../comments/bridge';
import { CommentHighlights } from '../comments/CommentHighlights';
import { LinkDialog } from './LinkDialog';
import type { CaretUser } from './Presence';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Toolbar } from './Toolbar';
import { useEditorTranslation } from './i18n';
import type { CollabSession } from './useCollabSession';

/**
 * The caret label is decoration inside the editable text: hidden from assistive technology
 * so a screen reader never reads a co-author's name as part of the sentence (the presence
 * list names who is here).
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#5c5c5c';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

export interface EditorSurfaceProps {
  session: CollabSession;
  user: CaretUser;
  title: string;
  /** May type: the section is writable for this person and the connection was not refused. */
  editable: boolean;
  /** Show the toolbar (writers only; readers get the notice instead). */
  showToolbar: boolean;
  /** Rendered between toolbar row and text: status and presence. */
  meta: ReactNode;
  /** The section page's comment panel: highlights, and where the editor is. */
  comments?: CommentBridge;
}

export function EditorSurface({ session, user, title, editable, showToolbar, meta, comments }: EditorSurfaceProps) {
  const { t } = useEditorTranslation();
  const [linkOpen, setLinkOpen] = useState(false);

  const extensions = useMemo(
    () => [
      ...editorExtensions(),
      Collaboration.configure({ document: session.ydoc, field: COLLAB_FIELD }),
      CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
      CommentHighlights.configure({ bridge: comments ?? null }),
    ],
    [session, user, comments],
  );
  const editor = useEditor({
    extensions,
    editable,
    // The toolbar subscribes to what it needs with useEditorState; the page need not re-render per keystroke.
    shouldRerenderOnTransaction: false,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        class: 'konvent-editor__text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('textLabel', { title }),
        spellcheck: 'true',
        lang: 'de',
      },
      handleKeyDown: (_view, event) => {
        const mod = event.ctrlKey || event.metaKey;
        if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          if (_view.editable) setLinkOpen(true);
          return true;
        }
        if (event.altKey && event.key === 'F10') {
          // The usual way (TinyMCE, CKEditor, Google Docs) from the text to its toolbar.
          const root = _view.dom.closest('.konvent-editor');
          const target =
            root?.querySelector<HTMLElement>('[data-editor-toolbar] [data-toolbar-item][tabindex="0"]') ?? null;
          if (target) {
            event.preventDefault();
            target.focus();
            return true;
          }
        }
        return false;
      },
    },
  });

  useEffect(() => {
    if (!editor) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    if (!editor || !comments) return;
    comments.attach(editor);
    return () => comments.detach(editor);
  }, [editor, comments]);

  // The title can change while the section is open (renamed by a lead).
  useEffect(() => {
    editor?.view.dom.setAttribute('aria-label', t('textLabel', { title }));
  }, [editor, title, t]);

  if (!editor) return null;
  return (
    <>
      <div className="konvent-editor__bar">
        {showToolbar && (
          <Toolbar
            editor={editor}
            enabled={editable}
            onLink={() => setLinkOpen(true)}
            trailing={(props) => <ShortcutsHelp {...props} />}
          />
        )}
        <div className="konvent-editor__meta">{meta}</div>
      </div>
      <EditorContent editor={editor} className="konvent-editor__page" />
      {showToolbar && <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />}
    </>
  );
}
