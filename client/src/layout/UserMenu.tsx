import { useState } from 'react';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { compareGerman, type SectionJSON } from '@konvent/shared';
import { keys } from '../api/queries';
import { logoutOnServer } from '../app/logout';
import { useCurrentUser } from '../app/session';
import { useAnnounce } from '../components/Announcer';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { deleteLocalCopies, settleOpenSessions, unsentSections } from '../features/editor/localCopies';
import { languages, setLanguage, type Language } from '../i18n';

/** Profile and settings, the language, and logout. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  /** Sections whose edits have not reached the server; set while logout asks about them. */
  const [unsent, setUnsent] = useState<string[] | null>(null);

  function requestLogout() {
    settleOpenSessions();
    const pending = unsentSections(user.id);
    if (pending.length > 0) setUnsent(pending);
    else void logout();
  }

  async function logout() {
    await logoutOnServer();
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
    announce(t('header.loggedOut'));
    void navigate('/anmelden', { replace: true });
    // After leaving the page: an open editor closes its copy, and a copy is deleted once closed.
    void deleteLocalCopies(user.id).catch(() => undefined);
  }

  const current = (i18n.resolvedLanguage ?? 'de') as Language;

  // The titles of the sections in question, as far as this page has loaded them (the copies'
  // bookkeeping holds ids only, and offline the server cannot be asked).
  const unsentTitles = (unsent ?? [])
    .map((id) => queryClient.getQueryData<SectionJSON>(keys.section(id))?.title)
    .filter((title): title is string => title !== undefined)
    .sort(compareGerman);
  const untitled = (unsent?.length ?? 0) - unsentTitles.length;

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
            if (key === 'logout') requestLogout();
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
      {unsent ? (
        <ConfirmDialog
          title={t('header.unsentTitle')}
          text={t('header.unsentText', { count: unsent.length })}
          details={
            unsentTitles.length > 0 ? (
              <ul className="kern-list kern-list--bullet" aria-label={t('header.unsentList')}>
                {unsentTitles.map((title, i) => (
                  <li key={i}>{title}</li>
                ))}
                {untitled > 0 ? <li>{t('header.unsentOthers', { count: untitled })}</li> : null}
              </ul>
            ) : null
          }
          confirmLabel={t('header.logoutAnyway')}
          onConfirm={logout}
          onClose={() => setUnsent(null)}
        />
      ) : null}
    </MenuTrigger>
  );
}
