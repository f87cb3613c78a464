import { can, Events, type PresentUserJSON, type PresenceUpdatedEvent } from '@konvent/shared';
import type { AppContext } from '../../context';
import { presentSectionPresence } from '../../presenters/presence';
import { perRecipient } from '../workspaces/load';

/**
 * `presence.updated` to the workspace room once the presence registry settled a section.
 * Recipients are picked as for the section events: current members who may read the
 * section (someone removed a moment ago gets nothing even if their socket is still there).
 * Runs from a timer, so a failure is logged, never thrown.
 */
export function broadcastPresence(ctx: AppContext, workspaceId: string, sectionId: string, users: PresentUserJSON[]): void {
  try {
    const payload: PresenceUpdatedEvent = { workspaceId, ...presentSectionPresence(sectionId, users) };
    ctx.realtime.toWorkspace(
      workspaceId,
      Events.PresenceUpdated,
      perRecipient(ctx.db, workspaceId, (actor) => (can(actor.role, 'workspace.read') ? payload : undefined)),
    );
  } catch (err) {
    ctx.logger.error('presence broadcast failed', { workspaceId, sectionId, err: String(err) });
  }
}
