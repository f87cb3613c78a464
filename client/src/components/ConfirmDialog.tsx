import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter, KernDialog } from './Dialog';
import { Alert } from './feedback';
import { errorText } from './errors';

interface ConfirmProps {
  title: string;
  text: string;
  /** Shown below the text: what the question is about (a list of sections, say). */
  details?: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** A yes/no question before something people would miss; the server's refusal shows inside. */
export function ConfirmDialog({ title, text, details, confirmLabel, onConfirm, onClose }: ConfirmProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm(close: () => void) {
    setBusy(true);
    try {
      await onConfirm();
      close();
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }
  return (
    <KernDialog title={title} role="alertdialog" isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <>
          <p className="kern-body">{text}</p>
          {details}
          {error ? (
            <Alert tone="danger" live>
              {error}
            </Alert>
          ) : null}
          <DialogFooter>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={close} autoFocus>
              <span className="kern-label">{t('app.cancel')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void confirm(close)}>
              <span className="kern-label">{confirmLabel}</span>
            </button>
          </DialogFooter>
        </>
      )}
    </KernDialog>
  );
}
