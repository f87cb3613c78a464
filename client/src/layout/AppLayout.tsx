/**
 * The frame of every signed-in page: skip link, header (working group, live state, user
 * menu), main navigation of the open working group, demo banner, and the main landmark.
 */
import { Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../api/queries';
import { rememberedWorkspace, useSession } from '../app/session';
import { Header } from './Header';
import { MainNav } from './MainNav';
import './AppLayout.css';

export function AppLayout() {
  const { t } = useTranslation();
  const { memberships } = useSession();
  const params = useParams();
  // Outside a working group (settings) the header still shows the one last used.
  const remembered = rememberedWorkspace();
  const workspaceId =
    params.workspaceId ??
    (remembered && memberships.some((m) => m.workspaceId === remembered) ? remembered : memberships[0]?.workspaceId ?? null);
  const workspace = useWorkspace(workspaceId);
  const ws = workspace.data ?? null;

  return (
    <div className="k-app">
      <a className="k-skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Header workspace={ws} />
      {ws ? <MainNav workspaceId={ws.id} /> : null}
      {ws?.isDemo ? (
        <div className="k-demo-banner" role="note">
          <span className="kern-badge kern-badge--warning kern-badge--small">
            <span className="kern-label">Demo</span>
          </span>
          <span>{t('app.demoBanner')}</span>
        </div>
      ) : null}
      <main id="main" className="k-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
