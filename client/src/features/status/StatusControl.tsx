/**
 * The status changes this person may make, as buttons beside the section's status fact:
 * "Zur Prüfung geben", "Zurück in den Entwurf", "Als abgestimmt festlegen" (after a
 * confirmation that says the text becomes read-only for everyone), "Wieder öffnen". Nothing
 * renders for someone who may not change the status. Success is announced; a refusal (409,
 * 403) shows right here.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionJSON } from '@konvent/shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { statusMoves, type StatusMove } from './transitions';
import { useStatusChange } from './useStatusChange';
import './StatusControl.css';

export function StatusControl({ section }: { section: SectionJSON }) {
  const { t } = useTranslation();
  const change = useStatusChange(section.workspaceId);
  const [confirming, setConfirming] = useState<StatusMove | null>(null);
  const group = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const moves = statusMoves(section);

  // The button that was pressed is gone once the status changed: keep the focus in the
  // group (after a dialog has given it back) instead of losing it to the page.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    const timer = setTimeout(() => {
      const target = group.current?.querySelector<HTMLElement>('button:not([disabled])') ?? group.current;
      target?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [section.status]);

  if (!moves.length) return null;

  function run(move: StatusMove) {
    change.reset();
    if (move.confirm) {
      setConfirming(move);
      return;
    }
    change.mutate({ section, to: move.to }, { onSuccess: () => (refocus.current = true) });
  }

  return (
    <div ref={group} className="k-status-control" role="group" aria-label={t('statusControl.label')} tabIndex={-1}>
      <div className="k-status-control__buttons">
        {moves.map((move) => (
          <button
            key={move.to}
            type="button"
            className={`kern-btn kern-btn--x-small ${move.to === 'final' ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
            disabled={change.isPending}
            onClick={() => run(move)}
          >
            <span className="kern-label">{t(move.label)}</span>
          </button>
        ))}
      </div>
      {change.isError && !confirming ? (
        <Alert tone="danger" live>
          {t('statusControl.failed', { title: section.title, message: errorText(t, change.error) })}
        </Alert>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('statusControl.finalTitle')}
          text={t('statusControl.finalText', { title: section.title })}
          confirmLabel={t('statusControl.finalConfirm')}
          onConfirm={() =>
            change.mutateAsync({ section, to: confirming.to }).then(() => {
              refocus.current = true;
            })
          }
          onClose={() => {
            setConfirming(null);
            // A refusal was shown in the dialog; do not repeat it here once it is closed.
            change.reset();
          }}
        />
      ) : null}
    </div>
  );
}
