/**
 * The section's comments, beside the editor: a new comment on the selected passage (or the
 * whole section), the threads in the order of their passages, each with its quote, replies,
 * resolve and reopen, and a jump to the passage. Threads whose passage was deleted stay
 * listed as detached. `?thread=<id>` (links from notifications and search) opens one thread.
 *
 * On narrow screens the panel folds away behind its heading's button.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { compareCodeUnits, compareGerman, type SectionJSON, type ThreadAnchorJSON, type ThreadJSON, type WorkspaceJSON } from '@konvent/shared';
import { useMembers } from '../../api/queries';
import { useAnnounce } from '../../components/Announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { actedSince, now } from '../../components/focusIntent';
import { anchorFromSelection, resolveAnchor } from './anchors';
import { useThreadActions, useThreads } from './api';
import type { CommentBridge } from './bridge';
import { useCommentsTranslation } from './i18n';
import { CommentForm } from './CommentForm';
import type { Mention } from './mentions';
import { ThreadCard } from './ThreadCard';
import './CommentPanel.css';

type Filter = 'open' | 'resolved' | 'all';

/** A new comment being written: the passage it is on (null: the whole section). */
interface Draft {
  anchor: ThreadAnchorJSON | null;
}

export interface CommentPanelProps {
  workspace: WorkspaceJSON;
  section: SectionJSON;
  bridge: CommentBridge;
  /** From `?thread=`: open this thread once the list is loaded. */
  requestedThreadId: string | null;
  /** The person chose a thread (or none): the page keeps it in the URL. */
  onActiveChange: (threadId: string | null) => void;
}

/**
 * Whether moving the focus to a thread takes it from nowhere the person chose: the page (after
 * a form closed), the page heading (where a navigation put it) or the panel itself. Once they
 * have moved on, to the bell or the text, a late-loading thread does not pull them back.
 */
function focusIsFree(panelElement: Element | null): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  if (active.classList.contains('k-page-title')) return true;
  return panelElement !== null && panelElement.contains(active);
}

export function CommentPanel({ workspace, section, bridge, requestedThreadId, onActiveChange }: CommentPanelProps) {
  const { t } = useCommentsTranslation();
  const announce = useAnnounce();
  const threads = useThreads(workspace.id, section.id);
  const members = useMembers(workspace.id);
  const actions = useThreadActions(workspace.id, section.id);
  const { editor, passages } = useSyncExternalStore(bridge.subscribe, bridge.getSnapshot);

  const [filter, setFilter] = useState<Filter>('open');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [expanded, setExpanded] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const people = useMemo<Mention[]>(
    () => (members.data ?? []).map((m) => ({ userId: m.userId, name: m.name })).sort((a, b) => compareGerman(a.name, b.name)),
    [members.data],
  );
  const all = useMemo(() => threads.data ?? [], [threads.data]);
  const openCount = all.filter((th) => !th.resolved).length;

  /** Passage order first, then threads on the whole section, then those whose passage is gone. */
  const ordered = useMemo(() => {
    const rank = (th: ThreadJSON): [number, number] => {
      if (!th.anchor) return [1, 0];
      const p = passages.get(th.id);
      if (p) return [0, p.from];
      if (p === null || th.detached) return [2, 0];
      return [0, Number.MAX_SAFE_INTEGER];
    };
    return [...all].sort((a, b) => {
      const [ga, pa] = rank(a);
      const [gb, pb] = rank(b);
      return ga - gb || pa - pb || compareCodeUnits(a.createdAt, b.createdAt);
    });
  }, [all, passages]);
  const visible = ordered.filter((th) => filter === 'all' || (filter === 'open' ? !th.resolved : th.resolved));

  const isDetached = useCallback(
    (th: ThreadJSON) => {
      if (!th.anchor) return false;
      const p = passages.get(th.id);
      return p === undefined ? th.detached : p === null;
    },
    [passages],
  );

  // The editor highlights open threads; the active one stands out.
  useEffect(() => {
    bridge.setThreads(all, activeId);
  }, [bridge, all, activeId]);

  // A card to bring into view (and focus) as soon as it is rendered: a new thread appears
  // only after the query cache has taken it, which is a render or two after the request.
  // `since`: when it was asked for; a key or pointer press after that means the person has
  // moved on, and the card is shown without taking the focus.
  const pendingCard = useRef<{ id: string; focus: boolean; since: number } | null>(null);
  const revealPendingCard = useCallback(() => {
    const pending = pendingCard.current;
    if (!pending) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(pending.id)}"]`);
    if (!card) return;
    pendingCard.current = null;
    card.scrollIntoView({ block: 'nearest' });
    if (pending.focus && !actedSince(pending.since) && focusIsFree(listRef.current?.closest('aside') ?? null)) {
      card.focus({ preventScroll: true });
    }
  }, []);
  useEffect(revealPendingCard);
  const showCard = useCallback(
    (threadId: string, focus: boolean) => {
      pendingCard.current = { id: threadId, focus, since: now() };
      requestAnimationFrame(revealPendingCard);
    },
    [revealPendingCard],
  );

  // What `?thread=` asked for and was already shown: a choice made here also lands in the URL,
  // and must not be taken for a new request (which would move the focus).
  const [handledRequest, setHandledRequest] = useState<string | null>(null);
  const [shownRequest, setShownRequest] = useState<{ id: string; found: boolean } | null>(null);
  const scrolledTo = useRef<string | null>(null);
  const activate = useCallback(
    (threadId: string | null) => {
      setHandledRequest(threadId);
      scrolledTo.current = threadId;
      setActiveId(threadId);
      onActiveChange(threadId);
    },
    [onActiveChange],
  );

  // ?thread=<id>: show that thread (also a resolved one) once the list is here.
  if (requestedThreadId && requestedThreadId !== handledRequest && threads.data) {
    const th = threads.data.find((x) => x.id === requestedThreadId);
    setHandledRequest(requestedThreadId);
    setShownRequest({ id: requestedThreadId, found: th !== undefined });
    if (th) {
      if (th.resolved) setFilter('all');
      setExpanded(true);
      setActiveId(th.id);
    }
  }
  useEffect(() => {
    if (!shownRequest) return;
    if (shownRequest.found) showCard(shownRequest.id, true);
    else announce(t('notFound'), 'danger');
  }, [shownRequest, showCard, announce, t]);
  // … and bring its passage into view in the text (without taking the focus from the thread).
  useEffect(() => {
    if (!requestedThreadId || scrolledTo.current === requestedThreadId || !editor) return;
    if (!passages.get(requestedThreadId)) return;
    scrolledTo.current = requestedThreadId;
    const mark = editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(requestedThreadId)}"]`);
    mark?.scrollIntoView({ block: 'center' });
  }, [requestedThreadId, editor, passages]);

  const startDraft = useCallback(() => {
    if (!section.abilities.comment) return;
    const anchor = editor ? anchorFromSelection(editor) : null;
    setDraft({ anchor });
    setExpanded(true);
  }, [editor, section.abilities.comment]);

  // A click on a highlight opens its thread; Ctrl+Alt+M in the text starts a comment.
  useEffect(
    () =>
      bridge.setHandlers({
        activate: (threadId) => {
          const th = all.find((x) => x.id === threadId);
          if (th?.resolved && filter === 'open') setFilter('all');
          setExpanded(true);
          activate(threadId);
          showCard(threadId, false);
        },
        compose: startDraft,
      }),
    [bridge, all, filter, activate, showCard, startDraft],
  );

  const jump = (th: ThreadJSON) => {
    activate(th.id);
    if (!editor || !th.anchor) return;
    const passage = resolveAnchor(editor, th.anchor);
    if (!passage) {
      announce(t('jumpGone'));
      return;
    }
    editor.chain().setTextSelection(passage).scrollIntoView().run();
    // Tiptap's focus command waits for the next frame; a key pressed right after the jump
    // (Enter, then Delete) would still go to the button. ProseMirror's own focus is immediate.
    editor.view.focus();
  };

  const submitDraft = async (current: Draft, body: string) => {
    const thread = await actions.create.mutateAsync({ body, anchor: current.anchor });
    setDraft(null);
    if (filter === 'resolved') setFilter('open');
    activate(thread.id);
    showCard(thread.id, true);
    announce(t('composer.saved'));
  };

  const headingId = `comments-${section.id}`;
  const bodyId = `comments-body-${section.id}`;
  return (
    <aside className={`k-comments${expanded ? '' : ' k-comments--folded'}`} aria-labelledby={headingId}>
      <div className="k-comments__head">
        <h2 id={headingId} className="kern-heading-small k-comments__title">
          {t('title')} <span className="k-comments__count">({t('count', { count: openCount })})</span>
        </h2>
        <button
          type="button"
          className="kern-btn kern-btn--tertiary kern-btn--small k-comments__fold"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded((e) => !e)}
        >
          <span className="kern-label">{expanded ? t('hide') : t('show')}</span>
        </button>
      </div>
      <div id={bodyId} className="k-comments__body">
        {section.abilities.comment ? (
          draft ? null : (
            <div className="k-comments__new">
              <button type="button" className="kern-btn kern-btn--secondary kern-btn--small" onClick={startDraft}>
                <span className="kern-label">{t('comment')}</span>
              </button>
              <p className="kern-hint">{t('commentHint')}</p>
            </div>
          )
        ) : (
          <p className="kern-hint">{t('guest')}</p>
        )}

        {draft ? (
          <CommentForm
            className="k-comments__composer"
            formLabel={t('composer.title')}
            intro={
              <p className="k-comments__composer-target">
                {draft.anchor ? (
                  <>
                    {t('composer.onPassage')}: <q className="k-thread__quote-text">{draft.anchor.quote}</q>
                  </>
                ) : (
                  t('composer.onSection')
                )}
              </p>
            }
            label={t('composer.label')}
            sendLabel={t('composer.submit')}
            cancelLabel={t('composer.cancel')}
            people={people}
            onSend={(body) => submitDraft(draft, body)}
            onCancel={() => {
              setDraft(null);
              editor?.commands.focus();
            }}
          />
        ) : null}

        <fieldset className="k-comments__filter">
          <legend className="konvent-visually-hidden">{t('filter.label')}</legend>
          {(['open', 'resolved', 'all'] as const).map((f) => (
            <label key={f} className={`k-comments__filter-option${filter === f ? ' k-comments__filter-option--on' : ''}`}>
              <input type="radio" name={`comment-filter-${section.id}`} value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {t(`filter.${f}`)}
            </label>
          ))}
        </fieldset>

        {threads.isPending ? (
          <Loading />
        ) : threads.isError ? (
          <ErrorAlert error={threads.error} onRetry={() => void threads.refetch()} />
        ) : visible.length === 0 ? (
          <p className="k-empty">{t(`empty.${filter}`)}</p>
        ) : (
          <ol ref={listRef} className="k-comments__list">
            {visible.map((th) => (
              <li key={th.id}>
                <ThreadCard
                  thread={th}
                  active={th.id === activeId}
                  detached={isDetached(th)}
                  people={people}
                  actions={actions}
                  onActivate={() => activate(th.id)}
                  onJump={() => jump(th)}
                />
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
