/** One focus topic: description, subgroup with leads, and the actions the caller may take. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { compareGerman, type MemberJSON, type TopicJSON } from '@konvent/shared';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { useAnnounce } from '../../components/Announcer';
import { errorText } from '../../components/errors';
import { AddSubgroupMember } from './AddSubgroupMember';

interface Props {
  topic: TopicJSON;
  workspaceId: string;
  members: MemberJSON[];
  isFirst: boolean;
  isLast: boolean;
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onArchive: () => void;
}

type SubgroupChange =
  | { kind: 'add'; userId: string; name: string }
  | { kind: 'remove'; userId: string; name: string }
  | { kind: 'lead'; userId: string; name: string; lead: boolean };

export function TopicCard({ topic, workspaceId, members, isFirst, isLast, onEdit, onMove, onArchive }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const headingId = `topic-${topic.id}`;

  const change = useMutation({
    mutationFn: (c: SubgroupChange) => {
      const base = `/topics/${topic.id}/members`;
      if (c.kind === 'add') return api(base, { method: 'POST', body: { userId: c.userId } });
      if (c.kind === 'remove') return api(`${base}/${c.userId}`, { method: 'DELETE' });
      return api(`${base}/${c.userId}`, { method: 'PATCH', body: { lead: c.lead } });
    },
    onSuccess: (_res, c) => {
      if (c.kind === 'add') announce(t('topics.added', { name: c.name, title: topic.title }));
      else if (c.kind === 'remove') announce(t('topics.removed', { name: c.name }));
      else announce(t(c.lead ? 'topics.leadSet' : 'topics.leadUnset', { name: c.name }));
    },
    onError: (err) => announce(errorText(t, err), 'danger'),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.topics(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: keys.members(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard(workspaceId) });
    },
  });

  const inGroup = new Set(topic.members.map((m) => m.userId));
  const candidates = members.filter((m) => !inGroup.has(m.userId) && m.role !== 'observer');
  const sorted = [...topic.members].sort((a, b) => Number(b.lead) - Number(a.lead) || compareGerman(a.name, b.name));

  return (
    <article className="k-panel k-topic" aria-labelledby={headingId}>
      <div className="k-topic__head">
        <h2 id={headingId} className="kern-heading-small k-topic__title">
          {topic.title}
        </h2>
        <span className="k-muted">{t('topics.sections', { count: topic.sectionCount })}</span>
      </div>
      <p className="kern-body">{topic.description || <span className="k-muted">{t('topics.noDescription')}</span>}</p>

      {topic.abilities.update ? (
        <div className="k-topic__actions">
          <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={onEdit} aria-label={t('topics.editLabel', { title: topic.title })}>
            <span className="kern-icon kern-icon--edit" aria-hidden="true" />
            <span className="kern-label">{t('topics.edit')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            disabled={isFirst}
            onClick={() => onMove(-1)}
            aria-label={t('topics.moveUpLabel', { title: topic.title })}
          >
            <span className="kern-label">↑ {t('topics.moveUp')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            disabled={isLast}
            onClick={() => onMove(1)}
            aria-label={t('topics.moveDownLabel', { title: topic.title })}
          >
            <span className="kern-label">↓ {t('topics.moveDown')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={onArchive} aria-label={t('topics.archiveLabel', { title: topic.title })}>
            <span className="kern-label">{t('topics.archive')}</span>
          </button>
        </div>
      ) : null}

      <h3 className="k-subheading">{t('topics.subgroup')}</h3>
      {sorted.length === 0 ? (
        <p className="k-empty">{t('topics.noMembers')}</p>
      ) : (
        <ul className="k-plain-list k-subgroup">
          {sorted.map((m) => (
            <li key={m.userId} className="k-subgroup__member">
              <span className="k-subgroup__name">
                {m.name}
                {m.organisation ? <span className="k-muted"> · {m.organisation}</span> : null}
              </span>
              {m.lead && !topic.abilities.manageSubgroup ? (
                <span className="kern-badge kern-badge--small kern-badge--info k-badge">
                  <span className="kern-label">{t('topics.lead')}</span>
                </span>
              ) : null}
              {topic.abilities.manageSubgroup ? (
                <span className="k-subgroup__actions">
                  <button
                    type="button"
                    className={`kern-btn kern-btn--x-small ${m.lead ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
                    aria-pressed={m.lead}
                    aria-label={t('topics.leadToggleLabel', { name: m.name })}
                    disabled={change.isPending}
                    onClick={() => change.mutate({ kind: 'lead', userId: m.userId, name: m.name, lead: !m.lead })}
                  >
                    <span className="kern-label">{t('topics.lead')}</span>
                  </button>
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary kern-btn--x-small"
                    aria-label={t('topics.removeMember', { name: m.name })}
                    disabled={change.isPending}
                    onClick={() => change.mutate({ kind: 'remove', userId: m.userId, name: m.name })}
                  >
                    <span className="kern-icon kern-icon--close" aria-hidden="true" />
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {topic.abilities.manageSubgroup ? (
        <AddSubgroupMember
          topicTitle={topic.title}
          candidates={candidates}
          disabled={change.isPending}
          onAdd={(m) => change.mutate({ kind: 'add', userId: m.userId, name: m.name })}
        />
      ) : null}
    </article>
  );
}
