/**
 * Checks for ids a request body points at (parent, topic, assignee). An id that does not
 * resolve inside the section's own workspace is a 400 naming the field, whether it does
 * not exist or belongs to another workspace: the answer never tells which.
 */
import { and, eq } from 'drizzle-orm';
import { memberships, topics, type Db } from '@konvent/db';
import { can, limits } from '@konvent/shared';
import { badRequest } from '../../errors';
import { depthOf, descendantIds, subtreeHeight, type SectionRow } from './load';
import type { TopicRow } from '../topics/load';

export const invalidField = (field: string, message: string) =>
  badRequest(`Invalid ${field}: ${message}`, { issues: [{ field, code: 'invalid_reference', message }] });

export function resolveTopic(db: Db, workspaceId: string, topicId: string): TopicRow {
  const topic = db
    .select()
    .from(topics)
    .where(and(eq(topics.id, topicId), eq(topics.workspaceId, workspaceId)))
    .get();
  if (!topic) throw invalidField('topicId', 'no such topic in this workspace.');
  return topic;
}

/** An assignee writes the section, so observers cannot be one. */
export function checkAssignee(db: Db, workspaceId: string, userId: string): void {
  const membership = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .get();
  if (!membership || !can(membership.role, 'section.write')) {
    throw invalidField('assigneeId', 'only members and moderators of this workspace can be assigned.');
  }
}

/**
 * The new parent of `movingId` (undefined for a new section) among the workspace's live
 * sections: it must exist, not be the section or below it, and keep the outline within
 * `limits.outlineDepth` levels.
 */
export function resolveParent(live: SectionRow[], parentId: string, movingId?: string): SectionRow {
  const parent = live.find((s) => s.id === parentId);
  if (!parent) throw invalidField('parentId', 'no such section in this workspace (or it is in the trash).');
  if (movingId && (parentId === movingId || descendantIds(live, movingId).has(parentId))) {
    throw invalidField('parentId', 'cannot move a section under itself or its descendant.');
  }
  const byId = new Map(live.map((s) => [s.id, s]));
  const height = movingId ? subtreeHeight(live, movingId) : 1;
  if (depthOf(byId, parentId) + height > limits.outlineDepth) {
    throw invalidField('parentId', `the outline may nest at most ${limits.outlineDepth} levels deep.`);
  }
  return parent;
}
