import type { WorkspaceJSON } from '@konvent/shared';
import type { workspaces } from '@konvent/db';
import type { WorkspaceActor } from '../policies/actor';
import { workspaceAbilities } from '../policies/workspace';

export function presentWorkspace(row: typeof workspaces.$inferSelect, actor: WorkspaceActor): WorkspaceJSON {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isDemo: row.isDemo,
    role: actor.role,
    abilities: workspaceAbilities(actor),
  };
}
