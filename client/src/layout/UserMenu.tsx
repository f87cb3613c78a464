import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useCurrentUser } from '../app/session';
import { useAnnounce } from '../components/Announcer';
import { languages, setLanguage, type Language } from '../i18n';

/** Profile and settings, the language, and logout. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  async function logout() {
    try {
      await api('/auth/logout', { method: 'POST', allowUnauthenticated: true });
    } finally {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      announce(t('header.loggedOut'));
      void navigate('/anmelden', { replace: true });
    }
  }

  const current = (i18n.resolvedLanguage ?? 'de') as Language;

  return (
    <MenuTrigger>
      <Button className="k-user-button" aria-label={t('header.userMenu', { name: user.name })}>
        <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
        <span className="k-user-button__name">{user.name}</span>
        <span className="k-chevron" aria-hidden="true" />
      </Button>
      <Popover className="k-popover" placement="bottom end">
        <Menu
          className="k-menu"
          aria-label={t('header.userMenu', { name: user.name })}
          onAction={(key) => {
            if (key === 'logout') void logout();
            else if (key === 'settings') void navigate('/einstellungen');
          }}
        >
          <MenuItem id="settings" className="k-menu__item">
            {t('header.settings')}
          </MenuItem>
          <Separator className="k-menu__separator" />
          <MenuSection
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[current]}
            onSelectionChange={(keys) => {
              const next = keys === 'all' ? undefined : [...keys][0];
              if (next === 'de' || next === 'en') setLanguage(next);
            }}
          >
            <Header className="k-menu__header">{t('header.language')}</Header>
            {languages.map((lng) => (
              <MenuItem key={lng} id={lng} className="k-menu__item k-menu__item--check" lang={lng}>
                {t(`language.${lng}`)}
              </MenuItem>
            ))}
          </MenuSection>
          <Separator className="k-menu__separator" />
          <MenuItem id="logout" className="k-menu__item">
            {t('header.logout')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
