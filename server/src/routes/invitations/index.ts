/**
 * Invitation links: moderators list, create and revoke them; anyone holding a link may
 * preview and accept it (creating their account when they are not signed in).
 */
import { Router } from 'express';
import { desc, eq } from 'drizzle-orm';
import { invitations, workspaces } from '@konvent/db';
import {
  Events,
  acceptInvitationSchema,
  createInvitationSchema,
  type AcceptedInvitationJSON,
  type CreatedInvitationJSON,
  type InvitationPreviewJSON,
} from '@konvent/shared';
import { setSessionCookie } from '../../auth/cookie';
import { hashPassword } from '../../auth/passwords';
import { hashSecret } from '../../auth/secrets';
import { createLoginSession } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { recordAudit } from '../../commands/auditRecorder';
import { invitationAcceptor, unusableInvitation } from '../../commands/invitationAcceptor';
import { issueInvitation } from '../../commands/invitationIssuer';
import { badRequest, conflict, notFound } from '../../errors';
import { endpoint } from '../../middlewares/endpoint';
import { loadActor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { mayManageInvitations } from '../../policies/invitation';
import { presentUser } from '../../presenters/user';
import { presentInvitation, presentInvitationPreview } from '../../presenters/invitation';
import { presentWorkspace } from '../../presenters/workspace';
import { presentOneMember } from '../members/load';
import { loadWorkspaceForActor, perRecipient } from '../workspaces/load';
import { invitationUrl } from './url';

const requiredWhenSignedOut = ['name', 'email', 'password'] as const;

export function invitationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;

  const byToken = (token: string) =>
    token.length > 200 ? undefined : db.select().from(invitations).where(eq(invitations.tokenHash, hashSecret(config.secret, token))).get();

  router.get(
    '/workspaces/:workspaceId/invitations',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(mayManageInvitations(actor));
      const rows = db
        .select()
        .from(invitations)
        .where(eq(invitations.workspaceId, workspace.id))
        .orderBy(desc(invitations.createdAt))
        .all();
      return { data: rows.map((r) => presentInvitation(r, actor)) };
    }),
  );

  router.post(
    '/workspaces/:workspaceId/invitations',
    endpoint(ctx, { body: createInvitationSchema, status: 201 }, ({ req, auth, body, params }): CreatedInvitationJSON => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(mayManageInvitations(actor));
      const { row, token } = db.transaction((tx) =>
        issueInvitation(tx, {
          workspaceId: workspace.id,
          role: body.role,
          email: body.email ?? null,
          createdById: auth.user.id,
          key: config.secret,
        }),
      );
      ctx.realtime.toWorkspace(
        workspace.id,
        Events.InvitationCreated,
        perRecipient(db, workspace.id, (a) => (mayManageInvitations(a) ? presentInvitation(row, a) : undefined)),
      );
      return { invitation: presentInvitation(row, actor), token, url: invitationUrl(config, req, token) };
    }),
  );

  router.delete(
    '/invitations/:invitationId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const invitation = db.select().from(invitations).where(eq(invitations.id, params.invitationId!)).get();
      const actor = invitation ? loadActor(db, auth.user, invitation.workspaceId) : null;
      authorize(!!actor, { hide: 'Invitation' });
      authorize(mayManageInvitations(actor!));
      if (invitation!.acceptedAt) throw conflict('This invitation has already been used and cannot be revoked.');
      if (invitation!.revokedAt) return undefined;
      const revoked = db.transaction((tx) => {
        const row = tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation!.id)).returning().get();
        recordAudit(tx, {
          workspaceId: row.workspaceId,
          actorId: auth.user.id,
          action: 'invitation.revoked',
          entityType: 'invitation',
          entityId: row.id,
        });
        return row;
      });
      ctx.realtime.toWorkspace(
        revoked.workspaceId,
        Events.InvitationRevoked,
        perRecipient(db, revoked.workspaceId, (a) => (mayManageInvitations(a) ? presentInvitation(revoked, a) : undefined)),
      );
      return undefined;
    }),
  );

  router.get(
    '/invitations/:token',
    endpoint(ctx, { public: true }, ({ params }): InvitationPreviewJSON => {
      const invitation = byToken(params.token!);
      if (!invitation) throw notFound('Invitation');
      const workspace = db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, invitation.workspaceId)).get()!;
      return presentInvitationPreview(invitation, workspace.name);
    }),
  );

  router.post(
    '/invitations/:token/accept',
    endpoint(ctx, { public: true, body: acceptInvitationSchema }, async ({ req, res, auth, body, params }): Promise<AcceptedInvitationJSON> => {
      const invitation = byToken(params.token!);
      if (!invitation) throw notFound('Invitation');
      const refusal = unusableInvitation(invitation);
      if (refusal) throw refusal;
      let newAccount;
      if (!auth) {
        const missing = requiredWhenSignedOut.find((field) => !body[field]);
        if (missing) {
          throw badRequest(`Invalid ${missing}: required to create an account (or sign in first).`, {
            issues: [{ field: missing, code: 'required', message: 'Required when not signed in.' }],
          });
        }
        // Hash before the transaction: better-sqlite3 transactions must not await.
        const passwordHash = await hashPassword(body.password!);
        newAccount = { name: body.name!, email: body.email!, organisation: body.organisation, passwordHash };
      }
      const user = invitationAcceptor(db, { invitation, user: auth?.user ?? null, newAccount });
      if (!auth) {
        const session = createLoginSession(db, config.secret, user.id, config.sessionDays, req.get('user-agent'));
        setSessionCookie(res, config, session.token, session.expiresAt);
      }
      const { workspace, actor } = loadWorkspaceForActor(db, user, invitation.workspaceId);
      ctx.collab.permissionsChanged({ workspaceId: workspace.id, userIds: [user.id] });
      ctx.realtime.joinWorkspace(user.id, workspace.id);
      ctx.realtime.toWorkspace(
        workspace.id,
        Events.MemberCreated,
        perRecipient(db, workspace.id, (a) => presentOneMember(db, workspace.id, user.id, a)),
      );
      return { user: presentUser(user), workspace: presentWorkspace(workspace, actor) };
    }),
  );

  return router;
}
