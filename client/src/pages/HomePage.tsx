/** `/`: straight into the only or last-used working group; a list when there are several. */
import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { rememberedWorkspace, useSession } from '../app/session';
import { EmptyState } from '../components/feedback';
import { PageTitle } from '../components/PageTitle';

export function HomePage() {
  const { t } = useTranslation();
  const { memberships } = useSession();
  const remembered = rememberedWorkspace();
  const target =
    memberships.length === 1
      ? memberships[0]!.workspaceId
      : memberships.find((m) => m.workspaceId === remembered)?.workspaceId;
  if (target) return <Navigate to={`/a/${target}`} replace />;
  return (
    <div className="k-stack">
      <PageTitle>{t('home.title')}</PageTitle>
      {memberships.length === 0 ? (
        <EmptyState>{t('home.none')}</EmptyState>
      ) : (
        <ul className="k-plain-list k-stack-sm">
          {memberships.map((m) => (
            <li key={m.workspaceId}>
              <Link to={`/a/${m.workspaceId}`} className="kern-link">
                {m.workspaceName}
              </Link>{' '}
              <span className="k-muted">({t(`roles.${m.role}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
