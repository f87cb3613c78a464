import type { RequestHandler } from 'express';
import { eq } from 'drizzle-orm';
import { sections } from '@konvent/db';
import { Events, can, limits } from '@konvent/shared';
import type { AppContext } from '../../context';
import { sectionRestorer, sectionTrasher } from '../../commands/sectionTrasher';
import { conflict } from '../../errors';
import { endpoint } from '../../middlewares/endpoint';
import { authorize } from '../../policies/authorize';
import { isInTrash, mayUpdateSection } from '../../policies/section';
import { broadcastSections } from './broadcast';
import { depthOf, descendantIds, liveSections, loadSectionForActor, presentSections, subtreeHeight } from './load';

/** DELETE /sections/:sectionId: the section and its subtree go to the trash. */
export function deleteSectionHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, {}, ({ auth, params }) => {
    const { section, actor } = loadSectionForActor(db, auth.user, params.sectionId!);
    authorize(mayUpdateSection(actor, section));
    if (isInTrash(section)) throw conflict('This section is already in the trash.');
    const live = liveSections(db, section.workspaceId);
    const below = [...descendantIds(live, section.id)];
    // The subtree goes with it: a lead may not trash another topic's sections nested below theirs.
    authorize(
      live.filter((s) => below.includes(s.id)).every((s) => mayUpdateSection(actor, s)),
      { message: 'Sections of another topic are nested below this one; only moderators may delete it.' },
    );
    const { trashed, moved } = sectionTrasher(db, { section, descendantIds: below, actorId: auth.user.id });
    ctx.collab.permissionsChanged({ workspaceId: section.workspaceId, sectionIds: trashed });
    broadcastSections(ctx, section.workspaceId, Events.SectionDeleted, trashed);
    broadcastSections(ctx, section.workspaceId, Events.SectionUpdated, moved);
    return undefined;
  });
}

/**
 * POST /sections/:sectionId/restore (moderators): back at the end of its old parent, or at
 * the root when that parent is in the trash too or no longer has room for the subtree.
 */
export function restoreSectionHandler(ctx: AppContext): RequestHandler {
  const { db } = ctx;
  return endpoint(ctx, {}, ({ auth, params }) => {
    const { section, actor } = loadSectionForActor(db, auth.user, params.sectionId!);
    authorize(can(actor.role, 'outline.manage'));
    if (!isInTrash(section)) throw conflict('This section is not in the trash.');

    const all = db.select().from(sections).where(eq(sections.workspaceId, section.workspaceId)).all();
    // What went to the trash in the same step shares the section's timestamp.
    const together = [...descendantIds(all, section.id)].filter((id) => {
      const row = all.find((s) => s.id === id)!;
      return row.deletedAt?.getTime() === section.deletedAt!.getTime();
    });
    const live = liveSections(db, section.workspaceId);
    const liveById = new Map(live.map((s) => [s.id, s]));
    const subtree = all.filter((s) => s.id === section.id || together.includes(s.id));
    const fits = (parentId: string) => depthOf(liveById, parentId) + subtreeHeight(subtree, section.id) <= limits.outlineDepth;
    const parentId = section.parentId && liveById.has(section.parentId) && fits(section.parentId) ? section.parentId : null;

    const { restored, moved } = sectionRestorer(db, { section, parentId, descendantIds: together, actorId: auth.user.id });
    ctx.collab.permissionsChanged({ workspaceId: section.workspaceId, sectionIds: restored });
    broadcastSections(ctx, section.workspaceId, Events.SectionRestored, restored);
    broadcastSections(ctx, section.workspaceId, Events.SectionUpdated, moved.filter((id) => !restored.includes(id)));
    const after = loadSectionForActor(db, auth.user, section.id);
    return presentSections(db, [after.section], actor)[0];
  });
}
