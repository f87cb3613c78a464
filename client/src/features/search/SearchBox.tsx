/**
 * Search over the working group's sections and comments from the header, as the WAI-ARIA
 * combobox pattern with a listbox popup, kept non-modal: the caret stays in the field,
 * `aria-activedescendant` names the highlighted result, and nothing else on the page is
 * hidden from assistive technology while the results are open (react-aria's ComboBox hides
 * the rest of the page, which leaves focusable elements inside aria-hidden).
 *
 * Keyboard: ↓/↑ move through the results (↑ from the first returns to the field), Enter opens
 * the highlighted one, Escape closes the list and a second Escape clears the field, Tab
 * leaves. The results are the server's, debounced, from two characters on; a polite status
 * says how many there are or why there are none.
 */
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListResponse, SearchResultJSON } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { Highlighted } from './Highlighted';
import './SearchBox.css';

const minLength = 2;
const debounceMs = 250;

/**
 * The value once typing has paused, and a count of the pauses: typing the same words again
 * (or deleting and retyping them) is a pause with an unchanged value, which should still
 * search again when the last answer is stale (a word just written may be indexed by now).
 */
function useDebounced<T>(value: T, ms: number): { value: T; pauses: number } {
  const [debounced, setDebounced] = useState({ value, pauses: 0 });
  useEffect(() => {
    const timer = setTimeout(() => setDebounced((prev) => ({ value, pauses: prev.pauses + 1 })), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function keyOf(r: SearchResultJSON): string {
  return `${r.type}:${r.id}`;
}

/** Client path of a result: its section, opened at the thread for a comment. */
function resultPath(workspaceId: string, r: SearchResultJSON): string | null {
  if (!r.sectionId) return null;
  const thread = r.type === 'comment' && r.threadId ? `?thread=${encodeURIComponent(r.threadId)}` : '';
  return `/a/${workspaceId}/bericht/${r.sectionId}${thread}`;
}

export function SearchBox({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const typed = input.trim();
  const { value: q, pauses } = useDebounced(typed, debounceMs);
  const enabled = q.length >= minLength;
  const results = useQuery<SearchResultJSON[]>({
    queryKey: keys.search(workspaceId, q),
    queryFn: ({ signal }) =>
      api<ListResponse<SearchResultJSON>>(`/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`, { signal }).then((r) => r.data),
    enabled,
    staleTime: 5_000,
    // Keep the last list while the next one loads, so the list does not flicker.
    placeholderData: (previous: SearchResultJSON[] | undefined) => previous,
  });
  const { isStale, refetch } = results;
  useEffect(() => {
    if (enabled && isStale) void refetch();
    // Only a new pause asks again; a change of q is a new query and fetches by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pauses]);
  const items = enabled && typed.length >= minLength ? (results.data ?? []) : [];
  const showPopup = open && typed.length > 0;
  const showList = showPopup && items.length > 0;
  const pending = results.isFetching || q !== typed;
  // A highlight that is no longer in the list (new results) counts as none.
  const activeIndex = showList ? items.findIndex((r) => keyOf(r) === activeKey) : -1;
  const listId = `${id}-results`;
  const optionId = (r: SearchResultJSON) => `${id}-option-${keyOf(r)}`;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(`${id}-option-${activeKey}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, activeKey, activeIndex]);

  function close() {
    setOpen(false);
    setActiveKey(null);
  }

  function openResult(result: SearchResultJSON) {
    const path = resultPath(workspaceId, result);
    if (!path) return;
    setInput('');
    close();
    void navigate(path);
  }

  function message(): string {
    if (typed.length < minLength) return t('search.tooShort', { count: minLength });
    if (results.isError) return t('search.error');
    if (pending) return t('search.searching');
    return t('search.none', { q });
  }

  // What a screen reader hears: the count once results are in, or why there are none.
  // ("Searching" is left unsaid: it would interrupt after every pause in typing.)
  const status = !showPopup || pending ? '' : items.length > 0 ? t('searchList.count', { count: items.length }) : message();

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!showPopup) setOpen(true);
        else if (showList) setActiveKey(keyOf(items[Math.min(activeIndex + 1, items.length - 1)]!));
        break;
      case 'ArrowUp':
        if (!showList) break;
        event.preventDefault();
        setActiveKey(activeIndex > 0 ? keyOf(items[activeIndex - 1]!) : null);
        break;
      case 'Enter':
        if (activeIndex < 0) break;
        event.preventDefault();
        openResult(items[activeIndex]!);
        break;
      case 'Escape':
        // First Escape closes the list and keeps the words; the next one clears them.
        if (showPopup) {
          event.preventDefault();
          close();
        } else if (input) {
          event.preventDefault();
          setInput('');
        }
        break;
    }
  }

  function onBlur(event: FocusEvent) {
    if (!wrapper.current?.contains(event.relatedTarget as Node | null)) close();
  }

  return (
    <div ref={wrapper} className="k-search" role="search" onBlur={onBlur}>
      <label htmlFor={`${id}-input`} className="kern-sr-only">
        {t('search.label')}
      </label>
      <div className="k-search__field">
        <span className="kern-icon kern-icon--search k-search__icon" aria-hidden="true" />
        <input
          id={`${id}-input`}
          type="search"
          role="combobox"
          className="kern-form-input__input k-search__input"
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={showList ? listId : undefined}
          aria-activedescendant={activeIndex >= 0 ? optionId(items[activeIndex]!) : undefined}
          value={input}
          onChange={(event) => {
            setInput(event.target.value);
            setActiveKey(null);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
        />
      </div>
      {showPopup ? (
        // A press on a result must not take the focus out of the field (that closes the list).
        <div className="k-popover k-search__popover" onMouseDown={(event) => event.preventDefault()}>
          {showList ? (
            <ul id={listId} role="listbox" className="k-search__list" aria-label={t('search.results')}>
              {items.map((r, index) => {
                const oid = optionId(r);
                return (
                  <li
                    key={keyOf(r)}
                    id={oid}
                    role="option"
                    aria-selected={index === activeIndex}
                    aria-labelledby={`${oid}-title`}
                    aria-describedby={`${oid}-where ${oid}-snippet`}
                    className="k-search__item"
                    onClick={() => openResult(r)}
                    onMouseMove={() => activeKey !== keyOf(r) && setActiveKey(keyOf(r))}
                  >
                    <span id={`${oid}-title`} className="k-search__title">
                      <span className="kern-badge kern-badge--small kern-badge--info k-search__type">
                        <span className="kern-label">{t(`search.type.${r.type}`)}</span>
                      </span>{' '}
                      <Highlighted text={r.title} ranges={r.titleHighlights} />
                    </span>
                    <span id={`${oid}-where`} className="k-search__where">
                      {r.topicTitle ? t('search.inTopic', { topic: r.topicTitle }) : null}
                    </span>
                    <span id={`${oid}-snippet`} className="k-search__snippet">
                      <Highlighted text={r.snippet} ranges={r.highlights} />
                    </span>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="k-search__empty">{message()}</p>
          )}
        </div>
      ) : null}
      <div className="kern-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
    </div>
  );
}
