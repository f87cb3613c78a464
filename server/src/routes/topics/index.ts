/** Focus topics (Fokusthemen) of a workspace: list, create, read, update and reorder. */
import { Router } from 'express';
import { Events, can, createTopicSchema, listTopicsQuerySchema, updateTopicSchema, type TopicJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { topicCreator, topicUpdater } from '../../commands/topicEditor';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { mayManageTopic } from '../../policies/topic';
import { loadWorkspaceForActor, perRecipient } from '../workspaces/load';
import { loadTopicForActor, presentOneTopic, presentTopics, topicsOf } from './load';
import { subgroupRouter } from './subgroup';

export function topicsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get(
    '/workspaces/:workspaceId/topics',
    endpoint(ctx, { query: listTopicsQuerySchema }, ({ auth, query, params }) => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(can(actor.role, 'workspace.read'));
      // Like the trash of sections: `?archived=1` lists the archive, not everything.
      const archived = query.archived ?? false;
      const rows = topicsOf(db, workspace.id).filter((t) => (t.archivedAt != null) === archived);
      return { data: presentTopics(db, rows, actor) };
    }),
  );

  router.post(
    '/workspaces/:workspaceId/topics',
    endpoint(ctx, { body: createTopicSchema, status: 201 }, ({ auth, body, params }): TopicJSON => {
      const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
      authorize(mayManageTopic(actor));
      const topic = topicCreator(db, { workspaceId: workspace.id, actorId: auth.user.id, ...body });
      ctx.realtime.toWorkspace(workspace.id, Events.TopicCreated, perRecipient(db, workspace.id, (a) => presentOneTopic(db, topic, a)));
      return presentOneTopic(db, topic, actor);
    }),
  );

  router.get(
    '/topics/:topicId',
    endpoint(ctx, {}, ({ auth, params }) => {
      const { topic, actor } = loadTopicForActor(db, auth.user, params.topicId!);
      return presentOneTopic(db, topic, actor);
    }),
  );

  router.patch(
    '/topics/:topicId',
    endpoint(ctx, { body: updateTopicSchema }, ({ auth, body, params }) => {
      const { topic, actor } = loadTopicForActor(db, auth.user, params.topicId!);
      authorize(mayManageTopic(actor));
      const updated = topicUpdater(db, { topic, actorId: auth.user.id, ...body });
      const workspaceId = topic.workspaceId;
      // A reorder moves siblings too: every topic of the workspace is sent again, one event each.
      const changed = body.position !== undefined ? topicsOf(db, workspaceId) : [updated];
      for (const row of changed) {
        ctx.realtime.toWorkspace(workspaceId, Events.TopicUpdated, perRecipient(db, workspaceId, (a) => presentOneTopic(db, row, a)));
      }
      return presentOneTopic(db, updated, actor);
    }),
  );

  router.use(subgroupRouter(ctx));
  return router;
}
