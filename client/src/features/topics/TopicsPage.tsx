/** /a/:workspaceId/fokusthemen: focus topics with their subgroups; moderators and leads manage them. */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TopicJSON, UpdateTopicInput } from '@konvent/shared';
import { api } from '../../api/client';
import { keys, useMembers, useTopics } from '../../api/queries';
import { useCurrentWorkspace } from '../../app/session';
import { useAnnounce } from '../../components/Announcer';
import { EmptyState, ErrorAlert, Loading } from '../../components/feedback';
import { errorText } from '../../components/errors';
import { PageTitle } from '../../components/PageTitle';
import { TopicCard } from './TopicCard';
import { TopicDialog } from './TopicDialog';
import './TopicsPage.css';

export function TopicsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const topics = useTopics(workspace.id);
  const members = useMembers(workspace.id);
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [dialog, setDialog] = useState<{ topic: TopicJSON | null } | null>(null);

  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: keys.topics(workspace.id) });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(workspace.id) });
  };

  const patch = useMutation({
    mutationFn: ({ topic, body }: { topic: TopicJSON; body: UpdateTopicInput; message: string }) =>
      api<TopicJSON>(`/topics/${topic.id}`, { method: 'PATCH', body }),
    onSuccess: (_res, { message }) => announce(message),
    onError: (err) => announce(errorText(t, err), 'danger'),
    onSettled: invalidate,
  });

  const all = [...(topics.data ?? [])].sort((a, b) => a.position - b.position);
  const active = all.filter((x) => !x.archived);
  const archived = all.filter((x) => x.archived);

  function move(topic: TopicJSON, delta: -1 | 1) {
    const index = active.findIndex((x) => x.id === topic.id);
    const other = active[index + delta];
    if (!other) return;
    patch.mutate({
      topic,
      body: { position: other.position },
      message: t('topics.moved', { title: topic.title, position: index + delta + 1 }),
    });
  }

  return (
    <div>
      <PageTitle
        title={`${t('topics.title')} – ${workspace.name}`}
        actions={
          workspace.abilities.manageTopics ? (
            <button type="button" className="kern-btn kern-btn--primary" onClick={() => setDialog({ topic: null })}>
              <span className="kern-icon kern-icon--add" aria-hidden="true" />
              <span className="kern-label">{t('topics.create')}</span>
            </button>
          ) : null
        }
      >
        {t('topics.title')}
      </PageTitle>
      <p className="kern-body k-muted">{t('topics.intro')}</p>
      {topics.isPending ? (
        <Loading />
      ) : topics.isError ? (
        <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} />
      ) : (
        <div className="k-stack-lg">
          {active.length === 0 ? <EmptyState>{t('topics.none')}</EmptyState> : null}
          <ol className="k-plain-list k-stack">
            {active.map((topic, i) => (
              <li key={topic.id}>
                <TopicCard
                  topic={topic}
                  workspaceId={workspace.id}
                  members={members.data ?? []}
                  isFirst={i === 0}
                  isLast={i === active.length - 1}
                  onEdit={() => setDialog({ topic })}
                  onMove={(delta) => move(topic, delta)}
                  onArchive={() => patch.mutate({ topic, body: { archived: true }, message: t('topics.archivedDone', { title: topic.title }) })}
                />
              </li>
            ))}
          </ol>
          {archived.length > 0 ? (
            <section aria-labelledby="archived-topics">
              <h2 id="archived-topics" className="kern-heading-small">
                {t('topics.archivedList')}
              </h2>
              <ul className="k-plain-list">
                {archived.map((topic) => (
                  <li key={topic.id} className="k-archived-topic">
                    <span>{topic.title}</span>
                    {topic.abilities.update ? (
                      <button
                        type="button"
                        className="kern-btn kern-btn--secondary kern-btn--x-small"
                        aria-label={t('topics.unarchiveLabel', { title: topic.title })}
                        onClick={() =>
                          patch.mutate({ topic, body: { archived: false }, message: t('topics.unarchivedDone', { title: topic.title }) })
                        }
                      >
                        <span className="kern-label">{t('topics.unarchive')}</span>
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
      {dialog ? <TopicDialog workspaceId={workspace.id} topic={dialog.topic} onClose={() => setDialog(null)} onSaved={invalidate} /> : null}
    </div>
  );
}
