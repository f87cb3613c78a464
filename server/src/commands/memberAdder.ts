import { and, eq } from 'drizzle-orm';
import { memberships, users, type Db } from '@konvent/db';
import type { Role } from '@konvent/shared';
import { conflict } from '../errors';
import { recordAudit } from './auditRecorder';
import { issueInvitation } from './invitationIssuer';

export interface MemberAdderProps {
  workspaceId: string;
  actorId: string;
  email: string;
  name: string;
  organisation?: string;
  role: Role;
  /** Already hashed (hashing is async and must happen before the transaction). */
  passwordHash?: string;
  key: Buffer;
}

/**
 * Adds a person to a workspace: creates the account when the address is new, or adds the
 * existing account (whose name and password stay untouched: a moderator must never set
 * someone else's password). An account that cannot log in yet gets an invitation link to
 * set its password. Throws 409 when the person already is a member.
 */
export function memberAdder(db: Db, props: MemberAdderProps) {
  return db.transaction((tx) => {
    let user = tx.select().from(users).where(eq(users.email, props.email)).get();
    if (user) {
      const existing = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, props.workspaceId), eq(memberships.userId, user.id)))
        .get();
      if (existing) throw conflict(`${props.email} is already a member of this workspace.`);
    } else {
      user = tx
        .insert(users)
        .values({
          email: props.email,
          name: props.name,
          organisation: props.organisation || null,
          passwordHash: props.passwordHash ?? null,
        })
        .returning()
        .get();
    }
    tx.insert(memberships).values({ workspaceId: props.workspaceId, userId: user.id, role: props.role }).run();
    recordAudit(tx, {
      workspaceId: props.workspaceId,
      actorId: props.actorId,
      action: 'member.added',
      entityType: 'member',
      entityId: user.id,
      data: { role: props.role, name: user.name },
    });
    const invitation = user.passwordHash
      ? null
      : issueInvitation(tx, {
          workspaceId: props.workspaceId,
          role: props.role,
          email: user.email,
          createdById: props.actorId,
          key: props.key,
        });
    return { user, invitation };
  });
}
