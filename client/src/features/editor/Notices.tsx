/**
 * KERN alerts above the text: why this person may only read, and why the connection was
 * refused. The wording names the reason in plain German; the server enforces it anyway.
 */
import type { ReactNode } from 'react';
import { can, type SectionJSON, type WorkspaceJSON } from '@konvent/shared';
import { useTopics } from '../../api/queries';
import { loginPath } from '../../app/session';
import type { RefusalKind } from './connection';
import { useEditorTranslation } from './i18n';

function Alert({ tone, title, children }: { tone: 'info' | 'warning' | 'danger'; title: string; children: ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${tone} konvent-editor__notice`} data-testid={`editor-notice-${tone}`}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      <div className="kern-alert__body">{children}</div>
    </div>
  );
}

function TopicReason({ workspaceId, topicId }: { workspaceId: string; topicId: string }) {
  const { t } = useEditorTranslation();
  const topics = useTopics(workspaceId);
  const topic = topics.data?.find((candidate) => candidate.id === topicId);
  return <>{topic ? t('readOnly.subgroup', { topic: topic.title }) : t('readOnly.subgroupUnknown')}</>;
}

/**
 * The reason is explained from the data, not decided: `abilities.edit` (the server's answer)
 * already said "read only"; this only picks the sentence that tells the person why.
 */
export function ReadOnlyNotice({ section, workspace }: { section: SectionJSON; workspace: WorkspaceJSON }) {
  const { t } = useEditorTranslation();
  let reason: ReactNode;
  if (section.deletedAt) reason = t('readOnly.trash');
  else if (section.status === 'final') reason = t('readOnly.final');
  else if (!can(workspace.role, 'section.write')) reason = t('readOnly.guest');
  else if (section.topicId) reason = <TopicReason workspaceId={workspace.id} topicId={section.topicId} />;
  else reason = t('readOnly.unassigned');
  return (
    <Alert tone="info" title={t('readOnly.title')}>
      <p className="kern-body" data-testid="editor-readonly-reason">
        {reason}
      </p>
    </Alert>
  );
}

export function RefusalNotice({ refusal, returnTo }: { refusal: RefusalKind; returnTo: string }) {
  const { t } = useEditorTranslation();
  return (
    <div role="alert">
      <Alert tone={refusal === 'unauthorized' ? 'warning' : 'danger'} title={t('refused.title')}>
        <p className="kern-body">{t(`refused.${refusal}`)}</p>
        {refusal === 'unauthorized' ? (
          <p className="kern-body">
            <a className="kern-link" href={loginPath(returnTo, true)}>
              {t('refused.toLogin')}
            </a>
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
