/**
 * "Tastaturkürzel": a help popover listing the editor's keyboard shortcuts, opened from the
 * last toolbar button. Uses the native popover attribute: light dismiss, Escape and the
 * button's aria-expanded come from the browser.
 */
import { useId } from 'react';
import { useEditorTranslation } from './i18n';
import { shortcutKeys, shortcutLabel, type ShortcutName } from './shortcuts';

const rows: Array<{ name: ShortcutName; label: string }> = [
  { name: 'bold', label: 'tools.bold' },
  { name: 'italic', label: 'tools.italic' },
  { name: 'underline', label: 'tools.underline' },
  { name: 'strike', label: 'tools.strike' },
  { name: 'link', label: 'tools.link' },
  { name: 'paragraph', label: 'tools.paragraph' },
  { name: 'heading2', label: 'tools.heading' },
  { name: 'heading3', label: 'tools.heading' },
  { name: 'heading4', label: 'tools.heading' },
  { name: 'bulletList', label: 'tools.bulletList' },
  { name: 'orderedList', label: 'tools.orderedList' },
  { name: 'blockquote', label: 'tools.blockquote' },
  { name: 'hardBreak', label: 'shortcuts.hardBreak' },
  { name: 'tableNext', label: 'shortcuts.tableNav' },
  { name: 'comment', label: 'shortcuts.comment' },
  { name: 'undo', label: 'tools.undo' },
  { name: 'redo', label: 'tools.redo' },
  { name: 'toolbar', label: 'shortcuts.toolbarAction' },
];

export interface ShortcutsHelpProps {
  tabIndex: number;
  onFocus: () => void;
  'data-toolbar-item': true;
}

export function ShortcutsHelp(props: ShortcutsHelpProps) {
  const { t } = useEditorTranslation();
  const id = useId();
  const popoverId = `${id}-shortcuts`;
  return (
    <span className="konvent-editor__tool konvent-editor__tool--end">
      <button
        type="button"
        className="konvent-editor__button konvent-editor__button--text"
        popoverTarget={popoverId}
        aria-haspopup="dialog"
        {...props}
      >
        {t('tools.shortcuts')}
      </button>
      <div id={popoverId} popover="auto" role="dialog" aria-labelledby={`${id}-title`} className="konvent-editor__shortcuts">
        <h2 id={`${id}-title`} className="kern-title kern-title--small">
          {t('shortcuts.title')}
        </h2>
        <table className="kern-table kern-table--small">
          <thead className="kern-table__header">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('shortcuts.action')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('shortcuts.keys')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {rows.map((row) => (
              <tr key={row.name} className="kern-table__row">
                <td className="kern-table__cell">
                  {t(row.label, { level: row.name.replace('heading', '') })}
                </td>
                <td className="kern-table__cell">
                  <kbd>{shortcutLabel(shortcutKeys[row.name], t)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" popoverTarget={popoverId} popoverTargetAction="hide">
          <span className="kern-label">{t('shortcuts.close')}</span>
        </button>
      </div>
    </span>
  );
}
