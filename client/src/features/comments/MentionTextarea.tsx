/**
 * A comment's text field with an `@` autocomplete of the working group's people.
 *
 * A textarea keeps its native editing (multi-line, spellcheck, IME); while an `@name` is being
 * typed, a listbox of matching people opens below it. The textarea stays focused and points at
 * the highlighted option with aria-activedescendant (the ARIA textbox-with-list pattern): ↑/↓
 * choose, Enter or Tab takes, Escape closes. A polite live region says how many people match.
 * Ctrl+Enter (⌘+Enter) sends.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { colorForUser } from '../editor/colors';
import { useCommentsTranslation } from './i18n';
import { fold, mentionQueryAt, type Mention } from './mentions';

export interface MentionTextareaProps {
  label: string;
  text: string;
  mentions: Mention[];
  onChange: (text: string, mentions: Mention[]) => void;
  /** Everyone who may be mentioned (the workspace's members). */
  people: Mention[];
  onSubmit: () => void;
  disabled?: boolean;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
  maxLength: number;
}

const maxSuggestions = 6;

export function MentionTextarea(props: MentionTextareaProps) {
  const { label, text, mentions, onChange, people, onSubmit, disabled, autoFocus, invalid, describedBy, maxLength } = props;
  const { t } = useCommentsTranslation();
  const id = useId();
  const listId = `${id}-people`;
  const hintId = `${id}-hint`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  const suggestions = useMemo(() => {
    if (!query) return [];
    const q = fold(query.query);
    return people
      .filter((p) => fold(p.name).split(/\s+/).some((word) => word.startsWith(q)) || fold(p.name).startsWith(q))
      .slice(0, maxSuggestions);
  }, [people, query]);
  const open = suggestions.length > 0;
  const active = open ? suggestions[Math.min(activeIndex, suggestions.length - 1)] : undefined;

  const readQuery = (value: string, caret: number) => {
    setQuery(mentionQueryAt(value, caret));
    setActiveIndex(0);
  };

  const take = (person: Mention) => {
    const el = ref.current;
    if (!el || !query) return;
    const caret = el.selectionStart ?? text.length;
    const inserted = `@${person.name} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    const nextMentions = mentions.some((m) => m.userId === person.userId) ? mentions : [...mentions, person];
    onChange(next, nextMentions);
    setQuery(null);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((i) => (i + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && active) {
      event.preventDefault();
      take(active);
    } else if (event.key === 'Escape') {
      // Closes the list only; a surrounding dialog or form stays.
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  };

  return (
    <div className="kern-form-input k-mention-field">
      <label htmlFor={id} className="kern-label">
        {label}
      </label>
      <div className="k-mention-field__box">
        <textarea
          ref={ref}
          id={id}
          className={`kern-form-input__input k-mention-field__input${invalid ? ' kern-form-input__input--error' : ''}`}
          value={text}
          rows={3}
          maxLength={maxLength}
          disabled={disabled}
          // The person just asked to write here (Kommentieren, Bearbeiten).
          autoFocus={autoFocus}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={active ? `${listId}-${active.userId}` : undefined}
          onChange={(event) => {
            onChange(event.target.value, mentions);
            readQuery(event.target.value, event.target.selectionStart ?? event.target.value.length);
          }}
          onKeyDown={onKeyDown}
          onClick={(event) => readQuery(text, event.currentTarget.selectionStart ?? text.length)}
          onBlur={() => setQuery(null)}
        />
        {open ? (
          <ul id={listId} role="listbox" aria-label={t('field.people')} className="k-mention-field__list">
            {suggestions.map((person) => (
              <li
                key={person.userId}
                id={`${listId}-${person.userId}`}
                role="option"
                aria-selected={person === active}
                className="k-mention-field__option"
                // mousedown, not click: the textarea must not lose focus (and close the list) first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  take(person);
                }}
              >
                <span className="k-mention-field__dot" style={{ backgroundColor: colorForUser(person.userId) }} aria-hidden="true" />
                {person.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={hintId} className="kern-hint k-mention-field__hint">
        {t('field.hint')}
      </p>
      <span className="konvent-visually-hidden" role="status" aria-live="polite">
        {query ? (open ? t('field.suggestions', { count: suggestions.length }) : t('field.noMatch')) : ''}
      </span>
    </div>
  );
}
