/**
 * The editor's own UI text, registered as the i18next namespace `editor` on the app's
 * instance, so the editor ships its strings without touching the app's resource files.
 * `useEditorTranslation()` is the only way editor components get `t`.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

export const EDITOR_NS = 'editor';

const de = {
  textLabel: 'Text des Abschnitts „{{title}}“',
  toolbarLabel: 'Textformatierung',
  connection: {
    label: 'Verbindung',
    connecting: 'Verbinde …',
    connected: 'Verbunden',
    synced: 'Verbunden – Änderungen synchronisiert',
    offline: 'Offline – Änderungen werden auf diesem Gerät gespeichert',
    retrying: 'Neuer Verbindungsversuch …',
    stopped: 'Nicht verbunden',
  },
  refused: {
    title: 'Keine Verbindung zum Abschnitt',
    unauthorized: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; danach kommen Sie hierher zurück. Ihre Änderungen auf diesem Gerät bleiben erhalten.',
    toLogin: 'Zur Anmeldung',
    forbidden: 'Sie haben keinen Zugriff (mehr) auf diesen Abschnitt.',
    notFound: 'Diesen Abschnitt gibt es nicht mehr.',
    other: 'Der Server hat die Verbindung abgelehnt.',
    reload: 'Seite neu laden',
  },
  readOnly: {
    title: 'Nur lesen',
    final: 'Dieser Abschnitt ist abgestimmt und gesperrt.',
    guest: 'Als Gast können Sie lesen, aber nicht bearbeiten.',
    subgroup: 'Nur die AG „{{topic}}“ bearbeitet diesen Abschnitt.',
    subgroupUnknown: 'Nur die zuständige Arbeitsgruppe bearbeitet diesen Abschnitt.',
    unassigned: 'Diesen Abschnitt bearbeiten die Moderation und die zuständige Person.',
    trash: 'Dieser Abschnitt liegt im Papierkorb.',
    other: 'Sie können diesen Abschnitt lesen, aber nicht bearbeiten.',
  },
  presence: {
    label: 'Jetzt im Abschnitt',
    you: 'Sie',
    joined: '{{name}} ist jetzt im Abschnitt.',
    left: '{{name}} hat den Abschnitt verlassen.',
    onlyYou: 'Nur Sie',
  },
  tools: {
    paragraph: 'Absatz',
    heading: 'Überschrift {{level}}',
    bold: 'Fett',
    italic: 'Kursiv',
    underline: 'Unterstrichen',
    strike: 'Durchgestrichen',
    link: 'Link',
    bulletList: 'Aufzählung',
    orderedList: 'Nummerierte Liste',
    blockquote: 'Zitat',
    insertTable: 'Tabelle einfügen',
    addRow: 'Zeile darunter einfügen',
    addColumn: 'Spalte rechts einfügen',
    deleteRow: 'Zeile löschen',
    deleteColumn: 'Spalte löschen',
    deleteTable: 'Tabelle löschen',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    shortcuts: 'Tastaturkürzel',
    withShortcut: '{{label}} ({{shortcut}})',
  },
  linkDialog: {
    title: 'Link',
    url: 'Adresse (URL)',
    hint: 'Zum Beispiel https://www.example.org',
    invalid: 'Bitte geben Sie eine Adresse mit http://, https:// oder mailto: ein.',
    apply: 'Übernehmen',
    remove: 'Link entfernen',
    cancel: 'Abbrechen',
  },
  shortcuts: {
    title: 'Tastaturkürzel',
    close: 'Schließen',
    action: 'Aktion',
    keys: 'Tasten',
    toolbar: 'Zur Werkzeugleiste: Alt+F10; in der Leiste Pfeiltasten, Pos1 und Ende',
    toolbarAction: 'Werkzeugleiste',
    hardBreak: 'Zeilenumbruch',
    tableNav: 'In Tabellen zur nächsten Zelle',
  },
  keys: {
    mod: 'Strg',
    modMac: '⌘',
    shift: 'Umschalt',
    alt: 'Alt',
    enter: 'Eingabe',
    tab: 'Tab',
  },
};

type Resources = typeof de;

const en: Resources = {
  textLabel: 'Text of the section “{{title}}”',
  toolbarLabel: 'Text formatting',
  connection: {
    label: 'Connection',
    connecting: 'Connecting …',
    connected: 'Connected',
    synced: 'Connected – changes synchronised',
    offline: 'Offline – changes are kept on this device',
    retrying: 'Trying to reconnect …',
    stopped: 'Not connected',
  },
  refused: {
    title: 'No connection to the section',
    unauthorized: 'Your sign-in has expired. Please sign in again; you will come back here afterwards. Your changes on this device are kept.',
    toLogin: 'Sign in',
    forbidden: 'You do not (or no longer) have access to this section.',
    notFound: 'This section no longer exists.',
    other: 'The server refused the connection.',
    reload: 'Reload page',
  },
  readOnly: {
    title: 'Read only',
    final: 'This section has been agreed and is locked.',
    guest: 'As a guest you can read but not edit.',
    subgroup: 'Only the subgroup “{{topic}}” edits this section.',
    subgroupUnknown: 'Only the responsible subgroup edits this section.',
    unassigned: 'This section is edited by the moderators and the assigned person.',
    trash: 'This section is in the trash.',
    other: 'You can read this section but not edit it.',
  },
  presence: {
    label: 'In this section now',
    you: 'You',
    joined: '{{name}} joined the section.',
    left: '{{name}} left the section.',
    onlyYou: 'Only you',
  },
  tools: {
    paragraph: 'Paragraph',
    heading: 'Heading {{level}}',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    strike: 'Strikethrough',
    link: 'Link',
    bulletList: 'Bullet list',
    orderedList: 'Numbered list',
    blockquote: 'Quote',
    insertTable: 'Insert table',
    addRow: 'Add row below',
    addColumn: 'Add column to the right',
    deleteRow: 'Delete row',
    deleteColumn: 'Delete column',
    deleteTable: 'Delete table',
    undo: 'Undo',
    redo: 'Redo',
    shortcuts: 'Keyboard shortcuts',
    withShortcut: '{{label}} ({{shortcut}})',
  },
  linkDialog: {
    title: 'Link',
    url: 'Address (URL)',
    hint: 'For example https://www.example.org',
    invalid: 'Please enter an address starting with http://, https:// or mailto:.',
    apply: 'Apply',
    remove: 'Remove link',
    cancel: 'Cancel',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    action: 'Action',
    keys: 'Keys',
    toolbar: 'To the toolbar: Alt+F10; inside it arrow keys, Home and End',
    toolbarAction: 'Toolbar',
    hardBreak: 'Line break',
    tableNav: 'In tables, to the next cell',
  },
  keys: {
    mod: 'Ctrl',
    modMac: '⌘',
    shift: 'Shift',
    alt: 'Alt',
    enter: 'Enter',
    tab: 'Tab',
  },
};

/** Idempotent: adds the editor namespace to an initialised i18next instance. */
export function registerEditorResources(instance: I18n): void {
  if (!instance.isInitialized && !instance.store) return;
  if (!instance.hasResourceBundle('de', EDITOR_NS)) instance.addResourceBundle('de', EDITOR_NS, de, true, false);
  if (!instance.hasResourceBundle('en', EDITOR_NS)) instance.addResourceBundle('en', EDITOR_NS, en, true, false);
}

// The app initialises the shared instance in client/src/i18n; register as soon as it is ready.
if (i18next.isInitialized) registerEditorResources(i18next);
else i18next.on('initialized', () => registerEditorResources(i18next));

export function useEditorTranslation() {
  const result = useTranslation(EDITOR_NS);
  registerEditorResources(result.i18n);
  return result;
}
