/**
 * Writing a comment: a new one, a reply, or an edit. The text field with the `@` autocomplete,
 * the server's refusal right below it, and send/cancel. `onSend` gets the body in wire form
 * (mentions as `@[Name](user:<id>)`); when it throws, the text stays and the error shows.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '@konvent/shared';
import { errorText } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { MentionTextarea } from './MentionTextarea';
import { toEditable, toWire, type Mention } from './mentions';

export interface CommentFormProps {
  label: string;
  sendLabel: string;
  cancelLabel: string;
  people: Mention[];
  onSend: (body: string) => Promise<unknown>;
  onCancel: () => void;
  /** A stored body to edit. */
  initialBody?: string;
  /** Shown above the field (the passage a new comment is on). */
  intro?: ReactNode;
  /** An accessible name for the form, when it is a region of its own. */
  formLabel?: string;
  className?: string;
}

export function CommentForm({ label, sendLabel, cancelLabel, people, onSend, onCancel, initialBody, intro, formLabel, className }: CommentFormProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const [draft, setDraft] = useState(() => (initialBody ? toEditable(initialBody) : { text: '', mentions: [] as Mention[] }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const body = toWire(draft.text, draft.mentions).trim();
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSend(body);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={className}
      aria-label={formLabel}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {intro}
      <MentionTextarea
        label={label}
        text={draft.text}
        mentions={draft.mentions}
        onChange={(text, mentions) => setDraft({ text, mentions })}
        people={people}
        onSubmit={() => void send()}
        disabled={busy}
        autoFocus
        invalid={error !== null}
        describedBy={error ? errorId : undefined}
        maxLength={limits.commentMax}
      />
      {error ? (
        <div id={errorId}>
          <Alert tone="danger" live>
            {error}
          </Alert>
        </div>
      ) : null}
      <div className="k-comments__actions">
        <button type="submit" className="kern-btn kern-btn--primary kern-btn--small" disabled={!draft.text.trim() || busy}>
          <span className="kern-label">{sendLabel}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small" onClick={onCancel}>
          <span className="kern-label">{cancelLabel}</span>
        </button>
      </div>
    </form>
  );
}
