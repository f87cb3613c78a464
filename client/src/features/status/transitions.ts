/**
 * The status changes to offer a person, read from the section's abilities (the server's
 * policy decides them; the client only maps them to buttons): `setStatus` means at least one
 * change is allowed, `finalize` means setting final and reopening too. Without `finalize`
 * that leaves handing between draft and review, which is what a subgroup lead may do.
 */
import type { SectionJSON, SectionStatus } from '@konvent/shared';

export interface StatusMove {
  to: SectionStatus;
  /** i18n key of the action's label. */
  label: 'statusControl.toReview' | 'statusControl.toDraft' | 'statusControl.toFinal' | 'statusControl.reopen';
  /** Locking the text for everyone is asked about first. */
  confirm: boolean;
}

const toFinal: StatusMove = { to: 'final', label: 'statusControl.toFinal', confirm: true };

export function statusMoves(section: Pick<SectionJSON, 'status' | 'abilities' | 'deletedAt'>): StatusMove[] {
  const { setStatus, finalize } = section.abilities;
  if (!setStatus || section.deletedAt) return [];
  switch (section.status) {
    case 'draft':
      return [{ to: 'review', label: 'statusControl.toReview', confirm: false }, ...(finalize ? [toFinal] : [])];
    case 'review':
      return [...(finalize ? [toFinal] : []), { to: 'draft', label: 'statusControl.toDraft', confirm: false }];
    case 'final':
      return finalize
        ? [
            { to: 'review', label: 'statusControl.reopen', confirm: false },
            { to: 'draft', label: 'statusControl.toDraft', confirm: false },
          ]
        : [];
  }
}
