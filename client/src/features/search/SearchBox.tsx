/**
 * Search over the working group's sections and comments from the header: a react-aria
 * ComboBox whose options are the server's results (no client-side filtering), debounced,
 * from two characters on. Choosing a result opens its section (a comment's thread too).
 */
import { useEffect, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
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

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function keyOf(r: SearchResultJSON): string {
  return `${r.type}:${r.id}`;
}

export function SearchBox({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim(), debounceMs);
  const enabled = q.length >= minLength;
  const results = useQuery<SearchResultJSON[]>({
    queryKey: keys.search(workspaceId, q),
    queryFn: ({ signal }) =>
      api<ListResponse<SearchResultJSON>>(`/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`, { signal }).then((r) => r.data),
    enabled,
    staleTime: 5_000,
    // Keep the last list while the next one loads, so the popover does not flicker.
    placeholderData: (previous: SearchResultJSON[] | undefined) => previous,
  });
  const items = enabled ? (results.data ?? []) : [];

  function open(key: string | number | null) {
    const result = items.find((r) => keyOf(r) === key);
    if (!result?.sectionId) return;
    const thread = result.type === 'comment' && result.threadId ? `?thread=${result.threadId}` : '';
    setInput('');
    void navigate(`/a/${workspaceId}/bericht/${result.sectionId}${thread}`);
  }

  function emptyText(): string {
    if (input.trim().length < minLength) return t('search.tooShort', { count: minLength });
    if (results.isError) return t('search.error');
    if (results.isFetching || q !== input.trim()) return t('search.searching');
    return t('search.none', { q });
  }

  return (
    <ComboBox
      className="k-search"
      inputValue={input}
      onInputChange={setInput}
      items={items}
      selectedKey={null}
      onSelectionChange={open}
      menuTrigger="input"
      allowsEmptyCollection
      allowsCustomValue
    >
      <Label className="kern-sr-only">{t('search.label')}</Label>
      <div className="k-search__field">
        <span className="kern-icon kern-icon--search k-search__icon" aria-hidden="true" />
        <Input className="kern-form-input__input k-search__input" placeholder={t('search.placeholder')} />
      </div>
      <Popover className="k-popover k-search__popover" placement="bottom end">
        <ListBox<SearchResultJSON>
          className="k-search__list"
          aria-label={t('search.results')}
          renderEmptyState={() => (
            <p className="k-search__empty" role={results.isError ? 'alert' : undefined}>
              {emptyText()}
            </p>
          )}
        >
          {(r) => (
            <ListBoxItem id={keyOf(r)} className="k-search__item" textValue={`${t(`search.type.${r.type}`)}: ${r.title}`}>
              <Text slot="label" className="k-search__title">
                <span className="kern-badge kern-badge--small kern-badge--info k-search__type">
                  <span className="kern-label">{t(`search.type.${r.type}`)}</span>
                </span>{' '}
                <Highlighted text={r.title} ranges={r.titleHighlights} />
              </Text>
              {r.topicTitle ? (
                <span className="k-search__where">{t('search.inTopic', { topic: r.topicTitle })}</span>
              ) : null}
              {r.snippet ? (
                <Text slot="description" className="k-search__snippet">
                  <Highlighted text={r.snippet} ranges={r.highlights} />
                </Text>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
