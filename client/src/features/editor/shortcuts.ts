/**
 * Keyboard shortcuts of the editor, written once as key lists and rendered for people
 * ("Strg+Umschalt+8") and for assistive technology (aria-keyshortcuts "Control+Shift+8").
 * The shortcuts themselves are Tiptap's (StarterKit, Collaboration); only Mod-k (link) and
 * Alt-F10 (to the toolbar) are added by this feature.
 */
import type { TFunction } from 'i18next';

/** `Mod` is Ctrl, or ⌘ on Apple keyboards, as in ProseMirror keymaps. */
export type Key = 'Mod' | 'Shift' | 'Alt' | 'Enter' | 'Tab' | string;

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const shortcutKeys = {
  paragraph: ['Mod', 'Alt', '0'],
  heading2: ['Mod', 'Alt', '2'],
  heading3: ['Mod', 'Alt', '3'],
  heading4: ['Mod', 'Alt', '4'],
  bold: ['Mod', 'B'],
  italic: ['Mod', 'I'],
  underline: ['Mod', 'U'],
  strike: ['Mod', 'Shift', 'S'],
  link: ['Mod', 'K'],
  bulletList: ['Mod', 'Shift', '8'],
  orderedList: ['Mod', 'Shift', '7'],
  blockquote: ['Mod', 'Shift', 'B'],
  undo: ['Mod', 'Z'],
  redo: ['Mod', 'Shift', 'Z'],
  hardBreak: ['Shift', 'Enter'],
  tableNext: ['Tab'],
  toolbar: ['Alt', 'F10'],
  /** Added by the comments feature (CommentHighlights), listed here so the help shows it. */
  comment: ['Mod', 'Alt', 'M'],
} as const satisfies Record<string, readonly Key[]>;

export type ShortcutName = keyof typeof shortcutKeys;

export function shortcutLabel(keys: readonly Key[], t: TFunction): string {
  return keys
    .map((key) => {
      switch (key) {
        case 'Mod':
          return isMac ? t('keys.modMac') : t('keys.mod');
        case 'Shift':
          return t('keys.shift');
        case 'Alt':
          return t('keys.alt');
        case 'Enter':
          return t('keys.enter');
        case 'Tab':
          return t('keys.tab');
        default:
          return key;
      }
    })
    .join('+');
}

/** The value of aria-keyshortcuts (WAI-ARIA names the modifiers in English). */
export function ariaShortcut(keys: readonly Key[]): string {
  return keys.map((key) => (key === 'Mod' ? (isMac ? 'Meta' : 'Control') : key)).join('+');
}
