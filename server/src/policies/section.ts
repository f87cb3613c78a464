import { can, type SectionAbilities, type SectionStatus } from '@konvent/shared';
import type { sections } from '@konvent/db';
import type { WorkspaceActor } from './actor';
import { isTopicLead, isTopicMember } from './topic';

type Section = Pick<typeof sections.$inferSelect, 'topicId' | 'assigneeId' | 'status' | 'deletedAt'>;

/** Content of a final section is read-only for everyone until a moderator reopens it. */
export function isLocked(section: Section): boolean {
  return section.status === 'final';
}

export function isInTrash(section: Section): boolean {
  return section.deletedAt != null;
}

export function isSubgroupMember(actor: WorkspaceActor, section: Section): boolean {
  return isTopicMember(actor, section.topicId);
}

export function isSubgroupLead(actor: WorkspaceActor, section: Section): boolean {
  return isTopicLead(actor, section.topicId);
}

export function isAssignee(actor: WorkspaceActor, section: Section): boolean {
  return section.assigneeId === actor.user.id;
}

/**
 * Whether this person may write the section's text. Exactly what decides whether a
 * co-editing connection is writable.
 */
export function mayWriteContent(actor: WorkspaceActor, section: Section): boolean {
  if (isLocked(section) || isInTrash(section)) return false;
  if (!can(actor.role, 'section.write')) return false;
  return (
    can(actor.role, 'outline.manage') || isSubgroupMember(actor, section) || isAssignee(actor, section)
  );
}

/** Rename, move, nest, assign, delete: moderators, and leads for their subgroup's sections. */
export function mayUpdateSection(actor: WorkspaceActor, section: Section): boolean {
  if (isInTrash(section)) return can(actor.role, 'outline.manage');
  return can(actor.role, 'outline.manage') || isSubgroupLead(actor, section);
}

/**
 * Status workflow draft → review → final. Moderators may make every change; a subgroup lead
 * (or the assignee of a section without a topic) moves between draft and review.
 */
export function mayChangeStatus(actor: WorkspaceActor, section: Section, to: SectionStatus): boolean {
  if (isInTrash(section) || section.status === to) return false;
  if (can(actor.role, 'section.finalize')) return true;
  if (!can(actor.role, 'section.review')) return false;
  if (section.status === 'final' || to === 'final') return false;
  return isSubgroupLead(actor, section) || (section.topicId == null && isAssignee(actor, section));
}

export function sectionAbilities(actor: WorkspaceActor, section: Section): SectionAbilities {
  const trashed = isInTrash(section);
  return {
    read: can(actor.role, 'workspace.read'),
    edit: mayWriteContent(actor, section),
    comment: !trashed && can(actor.role, 'section.comment'),
    setStatus: (['draft', 'review', 'final'] as const).some((to) => mayChangeStatus(actor, section, to)),
    finalize: !trashed && can(actor.role, 'section.finalize'),
    update: mayUpdateSection(actor, section),
    delete: !trashed && mayUpdateSection(actor, section),
  };
}

export type CollabMode = 'read' | 'write';

/** The co-editing connection mode for a member of the workspace. */
export function collabMode(actor: WorkspaceActor, section: Section): CollabMode {
  return mayWriteContent(actor, section) ? 'write' : 'read';
}
