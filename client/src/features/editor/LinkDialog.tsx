/**
 * A small modal dialog to add, change or remove the link at the selection. A native
 * <dialog> opened with showModal(): the browser traps focus, closes on Escape and hands
 * focus back; styled with KERN's dialog classes.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { chainOf } from './commands';
import { useEditorTranslation } from './i18n';

const allowedUrl = /^(https?:\/\/|mailto:)\S+$/i;

/** A bare "www.example.org" is what people type; store it as a working https link. */
export function normaliseUrl(input: string): string {
  const value = input.trim();
  if (/^www\./i.test(value)) return `https://${value}`;
  return value;
}

export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const { t } = useEditorTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [url, setUrl] = useState('');
  const [error, setError] = useState(false);
  const [hadLink, setHadLink] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const current = (editor.getAttributes('link').href as string | undefined) ?? '';
      setUrl(current);
      setHadLink(current !== '');
      setError(false);
      dialog.showModal();
      inputRef.current?.select();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, editor]);

  const finish = () => {
    onClose();
    editor.commands.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const href = normaliseUrl(url);
    if (href === '') {
      chainOf(editor).focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    if (!allowedUrl.test(href)) {
      setError(true);
      inputRef.current?.focus();
      return;
    }
    const chain = chainOf(editor).focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: insert the address itself as linked text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    chainOf(editor).focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="kern-dialog konvent-editor__dialog"
      aria-labelledby={`${id}-title`}
      onClose={() => {
        if (open) finish();
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <header className="kern-dialog__header">
          <h2 className="kern-title" id={`${id}-title`}>
            {t('linkDialog.title')}
          </h2>
        </header>
        <section className="kern-dialog__body">
          <div className={error ? 'kern-form-input kern-form-input--error' : 'kern-form-input'}>
            <label className="kern-label" htmlFor={`${id}-url`}>
              {t('linkDialog.url')}
            </label>
            <div className="kern-hint" id={`${id}-hint`}>
              {t('linkDialog.hint')}
            </div>
            <input
              ref={inputRef}
              id={`${id}-url`}
              className={error ? 'kern-form-input__input kern-form-input__input--error' : 'kern-form-input__input'}
              type="url"
              inputMode="url"
              autoComplete="url"
              value={url}
              aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={error || undefined}
              onChange={(event) => {
                setUrl(event.target.value);
                setError(false);
              }}
            />
            {error && (
              <p className="kern-error" id={`${id}-error`} role="alert">
                {t('linkDialog.invalid')}
              </p>
            )}
          </div>
        </section>
        <footer className="kern-dialog__footer">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => ref.current?.close()}>
            <span className="kern-label">{t('linkDialog.cancel')}</span>
          </button>
          {hadLink && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={remove}>
              <span className="kern-label">{t('linkDialog.remove')}</span>
            </button>
          )}
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('linkDialog.apply')}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
