/** /a/:workspaceId/bericht/:sectionId: breadcrumbs, the section's facts, and the editor. */
import { useCallback, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SectionJSON } from '@konvent/shared';
import { ApiError } from '../api/client';
import { useMembers, useSection, useSections, useTopics } from '../api/queries';
import { useCurrentUser, useCurrentWorkspace } from '../app/session';
import { ErrorAlert, Loading } from '../components/feedback';
import { formatDate, isOverdue } from '../components/format';
import { PageTitle } from '../components/PageTitle';
import { StatusBadge } from '../components/StatusBadge';
import { CommentBridge } from '../features/comments/bridge';
import { CommentPanel } from '../features/comments/CommentPanel';
import { SectionEditor } from '../features/editor/SectionEditor';
import { StatusControl } from '../features/status/StatusControl';
import { NotFoundPage } from './NotFoundPage';
import './SectionPage.css';

function ancestors(all: SectionJSON[] | undefined, section: SectionJSON): SectionJSON[] {
  const out: SectionJSON[] = [];
  let parentId = section.parentId;
  while (parentId && all) {
    const parent = all.find((s) => s.id === parentId);
    if (!parent || out.includes(parent)) break;
    out.unshift(parent);
    parentId = parent.parentId;
  }
  return out;
}

export default function SectionPage() {
  const { t, i18n } = useTranslation();
  const { sectionId = '' } = useParams();
  const workspace = useCurrentWorkspace();
  const me = useCurrentUser();
  const section = useSection(sectionId);
  const outline = useSections(workspace.id);
  const topics = useTopics(workspace.id);
  const members = useMembers(workspace.id);
  // One bridge per section: it outlives editor sessions (a change of mode) but not the section.
  const bridge = useMemo(() => new CommentBridge(), [sectionId]); // eslint-disable-line react-hooks/exhaustive-deps
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedThreadId = searchParams.get('thread');
  const onActiveThread = useCallback(
    (threadId: string | null) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (threadId) next.set('thread', threadId);
          else next.delete('thread');
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  if (section.isPending) return <Loading />;
  if (section.isError) {
    if (section.error instanceof ApiError && section.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={section.error} onRetry={() => void section.refetch()} />;
  }
  const s = section.data;
  if (s.workspaceId !== workspace.id) return <NotFoundPage />;
  const topic = topics.data?.find((x) => x.id === s.topicId);
  const assignee = members.data?.find((m) => m.userId === s.assigneeId);
  const overdue = s.status !== 'final' && isOverdue(s.dueDate);

  return (
    <div className="k-section-page">
      <nav aria-label={t('section.breadcrumbs')} className="k-breadcrumbs">
        <ol>
          <li>
            <Link to={`/a/${workspace.id}/bericht`} className="kern-link">
              {t('outline.title')}
            </Link>
          </li>
          {ancestors(outline.data, s).map((a) => (
            <li key={a.id}>
              <Link to={`/a/${workspace.id}/bericht/${a.id}`} className="kern-link">
                {a.title}
              </Link>
            </li>
          ))}
          <li aria-current="page">{s.title}</li>
        </ol>
      </nav>
      <PageTitle title={`${s.title} – ${workspace.name}`}>{s.title}</PageTitle>
      <dl className="k-section-facts">
        <div>
          <dt>{t('section.status')}</dt>
          <dd>
            <StatusBadge status={s.status} />
            <StatusControl section={s} />
          </dd>
        </div>
        <div>
          <dt>{t('section.topic')}</dt>
          <dd>{topic?.title ?? t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('section.assignee')}</dt>
          <dd>{assignee?.name ?? t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('section.dueDate')}</dt>
          <dd className={overdue ? 'k-section-facts--overdue' : undefined}>
            {s.dueDate ? formatDate(s.dueDate, i18n.language) : t('app.none')}
            {overdue ? ` (${t('dashboard.overdue')})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('section.words')}</dt>
          <dd>{s.wordCount}</dd>
        </div>
      </dl>
      <div className="k-section-layout">
        <div className="k-section-layout__main">
          <SectionEditor key={s.id} section={s} workspace={workspace} me={me} comments={bridge} />
        </div>
        <CommentPanel
          key={s.id}
          workspace={workspace}
          section={s}
          bridge={bridge}
          requestedThreadId={requestedThreadId}
          onActiveChange={onActiveThread}
        />
      </div>
    </div>
  );
}
