/**
 * The bell in the header: unread count on the button (also in its accessible name), a menu of
 * the latest notifications that opens each at its place and marks it read, and "mark all read".
 * New notifications arrive over socket.io into the react-query cache (RealtimeProvider); the
 * bell announces them in the app's polite live region.
 */
import { useEffect, useRef } from 'react';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator, Text } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationJSON } from '@konvent/shared';
import { useAnnounce } from '../../components/Announcer';
import { formatRelative } from '../../components/format';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';
import { notificationSentence } from './sentence';
import './NotificationBell.css';

const readAllKey = '__read-all';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.data ?? [];
  const unread = list.data?.unreadCount ?? 0;

  // Announce only what arrives after the first load, not what was already there.
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!list.data) return;
    if (!seen.current) {
      seen.current = new Set(list.data.data.map((n) => n.id));
      return;
    }
    for (const n of list.data.data) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      if (!n.read) announce(t('notifications.arrived', { text: notificationSentence(t, n) }));
    }
  }, [list.data, announce, t]);

  const label = unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');

  function open(n: NotificationJSON) {
    if (!n.read) markRead.mutate(n.id);
    void navigate(n.link);
  }

  return (
    <MenuTrigger>
      <Button className="k-bell" aria-label={label}>
        <svg className="k-bell__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="k-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </Button>
      <Popover className="k-popover k-bell__popover" placement="bottom end">
        <Menu
          className="k-menu"
          aria-label={t('notifications.title')}
          disabledKeys={unread === 0 ? [readAllKey] : []}
          onAction={(key) => {
            if (key === readAllKey) {
              markAll.mutate(undefined, { onSuccess: () => announce(t('notifications.allRead')) });
              return;
            }
            const n = items.find((x) => x.id === key);
            if (n) open(n);
          }}
        >
          <MenuSection>
            <Header className="k-menu__header">{t('notifications.title')}</Header>
            {items.length === 0 ? (
              <MenuItem id="__empty" className="k-menu__item k-bell__empty" isDisabled textValue={t('notifications.empty')}>
                {list.isError ? t('notifications.loadError') : list.isPending ? t('app.loading') : t('notifications.empty')}
              </MenuItem>
            ) : (
              items.map((n) => {
                const sentence = notificationSentence(t, n);
                return (
                <MenuItem
                  key={n.id}
                  id={n.id}
                  className="k-menu__item k-bell__item"
                  data-unread={!n.read || undefined}
                  textValue={sentence}
                >
                  <span className="k-bell__dot" aria-hidden="true" />
                  <span className="k-bell__body">
                    <Text slot="label" className="k-bell__text">
                      {!n.read ? <span className="kern-sr-only">{t('notifications.unread')}: </span> : null}
                      {sentence}
                    </Text>
                    <Text slot="description" className="k-bell__meta">
                      {t(`notifications.kind.${n.kind}`)}
                      {n.actor ? ` · ${n.actor.name}` : ''}
                      {' · '}
                      <time dateTime={n.createdAt}>{formatRelative(n.createdAt, i18n.language)}</time>
                      {n.excerpt ? <span className="k-bell__excerpt">„{n.excerpt}“</span> : null}
                    </Text>
                  </span>
                </MenuItem>
                );
              })
            )}
          </MenuSection>
          <Separator className="k-menu__separator" />
          <MenuItem id={readAllKey} className="k-menu__item">
            {t('notifications.markAllRead')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
