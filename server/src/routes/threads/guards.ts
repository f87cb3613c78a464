import { can } from '@konvent/shared';
import { conflict } from '../../errors';
import type { WorkspaceActor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { isResolved } from '../../policies/comment';
import { isInTrash } from '../../policies/section';
import type { SectionRow, ThreadRow } from './load';

/**
 * Writing on a section: 403 for people who may not comment at all (observers), 409 for a
 * section in the trash, which nobody may comment on until it is restored.
 */
export function authorizeCommenting(actor: WorkspaceActor, section: SectionRow): void {
  authorize(can(actor.role, 'section.comment'), { message: 'You may read comments but not write them.' });
  if (isInTrash(section)) throw conflict('This section is in the trash: restore it before commenting.');
}

/** A resolved thread takes replies only after it is reopened. */
export function ensureOpen(thread: ThreadRow): void {
  if (isResolved(thread)) throw conflict('This thread is resolved: reopen it first to reply.');
}
