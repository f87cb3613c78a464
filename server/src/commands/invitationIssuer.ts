import { invitations, type Db } from '@konvent/db';
import type { Role } from '@konvent/shared';
import { hashSecret, newSecret } from '../auth/secrets';
import { recordAudit } from './auditRecorder';

type Tx = Pick<Db, 'insert'>;

/** How long an invitation link works. */
export const invitationDays = 14;

export interface InvitationIssuerProps {
  workspaceId: string;
  role: Role;
  /** Restricts the link to this address (lowercased); null for an open link. */
  email: string | null;
  createdById: string;
  /** HMAC key: only the hash of the token is stored. */
  key: Buffer;
}

/**
 * Creates an invitation inside the caller's transaction (adding a member without a
 * password issues one in the same transaction). Returns the row and the token, which is
 * never stored and so can be shown only now.
 */
export function issueInvitation(tx: Tx, props: InvitationIssuerProps) {
  const token = newSecret('ki');
  const row = tx
    .insert(invitations)
    .values({
      workspaceId: props.workspaceId,
      tokenHash: hashSecret(props.key, token),
      role: props.role,
      email: props.email,
      createdById: props.createdById,
      expiresAt: new Date(Date.now() + invitationDays * 86_400_000),
    })
    .returning()
    .get();
  recordAudit(tx, {
    workspaceId: props.workspaceId,
    actorId: props.createdById,
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: row.id,
    data: { role: props.role },
  });
  return { row, token };
}
