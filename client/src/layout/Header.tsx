import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkspaceJSON } from '@konvent/shared';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { SearchBox } from '../features/search/SearchBox';
import { ConnectionIndicator } from './ConnectionIndicator';
import { UserMenu } from './UserMenu';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

export function Header({ workspace }: { workspace: WorkspaceJSON | null }) {
  const { t } = useTranslation();
  return (
    <header className="k-header">
      <div className="k-header__brand">
        <Link to="/" className="k-header__logo">
          {t('app.name')}
        </Link>
        {workspace ? <WorkspaceSwitcher current={workspace} /> : null}
      </div>
      <div className="k-header__tools">
        {workspace ? <SearchBox key={workspace.id} workspaceId={workspace.id} /> : null}
        <NotificationBell />
        <ConnectionIndicator />
        <UserMenu />
      </div>
    </header>
  );
}
