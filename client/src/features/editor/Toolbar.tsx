/**
 * The formatting toolbar: one tab stop (roving tabindex, arrow keys, Home/End), every
 * button labelled with its keyboard shortcut, toggles with aria-pressed. Buttons that do not
 * apply at the cursor stay focusable with aria-disabled, so keyboard users do not lose
 * their place when the set of possible actions changes as they move through the text.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { TFunction } from 'i18next';
import { canOf, chainOf } from './commands';
import { useEditorTranslation } from './i18n';
import { ariaShortcut, shortcutKeys, shortcutLabel, type ShortcutName } from './shortcuts';

interface Tool {
  id: string;
  label: string;
  glyph: ReactNode;
  shortcut?: ShortcutName;
  /** Toggle buttons get aria-pressed. */
  toggle?: boolean;
  /** Starts a new visual group. */
  group?: boolean;
  isActive?: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

function buildTools(t: TFunction, onLink: () => void): Tool[] {
  const chain = (editor: Editor) => chainOf(editor).focus();
  const heading = (level: 2 | 3 | 4): Tool => ({
    id: `heading${level}`,
    label: t('tools.heading', { level }),
    glyph: `Ü${level}`,
    shortcut: `heading${level}`,
    toggle: true,
    isActive: (e) => e.isActive('heading', { level }),
    canRun: (e) => e.isActive('heading', { level }) || canOf(e).setHeading({ level }),
    run: (e) => chain(e).setHeading({ level }).run(),
  });
  const mark = (id: 'bold' | 'italic' | 'underline' | 'strike', glyph: ReactNode, group = false): Tool => ({
    id,
    label: t(`tools.${id}`),
    glyph,
    shortcut: id,
    toggle: true,
    group,
    isActive: (e) => e.isActive(id),
    canRun: (e) => canOf(e).toggleMark(id),
    run: (e) => chain(e).toggleMark(id).run(),
  });
  const inTable = (e: Editor) => e.isActive('table');
  return [
    {
      id: 'paragraph',
      label: t('tools.paragraph'),
      glyph: '¶',
      shortcut: 'paragraph',
      toggle: true,
      isActive: (e) => e.isActive('paragraph'),
      canRun: (e) => e.isActive('paragraph') || canOf(e).setParagraph(),
      run: (e) => chain(e).setParagraph().run(),
    },
    heading(2),
    heading(3),
    heading(4),
    mark('bold', <b>F</b>, true),
    mark('italic', <i>K</i>),
    mark('underline', <u>U</u>),
    mark('strike', <s>S</s>),
    {
      id: 'link',
      label: t('tools.link'),
      glyph: (
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
          <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
        </svg>
      ),
      shortcut: 'link',
      toggle: true,
      isActive: (e) => e.isActive('link'),
      canRun: (e) => e.isActive('link') || !e.state.selection.empty || canOf(e).setLink({ href: 'https://example.org' }),
      run: () => onLink(),
    },
    {
      id: 'bulletList',
      label: t('tools.bulletList'),
      glyph: '•≡',
      shortcut: 'bulletList',
      toggle: true,
      group: true,
      isActive: (e) => e.isActive('bulletList'),
      canRun: (e) => canOf(e).toggleBulletList(),
      run: (e) => chain(e).toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: t('tools.orderedList'),
      glyph: '1.≡',
      shortcut: 'orderedList',
      toggle: true,
      isActive: (e) => e.isActive('orderedList'),
      canRun: (e) => canOf(e).toggleOrderedList(),
      run: (e) => chain(e).toggleOrderedList().run(),
    },
    {
      id: 'blockquote',
      label: t('tools.blockquote'),
      glyph: '❝',
      shortcut: 'blockquote',
      toggle: true,
      isActive: (e) => e.isActive('blockquote'),
      canRun: (e) => canOf(e).toggleBlockquote(),
      run: (e) => chain(e).toggleBlockquote().run(),
    },
    {
      id: 'insertTable',
      label: t('tools.insertTable'),
      glyph: '▦',
      group: true,
      canRun: (e) => !inTable(e) && canOf(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    {
      id: 'addRow',
      label: t('tools.addRow'),
      glyph: '+▭',
      canRun: (e) => inTable(e) && canOf(e).addRowAfter(),
      run: (e) => chain(e).addRowAfter().run(),
    },
    {
      id: 'addColumn',
      label: t('tools.addColumn'),
      glyph: '+▯',
      canRun: (e) => inTable(e) && canOf(e).addColumnAfter(),
      run: (e) => chain(e).addColumnAfter().run(),
    },
    {
      id: 'deleteRow',
      label: t('tools.deleteRow'),
      glyph: '−▭',
      canRun: (e) => inTable(e) && canOf(e).deleteRow(),
      run: (e) => chain(e).deleteRow().run(),
    },
    {
      id: 'deleteColumn',
      label: t('tools.deleteColumn'),
      glyph: '−▯',
      canRun: (e) => inTable(e) && canOf(e).deleteColumn(),
      run: (e) => chain(e).deleteColumn().run(),
    },
    {
      id: 'deleteTable',
      label: t('tools.deleteTable'),
      glyph: '✕▦',
      canRun: (e) => inTable(e) && canOf(e).deleteTable(),
      run: (e) => chain(e).deleteTable().run(),
    },
    {
      id: 'undo',
      label: t('tools.undo'),
      glyph: '↶',
      shortcut: 'undo',
      group: true,
      // Yjs undo: only this person's own changes are undone, never a co-author's.
      canRun: (e) => canOf(e).undo(),
      run: (e) => chain(e).undo().run(),
    },
    {
      id: 'redo',
      label: t('tools.redo'),
      glyph: '↷',
      shortcut: 'redo',
      canRun: (e) => canOf(e).redo(),
      run: (e) => chain(e).redo().run(),
    },
  ];
}

export interface ToolbarProps {
  editor: Editor;
  /** False while the editor cannot send anything anywhere (refused): every tool is off. */
  enabled: boolean;
  onLink: () => void;
  /** The help button lives at the end of the toolbar; rendered by the caller. */
  trailing: (props: { tabIndex: number; onFocus: () => void; 'data-toolbar-item': true }) => ReactNode;
}

export function Toolbar({ editor, enabled, onLink, trailing }: ToolbarProps) {
  const { t } = useEditorTranslation();
  const tools = buildTools(t, onLink);
  const [focusIndex, setFocusIndex] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const tipPrefix = useId();

  const states = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(
        buildTools(t, onLink).map((tool) => [
          tool.id,
          { active: tool.isActive?.(e) ?? false, can: e.isEditable && tool.canRun(e) },
        ]),
      ) as Record<string, { active: boolean; can: boolean }>,
  });

  const count = tools.length + 1; // + the help button
  const items = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('[data-toolbar-item]') ?? []);
  const move = (index: number) => {
    const next = (index + count) % count;
    setFocusIndex(next);
    items()[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = items().indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    switch (event.key) {
      case 'ArrowRight':
        move(current + 1);
        break;
      case 'ArrowLeft':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'Escape':
        // Back to the text, where the person came from with Alt+F10.
        editor.commands.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t('toolbarLabel')}
      className="konvent-editor__toolbar"
      onKeyDown={onKeyDown}
      data-editor-toolbar
    >
      {tools.map((tool, index) => {
        const state = states?.[tool.id];
        const usable = enabled && (state?.can ?? false);
        const shortcut = tool.shortcut ? shortcutLabel(shortcutKeys[tool.shortcut], t) : undefined;
        const tip = shortcut ? t('tools.withShortcut', { label: tool.label, shortcut }) : tool.label;
        return (
          <span key={tool.id} className={tool.group ? 'konvent-editor__tool konvent-editor__tool--group' : 'konvent-editor__tool'}>
            <button
              type="button"
              className="konvent-editor__button"
              data-toolbar-item
              data-tool={tool.id}
              tabIndex={index === focusIndex ? 0 : -1}
              aria-label={tool.label}
              aria-keyshortcuts={tool.shortcut ? ariaShortcut(shortcutKeys[tool.shortcut]) : undefined}
              aria-pressed={tool.toggle ? (state?.active ?? false) : undefined}
              aria-disabled={usable ? undefined : true}
              aria-describedby={`${tipPrefix}-${tool.id}`}
              onFocus={() => setFocusIndex(index)}
              // Keep the selection in the text: a mouse click must not move focus first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (usable) tool.run(editor);
              }}
            >
              <span aria-hidden="true">{tool.glyph}</span>
            </button>
            <span role="tooltip" id={`${tipPrefix}-${tool.id}`} className="konvent-editor__tooltip">
              {tip}
            </span>
          </span>
        );
      })}
      {trailing({
        tabIndex: focusIndex === tools.length ? 0 : -1,
        onFocus: () => setFocusIndex(tools.length),
        'data-toolbar-item': true,
      })}
    </div>
  );
}
