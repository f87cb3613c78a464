/** /a/:workspaceId: progress per topic and status, the subgroups, what is due, recent activity. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { sectionStatuses, type ActivityJSON, type DashboardJSON, type SectionStatus } from '@konvent/shared';
import { useDashboard } from '../api/queries';
import { useCurrentWorkspace } from '../app/session';
import { EmptyState, ErrorAlert, Loading } from '../components/feedback';
import { formatDate, formatDateTime, isOverdue } from '../components/format';
import { PageTitle } from '../components/PageTitle';
import { StatusBadge } from '../components/StatusBadge';
import './DashboardPage.css';

export function DashboardPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const dashboard = useDashboard(workspace.id);
  return (
    <div>
      <PageTitle title={`${t('dashboard.title')} – ${workspace.name}`}>{t('dashboard.title')}</PageTitle>
      {workspace.description ? <p className="kern-body k-lead">{workspace.description}</p> : null}
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardBody data={dashboard.data} workspaceId={workspace.id} />
      )}
    </div>
  );
}

function DashboardBody({ data, workspaceId }: { data: DashboardJSON; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const base = `/a/${workspaceId}`;
  return (
    <div className="k-stack-lg">
      <section className="k-panel" aria-labelledby="dash-summary">
        <h2 id="dash-summary" className="kern-heading-small">
          {t('dashboard.sectionsTotal')}
        </h2>
        <ul className="k-plain-list k-status-counts">
          {sectionStatuses.map((s) => (
            <li key={s}>
              <span className="k-status-counts__n">{data.sectionsByStatus[s] ?? 0}</span> <StatusBadge status={s} />
            </li>
          ))}
          <li>
            <Link to={`${base}/mitglieder`} className="kern-link">
              {t('dashboard.memberCount', { count: data.memberCount })}
            </Link>
          </li>
        </ul>
      </section>

      <div className="k-dash-columns">
        <section aria-labelledby="dash-topics" className="k-stack">
          <h2 id="dash-topics" className="kern-heading-medium">
            {t('dashboard.topics')}
          </h2>
          {data.topics.length === 0 ? <EmptyState>{t('dashboard.noTopics')}</EmptyState> : null}
          {data.topics.map(({ topic, sectionsByStatus, wordCount }) => {
            const total = sectionStatuses.reduce((sum, s) => sum + (sectionsByStatus[s] ?? 0), 0);
            const done = sectionsByStatus.final ?? 0;
            const progressId = `progress-${topic.id}`;
            const leads = topic.members.filter((m) => m.lead);
            const others = topic.members.filter((m) => !m.lead);
            return (
              <article key={topic.id} className="k-panel k-topic-card" aria-labelledby={`topic-${topic.id}`}>
                <h3 id={`topic-${topic.id}`} className="kern-heading-small">
                  {topic.title}
                </h3>
                <div className="kern-progress">
                  <label htmlFor={progressId} className="kern-label kern-label--small">
                    {total === 0 ? t('dashboard.noSections') : t('dashboard.sectionsOfTopic', { done, total })}
                  </label>
                  <progress id={progressId} max={Math.max(total, 1)} value={done}>
                    {done}/{total}
                  </progress>
                </div>
                <p className="k-topic-card__counts">
                  {sectionStatuses.map((s) => (
                    <span key={s}>
                      <StatusBadge status={s} /> {sectionsByStatus[s] ?? 0}
                    </span>
                  ))}
                  <span className="k-muted">{t('dashboard.words', { count: wordCount })}</span>
                </p>
                <h4 className="k-subheading">{t('dashboard.subgroup')}</h4>
                {topic.members.length === 0 ? (
                  <EmptyState>{t('dashboard.noMembers')}</EmptyState>
                ) : (
                  <ul className="k-people">
                    {[...leads, ...others].map((m) => (
                      <li key={m.userId}>
                        {m.name}
                        {m.lead ? (
                          <span className="kern-badge kern-badge--small kern-badge--info k-badge">
                            <span className="kern-label">{t('dashboard.lead')}</span>
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            );
          })}
        </section>

        <div className="k-stack-lg">
          <section aria-labelledby="dash-due" className="k-panel">
            <h2 id="dash-due" className="kern-heading-small">
              {t('dashboard.due')}
            </h2>
            {data.due.length === 0 ? (
              <EmptyState>{t('dashboard.noDue')}</EmptyState>
            ) : (
              <ul className="k-plain-list k-due-list">
                {data.due.map((s) => {
                  const overdue = isOverdue(s.dueDate);
                  return (
                    <li key={s.id} className={overdue ? 'k-due--overdue' : undefined}>
                      <Link to={`${base}/bericht/${s.id}`} className="kern-link">
                        {s.title}
                      </Link>
                      <span className="k-due__meta">
                        {s.dueDate ? t('dashboard.dueOn', { date: formatDate(s.dueDate, i18n.language) }) : null}
                        {overdue ? (
                          <span className="kern-badge kern-badge--small kern-badge--danger k-badge">
                            <span className="kern-label">{t('dashboard.overdue')}</span>
                          </span>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="dash-activity" className="k-panel">
            <h2 id="dash-activity" className="kern-heading-small">
              {t('dashboard.activity')}
            </h2>
            {data.recentActivity.length === 0 ? (
              <EmptyState>{t('dashboard.noActivity')}</EmptyState>
            ) : (
              <ul className="k-plain-list k-activity">
                {data.recentActivity.map((a) => (
                  <li key={a.id}>
                    <ActivityText activity={a} base={base} />
                    <time className="k-muted" dateTime={a.createdAt}>
                      {formatDateTime(a.createdAt, i18n.language)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** Where an entry leads: the section it is about, or the comment's thread in its section. */
function activityLink(activity: ActivityJSON, base: string): string | null {
  const data = activity.data ?? {};
  if (activity.entityType === 'section' && activity.entityId && activity.action !== 'section.deleted') {
    return `${base}/bericht/${activity.entityId}`;
  }
  if (activity.entityType === 'comment' && typeof data.sectionId === 'string') {
    const thread = typeof data.threadId === 'string' ? `?thread=${encodeURIComponent(data.threadId)}` : '';
    return `${base}/bericht/${data.sectionId}${thread}`;
  }
  return null;
}

function ActivityText({ activity, base }: { activity: ActivityJSON; base: string }) {
  const { t, i18n } = useTranslation();
  const actor = activity.actorName ?? t('dashboard.someone');
  // Audit actions are dotted (`section.moved`); i18next reads dots as nesting, so map them.
  const key = `activity.${activity.action.replace(/\./g, '_')}`;
  const data = activity.data ?? {};
  const title = typeof data.title === 'string' ? data.title : activity.action === 'section.renamed' && typeof data.to === 'string' ? data.to : null;
  const sentence = i18n.exists(key) ? t(key, { actor }) : t('activity.other', { actor, action: activity.action });
  const isStatus = (v: unknown): v is SectionStatus => typeof v === 'string' && (sectionStatuses as readonly string[]).includes(v);
  const change =
    activity.action === 'section.status_changed' && isStatus(data.from) && isStatus(data.to)
      ? t('activity.statusFromTo', { from: t(`status.${data.from}`), to: t(`status.${data.to}`) })
      : null;
  const link = activityLink(activity, base);
  return (
    <span>
      {sentence}
      {title ? (
        <>
          : {link ? (
            <Link to={link} className="kern-link">
              „{title}“
            </Link>
          ) : (
            <>„{title}“</>
          )}
        </>
      ) : link ? (
        <>
          {' '}
          (
          <Link to={link} className="kern-link">
            {t('activity.open')}
          </Link>
          )
        </>
      ) : null}
      {change ? <> ({change})</> : null}
    </span>
  );
}
