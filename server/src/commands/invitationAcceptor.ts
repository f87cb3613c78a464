import { and, eq, isNull } from 'drizzle-orm';
import { invitations, memberships, users, type Db } from '@konvent/db';
import { type HttpError, badRequest, conflict, forbidden } from '../errors';
import { isInvitationUsable } from '../policies/invitation';
import type { UserRow } from '../auth/sessions';
import { recordAudit } from './auditRecorder';

type InvitationRow = typeof invitations.$inferSelect;

export interface InvitationAcceptorProps {
  invitation: InvitationRow;
  /** The signed-in person, or null: then `newAccount` describes the account to create. */
  user: UserRow | null;
  newAccount?: { name: string; email: string; organisation?: string; passwordHash: string };
}

/** Why an invitation that exists cannot be used, as a 409 that says so. */
export function unusableInvitation(invitation: InvitationRow): HttpError | null {
  if (invitation.acceptedAt) return conflict('This invitation has already been used.');
  if (invitation.revokedAt) return conflict('This invitation has been revoked.');
  if (!isInvitationUsable(invitation)) return conflict('This invitation has expired.');
  return null;
}

/**
 * Uses an invitation once: joins the signed-in person, or creates the account (or sets the
 * password of the account a moderator created for this very address) and joins it. The
 * invitation is re-checked inside the transaction, so two accepts of one link cannot both win.
 */
export function invitationAcceptor(db: Db, props: InvitationAcceptorProps): UserRow {
  return db.transaction((tx) => {
    const invitation = tx.select().from(invitations).where(eq(invitations.id, props.invitation.id)).get()!;
    const refusal = unusableInvitation(invitation);
    if (refusal) throw refusal;

    let user = props.user;
    if (user) {
      if (invitation.email && invitation.email !== user.email) {
        throw forbidden('This invitation is for another e-mail address.');
      }
    } else {
      const account = props.newAccount!;
      if (invitation.email && invitation.email !== account.email) {
        throw badRequest('Invalid email: this invitation is for another e-mail address.', {
          issues: [{ field: 'email', code: 'mismatch', message: 'The invitation is for another e-mail address.' }],
        });
      }
      const existing = tx.select().from(users).where(eq(users.email, account.email)).get();
      if (existing && (existing.passwordHash || invitation.email !== existing.email)) {
        throw conflict('An account with this e-mail address exists: sign in first, then accept the invitation.');
      }
      user = existing
        ? tx
            .update(users)
            .set({ passwordHash: account.passwordHash, name: account.name, organisation: account.organisation || existing.organisation })
            .where(eq(users.id, existing.id))
            .returning()
            .get()
        : tx
            .insert(users)
            .values({ email: account.email, name: account.name, organisation: account.organisation || null, passwordHash: account.passwordHash })
            .returning()
            .get();
    }

    const membership = tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, invitation.workspaceId), eq(memberships.userId, user.id)))
      .get();
    // A person a moderator added without a password is already a member: the link only
    // lets them set it. Anyone else who already belongs has no use for the link.
    if (membership && invitation.email !== user.email) throw conflict('You are already a member of this workspace.');
    if (!membership) {
      tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role }).run();
    }
    tx.update(invitations)
      .set({ acceptedAt: new Date(), acceptedById: user.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .run();
    recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      data: { role: invitation.role, joined: !membership },
    });
    return user;
  });
}
