import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../realtime/RealtimeProvider';

/**
 * The live connection as a dot and a word. It is a status region, so a drop is announced
 * once without stealing focus.
 */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const text = t(`realtime.${state}`);
  return (
    <div className={`k-connection k-connection--${state}`} role="status" title={t('realtime.label', { state: text })}>
      <span className="k-connection__dot" aria-hidden="true" />
      <span className="k-connection__text">{text}</span>
    </div>
  );
}
