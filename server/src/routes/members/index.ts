/** Members of a workspace: list, add (creating the account if needed), change role, remove. */
import { Router } from 'express';
import { Events, can, createMemberSchema, updateMemberSchema, type CreatedMemberJSON } from '@konvent/shared';
import { hashPassword } from '../../auth/passwords';
import type { AppContext } from '../../context';
import { memberAdder } from '../../commands/memberAdder';
import { memberRemover } from '../../commands/memberRemover';
import { memberRoleChanger } from '../../commands/memberRoleChanger';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { mayManageMembers } from '../../policies/member';
import { presentInvitation } from '../../presenters/invitation';
import { invitationUrl } from '../invitations/url';
import { loadWorkspaceForActor, perRecipient } from '../workspaces/load';
import { presentMembers, presentOneMember } from './load';

export function membersRouter(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;

  const broadcastMember = (workspaceId: string, userId: string, event: string) =>
    ctx.realtime.toWorkspace(workspaceId, event, perRecipient(db, workspaceId, (a) => presentOneMember(db, workspaceId, userId, a)));

  router.get(
    '/workspaces/:workspaceId/members',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.read'));
      return { data: presentMembers(db, workspace.id, actor) };
    }),
  );

  router.post(
    '/workspaces/:workspaceId/members',
    endpoint(ctx, { body: createMemberSchema, status: 201 }, async ({ req, auth, body, params }): Promise<CreatedMemberJSON> => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(mayManageMembers(actor));
      // Hash before the transaction: better-sqlite3 transactions must not await.
      const passwordHash = body.password ? await hashPassword(body.password) : undefined;
      const { user, invitation } = memberAdder(db, {
        workspaceId: workspace.id,
        actorId: auth.user.id,
        email: body.email,
        name: body.name,
        organisation: body.organisation,
        role: body.role,
        passwordHash,
        key: config.secret,
      });
      ctx.collab.permissionsChanged({ workspaceId: workspace.id, userIds: [user.id] });
      ctx.realtime.joinWorkspace(user.id, workspace.id);
      broadcastMember(workspace.id, user.id, Events.MemberCreated);
      return {
        member: presentOneMember(db, workspace.id, user.id, actor)!,
        invitation: invitation
          ? {
              invitation: presentInvitation(invitation.row, actor),
              token: invitation.token,
              url: invitationUrl(config, req, invitation.token),
            }
          : null,
      };
    }),
  );

  router.patch(
    '/workspaces/:workspaceId/members/:userId',
    endpoint(ctx, { body: updateMemberSchema }, ({ auth, body, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(mayManageMembers(actor));
      const { changed } = memberRoleChanger(db, {
        workspaceId: workspace.id,
        userId: params.userId!,
        role: body.role,
        actorId: auth.user.id,
      });
      if (changed) {
        ctx.collab.permissionsChanged({ workspaceId: workspace.id, userIds: [params.userId!] });
        broadcastMember(workspace.id, params.userId!, Events.MemberUpdated);
      }
      // The caller may have demoted themselves: present with their fresh actor.
      const { actor: after } = loadWorkspaceForActor(db, auth.user, workspace.id);
      return presentOneMember(db, workspace.id, params.userId!, after)!;
    }),
  );

  router.delete(
    '/workspaces/:workspaceId/members/:userId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(mayManageMembers(actor));
      const userId = params.userId!;
      memberRemover(db, { workspaceId: workspace.id, userId, actorId: auth.user.id });
      ctx.collab.permissionsChanged({ workspaceId: workspace.id, userIds: [userId] });
      ctx.realtime.leaveWorkspace(userId, workspace.id);
      const removed = { workspaceId: workspace.id, userId };
      ctx.realtime.toWorkspace(workspace.id, Events.MemberRemoved, () => removed);
      // The removed person's own client must learn it too, to leave the workspace's pages.
      ctx.realtime.toUser(userId, Events.MemberRemoved, removed);
      return undefined;
    }),
  );

  return router;
}
