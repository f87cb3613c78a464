import { can } from '@konvent/shared';
import type { invitations } from '@konvent/db';
import type { WorkspaceActor } from './actor';

type Invitation = Pick<typeof invitations.$inferSelect, 'expiresAt' | 'acceptedAt' | 'revokedAt'>;

/** See, create and revoke invitation links: moderators. */
export function mayManageInvitations(actor: WorkspaceActor): boolean {
  return can(actor.role, 'members.manage');
}

/** An invitation link works once, until it expires or a moderator revokes it. */
export function isInvitationUsable(invitation: Invitation, now = new Date()): boolean {
  return !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt.getTime() > now.getTime();
}

export function invitationAbilities(actor: WorkspaceActor, invitation: Invitation) {
  return { revoke: mayManageInvitations(actor) && isInvitationUsable(invitation) };
}
