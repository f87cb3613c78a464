/**
 * A modal dialog: react-aria-components handles focus trap, Escape, return of focus and the
 * aria wiring; KERN's dialog classes give it the look.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './Dialog.css';

interface Props {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Alert dialogs (confirmations) get role="alertdialog". */
  role?: 'dialog' | 'alertdialog';
  children: (close: () => void) => ReactNode;
}

export function KernDialog({ title, isOpen, onOpenChange, role = 'dialog', children }: Props) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="k-modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className="k-modal">
        <Dialog className="kern-dialog k-dialog" role={role}>
          {({ close }) => (
            <>
              <header className="kern-dialog__header">
                <Heading slot="title" className="kern-title">
                  {title}
                </Heading>
                <button type="button" className="kern-btn kern-btn--tertiary" onClick={close}>
                  <span className="kern-icon kern-icon--close" aria-hidden="true" />
                  <span className="kern-sr-only">{t('app.close')}</span>
                </button>
              </header>
              <div className="kern-dialog__body k-dialog__body">{children(close)}</div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The row of buttons at the end of a dialog's form. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="kern-dialog__footer k-dialog__footer">{children}</div>;
}

/** The footer of a form dialog: Cancel, and the submit button that says so while saving. */
export function FormDialogButtons({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <DialogFooter>
      <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
        <span className="kern-label">{t('app.cancel')}</span>
      </button>
      <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
        <span className="kern-label">{busy ? t('app.saving') : submitLabel}</span>
      </button>
    </DialogFooter>
  );
}
