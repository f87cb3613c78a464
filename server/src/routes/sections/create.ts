import type { RequestHandler } from 'express';
import { Events, can, createSectionSchema, type SectionJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { sectionCreator } from '../../commands/sectionCreator';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { mayUpdateSection } from '../../policies/section';
import { isTopicLead } from '../../policies/topic';
import { loadWorkspaceForActor } from '../workspaces/load';
import { broadcastSections } from './broadcast';
import { liveSections, presentSections } from './load';
import { resolveParent, resolveTopic } from './references';

/**
 * POST /workspaces/:workspaceId/sections. Moderators create anywhere; a subgroup lead
 * creates sections of their own topic, at the root or under a section they may update.
 * Without `topicId` a section under a parent belongs to the parent's topic.
 */
export function createSectionHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, { body: createSectionSchema, status: 201 }, ({ auth, body, params }): SectionJSON => {
    const { workspace, actor } = loadWorkspaceForActor(db, auth.user, params.workspaceId!);
    const parent = body.parentId ? resolveParent(liveSections(db, workspace.id), body.parentId) : null;
    const topicId = body.topicId !== undefined ? body.topicId : (parent?.topicId ?? null);
    if (topicId) resolveTopic(db, workspace.id, topicId);

    authorize(
      can(actor.role, 'outline.manage') || (isTopicLead(actor, topicId) && (!parent || mayUpdateSection(actor, parent))),
      { message: 'Only moderators, and subgroup leads for their own topic, may add sections.' },
    );

    const { section, moved } = sectionCreator(db, {
      workspaceId: workspace.id,
      actorId: auth.user.id,
      title: body.title,
      topicId,
      parentId: parent?.id ?? null,
      position: body.position,
    });
    broadcastSections(ctx, workspace.id, Events.SectionCreated, [section.id]);
    broadcastSections(ctx, workspace.id, Events.SectionUpdated, moved);
    return presentSections(db, [section], actor)[0]!;
  });
}
