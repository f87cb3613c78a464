import { can, type WorkspaceAbilities } from '@konvent/shared';
import type { WorkspaceActor } from './actor';

export function workspaceAbilities(actor: WorkspaceActor): WorkspaceAbilities {
  return {
    read: can(actor.role, 'workspace.read'),
    manage: can(actor.role, 'workspace.manage'),
    manageMembers: can(actor.role, 'members.manage'),
    manageTopics: can(actor.role, 'topics.manage'),
    manageOutline: can(actor.role, 'outline.manage'),
    export: can(actor.role, 'report.export'),
  };
}
