/** A secret or link shown once: read-only field plus a copy button that confirms aloud. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setMessage(t('app.copied'));
    } catch {
      setMessage(t('app.copyFailed'));
    }
  }

  return (
    <div className="kern-form-input k-copy-field">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <div className="k-row">
        <input
          id={id}
          className="kern-form-input__input k-mono"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void copy()}>
          <span className="kern-label">{t('app.copy')}</span>
        </button>
      </div>
      <p className="kern-body kern-body--small" role="status">
        {message}
      </p>
    </div>
  );
}
