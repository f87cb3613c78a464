/** The subgroup (Arbeitsgruppe) of a topic: its members and leads. */
import { Router } from 'express';
import { and, eq } from 'drizzle-orm';
import { memberships } from '@konvent/db';
import { Events, addSubgroupMemberSchema, can, updateSubgroupMemberSchema } from '@konvent/shared';
import type { AppContext } from '../../context';
import { subgroupLeadSetter, subgroupMemberAdder, subgroupMemberRemover } from '../../commands/subgroupEditor';
import { badRequest, notFound } from '../../errors';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { mayManageSubgroup } from '../../policies/topic';
import { presentSubgroupMember } from '../../presenters/topic';
import { perRecipient } from '../workspaces/load';
import { loadTopicForActor, presentOneTopic, subgroupMembersOf, type TopicRow } from './load';

export function subgroupRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  const membersOf = (topicId: string) => subgroupMembersOf(db, [topicId]).get(topicId) ?? [];

  /** After a committed change: new rights on open connections, the topic to everyone. */
  const announce = (topic: TopicRow, userId: string) => {
    ctx.collab.permissionsChanged({ workspaceId: topic.workspaceId, userIds: [userId] });
    ctx.realtime.toWorkspace(topic.workspaceId, Events.TopicUpdated, perRecipient(db, topic.workspaceId, (a) => presentOneTopic(db, topic, a)));
  };

  router.get(
    '/topics/:topicId/members',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { topic, actor } = loadTopicForActor(db, auth.user, params.topicId!);
      authorize(can(actor.role, 'workspace.read'));
      return { data: membersOf(topic.id).map(presentSubgroupMember) };
    }),
  );

  router.post(
    '/topics/:topicId/members',
    endpoint(ctx, { body: addSubgroupMemberSchema, status: 201 }, ({ auth, body, params }) => {
      const { topic, actor } = loadTopicForActor(db, auth.user, params.topicId!);
      authorize(mayManageSubgroup(actor, topic.id));
      const membership = db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, topic.workspaceId), eq(memberships.userId, body.userId)))
        .get();
      if (!membership || !can(membership.role, 'subgroup.join')) {
        throw badRequest('Invalid userId: only members and moderators of this workspace can join a subgroup.', {
          issues: [{ field: 'userId', code: 'invalid_reference', message: 'Not a member or moderator of this workspace.' }],
        });
      }
      subgroupMemberAdder(db, {
        workspaceId: topic.workspaceId,
        topicId: topic.id,
        userId: body.userId,
        actorId: auth.user.id,
        lead: body.lead ?? false,
      });
      announce(topic, body.userId);
      return presentSubgroupMember(membersOf(topic.id).find((m) => m.userId === body.userId)!);
    }),
  );

  router.patch(
    '/topics/:topicId/members/:userId',
    endpoint(ctx, { body: updateSubgroupMemberSchema }, ({ auth, body, params }) => {
      const { topic, actor } = loadTopicForActor(db, auth.user, params.topicId!);
      authorize(mayManageSubgroup(actor, topic.id));
      const changed = subgroupLeadSetter(db, {
        workspaceId: topic.workspaceId,
        topicId: topic.id,
        userId: params.userId!,
        actorId: auth.user.id,
        lead: body.lead,
      });
      if (changed) announce(topic, params.userId!);
      const member = membersOf(topic.id).find((m) => m.userId === params.userId);
      if (!member) throw notFound('Subgroup member');
      return presentSubgroupMember(member);
    }),
  );

  router.delete(
    '/topics/:topicId/members/:userId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { topic, actor } = loadTopicForActor(db, auth.user, params.topicId!);
      authorize(mayManageSubgroup(actor, topic.id));
      subgroupMemberRemover(db, { workspaceId: topic.workspaceId, topicId: topic.id, userId: params.userId!, actorId: auth.user.id });
      announce(topic, params.userId!);
      return undefined;
    }),
  );

  return router;
}
