/**
 * The connection state as one short line next to the toolbar. A polite live region, so a
 * screen reader hears "offline" and "synchronisiert" without being interrupted mid-word.
 */
import type { ConnectionState } from './connection';
import { useEditorTranslation } from './i18n';

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useEditorTranslation();
  let text: string;
  let detail = '';
  switch (state.kind) {
    case 'connecting':
      text = t('connection.connecting');
      break;
    case 'connected':
      text = state.resynced ? t('connection.synced') : t('connection.connected');
      break;
    case 'offline':
      text = t('connection.offline');
      if (state.retrying) detail = t('connection.retrying');
      break;
    case 'refused':
      text = t('connection.stopped');
      break;
  }
  return (
    <div className="konvent-editor__connection" data-state={state.kind} data-testid="editor-connection">
      <span className="konvent-editor__connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" aria-atomic="true">
        <span className="konvent-visually-hidden">{t('connection.label')}: </span>
        {text}
      </span>
      {/* Retries come and go every few seconds: visible, but not announced each time. */}
      {detail && <span className="konvent-editor__connection-detail">{detail}</span>}
    </div>
  );
}
