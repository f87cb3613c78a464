/** Loading, error and notice blocks in KERN's look (loader, alert). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="k-loading" role="status">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

type Tone = 'info' | 'success' | 'warning' | 'danger';

/** A KERN alert. `live` makes it a live region (for results that appear after an action). */
export function Alert({ tone, title, children, live = false }: { tone: Tone; title?: string; children?: ReactNode; live?: boolean }) {
  const role = live ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div className={`kern-alert kern-alert--${tone} k-alert`} role={role}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone === 'danger' ? 'danger' : tone}`} aria-hidden="true" />
        <span className="kern-title">{title ?? children}</span>
      </div>
      {title && children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

/** A failed load or action, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="k-stack-sm">
      <Alert tone="danger" live>
        {errorText(t, error)}
      </Alert>
      {onRetry ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onRetry}>
          <span className="kern-label">{t('app.retry')}</span>
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="k-empty kern-body">{children}</p>;
}
