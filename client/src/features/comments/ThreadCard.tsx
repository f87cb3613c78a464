/**
 * One thread in the comment panel: the quoted passage (a button that jumps to it, or a note
 * that it was deleted), the comments oldest first with edit and delete where allowed, a reply
 * field, and resolve or reopen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentJSON, ThreadJSON } from '@konvent/shared';
import { useAnnounce } from '../../components/Announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/errors';
import { formatDateTime, formatRelative } from '../../components/format';
import { colorForUser } from '../editor/colors';
import type { useThreadActions } from './api';
import { useCommentsTranslation } from './i18n';
import { CommentForm } from './CommentForm';
import { parseBody, type Mention } from './mentions';

type Actions = ReturnType<typeof useThreadActions>;

interface ThreadCardProps {
  thread: ThreadJSON;
  active: boolean;
  detached: boolean;
  people: Mention[];
  actions: Actions;
  onActivate: () => void;
  onJump: () => void;
}

export function ThreadCard({ thread, active, detached, people, actions, onActivate, onJump }: ThreadCardProps) {
  const { t } = useCommentsTranslation();
  const { t: tApp } = useTranslation();
  const announce = useAnnounce();
  const [replying, setReplying] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const first = thread.comments[0];
  const author = first?.authorName ?? t('item.unknownAuthor');
  const titleId = `thread-${thread.id}-title`;
  const quote = thread.anchor?.quote ?? thread.quote;

  const toggleResolved = async () => {
    try {
      await actions.setResolved.mutateAsync({ threadId: thread.id, resolved: !thread.resolved });
      announce(thread.resolved ? t('thread.reopenedDone') : t('thread.resolvedDone'));
    } catch (err) {
      announce(errorText(tApp, err), 'danger');
    }
  };

  return (
    <article
      className={`k-thread${active ? ' k-thread--active' : ''}${thread.resolved ? ' k-thread--resolved' : ''}`}
      aria-labelledby={titleId}
      data-thread-id={thread.id}
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target === event.currentTarget || !active) onActivate();
      }}
    >
      <h3 id={titleId} className="konvent-visually-hidden">
        {t('thread.label', { name: author })}
      </h3>
      <div className="k-thread__anchor">
        {!thread.anchor ? (
          <p className="k-thread__whole">{t('thread.wholeSection')}</p>
        ) : detached ? (
          <>
            <p className="k-thread__quote k-thread__quote--detached">
              <q className="k-thread__quote-text">{quote}</q>
            </p>
            <p className="k-thread__badge k-thread__badge--detached">
              <strong>{t('thread.detached')}</strong>: {t('thread.detachedHint')}
            </p>
          </>
        ) : (
          <button type="button" className="k-thread__quote k-thread__jump" onClick={onJump} aria-label={t('thread.quoteJump', { quote })}>
            <q className="k-thread__quote-text">{quote}</q>
          </button>
        )}
        {thread.resolved ? <p className="k-thread__badge">{t('thread.resolved')}</p> : null}
      </div>

      <ol className="k-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} people={people} actions={actions} />
          </li>
        ))}
      </ol>

      {replying && thread.abilities.reply && !thread.resolved ? (
        <ReplyForm thread={thread} people={people} actions={actions} onDone={() => setReplying(false)} />
      ) : null}

      <div className="k-comments__actions">
        {thread.abilities.reply && !thread.resolved && !replying ? (
          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small" onClick={() => setReplying(true)}>
            <span className="kern-label">{t('thread.reply')}</span>
          </button>
        ) : null}
        {thread.abilities.resolve ? (
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--small"
            onClick={() => void toggleResolved()}
            disabled={actions.setResolved.isPending}
          >
            <span className="kern-label">{thread.resolved ? t('thread.reopen') : t('thread.resolve')}</span>
          </button>
        ) : null}
        {thread.abilities.delete ? (
          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small k-thread__delete" onClick={() => setConfirmDelete(true)}>
            <span className="kern-label">{t('thread.delete')}</span>
          </button>
        ) : null}
      </div>

      {confirmDelete ? (
        <ConfirmDialog
          title={t('thread.deleteTitle')}
          text={t('thread.deleteText')}
          confirmLabel={t('thread.delete')}
          onConfirm={async () => {
            await actions.deleteThread.mutateAsync(thread.id);
            announce(t('thread.deleted'));
          }}
          onClose={() => setConfirmDelete(false)}
        />
      ) : null}
    </article>
  );
}

function ReplyForm({ thread, people, actions, onDone }: { thread: ThreadJSON; people: Mention[]; actions: Actions; onDone: () => void }) {
  const { t } = useCommentsTranslation();
  const announce = useAnnounce();
  return (
    <CommentForm
      className="k-thread__reply"
      label={t('thread.replyLabel')}
      sendLabel={t('thread.replySubmit')}
      cancelLabel={t('composer.cancel')}
      people={people}
      onSend={async (body) => {
        await actions.reply.mutateAsync({ threadId: thread.id, body });
        announce(t('thread.replied'));
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

function CommentItem({ comment, people, actions }: { comment: CommentJSON; people: Mention[]; actions: Actions }) {
  const { t, i18n } = useCommentsTranslation();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const author = comment.authorName ?? t('item.unknownAuthor');

  return (
    <div className="k-comment">
      <p className="k-comment__meta">
        <span
          className="k-comment__dot"
          style={{ backgroundColor: comment.authorId ? colorForUser(comment.authorId) : undefined }}
          aria-hidden="true"
        />
        <strong className="k-comment__author">{author}</strong>{' '}
        <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt, i18n.language)} className="k-comment__time">
          {formatRelative(comment.createdAt, i18n.language)}
        </time>
        {comment.editedAt ? <span className="k-comment__edited"> ({t('item.edited')})</span> : null}
      </p>
      {editing ? (
        <CommentForm
          label={t('item.editLabel')}
          sendLabel={t('item.save')}
          cancelLabel={t('item.cancel')}
          people={people}
          initialBody={comment.body}
          onSend={async (body) => {
            await actions.editComment.mutateAsync({ commentId: comment.id, body });
            setEditing(false);
            announce(t('item.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="k-comment__body">
          {parseBody(comment.body).map((part, i) =>
            part.kind === 'text' ? (
              part.text
            ) : (
              <span key={i} className="k-mention">
                @{part.name}
              </span>
            ),
          )}
        </p>
      )}
      {!editing && (comment.abilities.edit || comment.abilities.delete) ? (
        <div className="k-comment__actions" role="group" aria-label={t('item.actions', { name: author })}>
          {comment.abilities.edit ? (
            <button type="button" className="k-link-button" onClick={() => setEditing(true)}>
              {t('item.edit')}
            </button>
          ) : null}
          {comment.abilities.delete ? (
            <button type="button" className="k-link-button" onClick={() => setConfirmDelete(true)}>
              {t('item.delete')}
            </button>
          ) : null}
        </div>
      ) : null}
      {confirmDelete ? (
        <ConfirmDialog
          title={t('item.deleteTitle')}
          text={t('item.deleteText')}
          confirmLabel={t('item.delete')}
          onConfirm={async () => {
            await actions.deleteComment.mutateAsync(comment.id);
            announce(t('item.deleted'));
          }}
          onClose={() => setConfirmDelete(false)}
        />
      ) : null}
    </div>
  );
}
