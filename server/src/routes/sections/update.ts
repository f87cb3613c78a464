import type { RequestHandler } from 'express';
import { Events, can, updateSectionSchema, type SectionJSON } from '@konvent/shared';
import type { AppContext } from '../../context';
import { sectionUpdater, type SectionUpdaterProps } from '../../commands/sectionUpdater';
import { conflict } from '../../errors';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { isInTrash, mayChangeStatus, mayUpdateSection, sectionAbilities } from '../../policies/section';
import { isTopicLead } from '../../policies/topic';
import { publishNotifications } from '../notifications/publish';
import { broadcastSections } from './broadcast';
import { liveSections, loadSectionForActor, presentSections } from './load';
import { checkAssignee, resolveParent, resolveTopic } from './references';

/**
 * PATCH /sections/:sectionId. Every field that changes is checked on its own: the status
 * against the workflow (mayChangeStatus), everything else against mayUpdateSection, and a
 * new topic or parent must be one the caller may put sections into.
 */
export function updateSectionHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, { body: updateSectionSchema }, ({ auth, body, params }): SectionJSON => {
    const { section, actor } = loadSectionForActor(db, auth.user, params.sectionId!);
    const differs = <K extends keyof typeof body & keyof typeof section>(key: K) =>
      body[key] !== undefined && body[key] !== section[key];
    const outlineFields = (['title', 'topicId', 'parentId', 'assigneeId', 'dueDate'] as const).filter(differs);
    const positionGiven = body.position !== undefined && (differs('parentId') || body.position !== section.position);
    const statusChange = differs('status') ? body.status : undefined;

    if (!outlineFields.length && !positionGiven && !statusChange) {
      // Nothing changes; still no 200 for someone who could not have changed anything.
      const abilities = sectionAbilities(actor, section);
      authorize(can(actor.role, 'workspace.read') && (abilities.update || abilities.setStatus));
      return presentSections(db, [section], actor)[0]!;
    }
    if (isInTrash(section)) {
      // Only those who may restore it learn that restoring is the way forward.
      authorize(can(actor.role, 'outline.manage'));
      throw conflict('This section is in the trash: restore it first.');
    }
    if (outlineFields.length || positionGiven) authorize(mayUpdateSection(actor, section));
    if (statusChange) authorize(mayChangeStatus(actor, section, statusChange));

    const changes: SectionUpdaterProps['changes'] = {};
    if (differs('title')) changes.title = body.title;
    if (statusChange) changes.status = statusChange;
    if (differs('dueDate')) changes.dueDate = body.dueDate;
    if (differs('assigneeId')) {
      if (body.assigneeId) checkAssignee(db, section.workspaceId, body.assigneeId);
      changes.assigneeId = body.assigneeId;
    }
    if (differs('topicId')) {
      const topicId = body.topicId ?? null;
      if (topicId) resolveTopic(db, section.workspaceId, topicId);
      // A lead may hand a section only to another topic they lead, never out of all topics.
      authorize(can(actor.role, 'outline.manage') || isTopicLead(actor, topicId), {
        message: 'You may move sections only into a topic you lead.',
      });
      changes.topicId = topicId;
    }
    if (differs('parentId') || positionGiven) {
      const parentId = body.parentId !== undefined ? body.parentId : section.parentId;
      if (parentId && differs('parentId')) {
        const parent = resolveParent(liveSections(db, section.workspaceId), parentId, section.id);
        authorize(mayUpdateSection(actor, parent), { message: 'You may not add sections under this parent.' });
      }
      changes.move = { parentId, position: body.position };
    }

    const { section: updated, moved, notifications } = sectionUpdater(db, { section, actorId: auth.user.id, changes });
    if (changes.status || changes.topicId !== undefined || changes.assigneeId !== undefined) {
      ctx.collab.permissionsChanged({ workspaceId: section.workspaceId, sectionIds: [section.id] });
    }
    broadcastSections(ctx, section.workspaceId, Events.SectionUpdated, [updated.id, ...moved]);
    publishNotifications(ctx, notifications);
    return presentSections(db, [updated], actor)[0]!;
  });
}
