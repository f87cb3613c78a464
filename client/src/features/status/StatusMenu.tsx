/**
 * "Status ändern" in the outline row's action menu: a submenu of the changes this person
 * may make. The menu closes when an item is chosen, so the confirmation for "final" and the
 * outcome live in StatusChangeProvider, which the outline page puts around its tree.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Menu, MenuItem, Popover, SubmenuTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SectionJSON } from '@konvent/shared';
import { useAnnounce } from '../../components/Announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/errors';
import { statusMoves, type StatusMove } from './transitions';
import { useStatusChange } from './useStatusChange';

type Request = (section: SectionJSON, move: StatusMove) => void;

const StatusChangeContext = createContext<Request | null>(null);

export function StatusChangeProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const change = useStatusChange(workspaceId);
  const [confirming, setConfirming] = useState<{ section: SectionJSON; move: StatusMove } | null>(null);
  const { mutate } = change;

  const request = useCallback<Request>(
    (section, move) => {
      if (move.confirm) {
        setConfirming({ section, move });
        return;
      }
      mutate(
        { section, to: move.to },
        { onError: (err) => announce(t('statusControl.failed', { title: section.title, message: errorText(t, err) }), 'danger') },
      );
    },
    [mutate, announce, t],
  );

  return (
    <StatusChangeContext.Provider value={request}>
      {children}
      {confirming ? (
        <ConfirmDialog
          title={t('statusControl.finalTitle')}
          text={t('statusControl.finalText', { title: confirming.section.title })}
          confirmLabel={t('statusControl.finalConfirm')}
          onConfirm={() => change.mutateAsync({ section: confirming.section, to: confirming.move.to })}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </StatusChangeContext.Provider>
  );
}

/** The submenu for one section; nothing when this person may not change its status. */
export function StatusSubmenu({ section }: { section: SectionJSON }) {
  const { t } = useTranslation();
  const request = useContext(StatusChangeContext);
  const moves = statusMoves(section);
  if (!request || !moves.length) return null;
  return (
    <SubmenuTrigger>
      <MenuItem id="status" className="k-menu__item">
        {t('statusControl.menu')}
      </MenuItem>
      <Popover className="k-popover" placement="end top">
        <Menu
          className="k-menu"
          onAction={(key) => {
            const move = moves.find((m) => m.to === key);
            if (move) request(section, move);
          }}
        >
          {moves.map((move) => (
            <MenuItem key={move.to} id={move.to} className="k-menu__item">
              {t(move.label)}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </SubmenuTrigger>
  );
}
