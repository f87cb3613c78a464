import type { InvitationJSON, InvitationPreviewJSON } from '@konvent/shared';
import type { invitations } from '@konvent/db';
import type { WorkspaceActor } from '../policies/actor';
import { invitationAbilities, isInvitationUsable } from '../policies/invitation';

type InvitationRow = typeof invitations.$inferSelect;

/** Never the token hash. */
export function presentInvitation(row: InvitationRow, actor: WorkspaceActor): InvitationJSON {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    role: row.role,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    abilities: invitationAbilities(actor, row),
  };
}

/** What anyone holding the link may see: no ids, no creator. */
export function presentInvitationPreview(row: InvitationRow, workspaceName: string, now = new Date()): InvitationPreviewJSON {
  return { workspaceName, role: row.role, email: row.email, valid: isInvitationUsable(row, now) };
}
