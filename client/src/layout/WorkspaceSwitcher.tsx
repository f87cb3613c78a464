import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkspaceJSON } from '@konvent/shared';
import { useSession } from '../app/session';

/** The working group's name; a menu to switch when the person belongs to several. */
export function WorkspaceSwitcher({ current }: { current: WorkspaceJSON }) {
  const { t } = useTranslation();
  const { memberships } = useSession();
  if (memberships.length <= 1) {
    return (
      <Link to={`/a/${current.id}`} className="k-header__workspace">
        <span className="kern-sr-only">{t('header.workspace')}: </span>
        {current.name}
      </Link>
    );
  }
  return (
    <MenuTrigger>
      <Button className="k-header__workspace k-header__workspace--menu" aria-label={`${t('header.switchWorkspace')}: ${current.name}`}>
        {current.name}
        <span className="k-chevron" aria-hidden="true" />
      </Button>
      <Popover className="k-popover" placement="bottom start">
        <Menu className="k-menu" aria-label={t('header.switchWorkspace')}>
          {memberships.map((m) => (
            <MenuItem key={m.workspaceId} id={m.workspaceId} href={`/a/${m.workspaceId}`} className="k-menu__item" textValue={m.workspaceName}>
              {m.workspaceName}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
