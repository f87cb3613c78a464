import { can } from '@konvent/shared';
import type { WorkspaceActor } from './actor';

export function isTopicLead(actor: WorkspaceActor, topicId: string | null | undefined): boolean {
  return !!topicId && actor.subgroups.get(topicId) === true && can(actor.role, 'subgroup.join');
}

export function isTopicMember(actor: WorkspaceActor, topicId: string | null | undefined): boolean {
  return !!topicId && actor.subgroups.has(topicId) && can(actor.role, 'subgroup.join');
}

/** Rename/archive the topic itself: moderators only. */
export function mayManageTopic(actor: WorkspaceActor): boolean {
  return can(actor.role, 'topics.manage');
}

/** Add and remove subgroup members and leads: moderators, and the topic's own leads. */
export function mayManageSubgroup(actor: WorkspaceActor, topicId: string): boolean {
  return can(actor.role, 'topics.manage') || isTopicLead(actor, topicId);
}
