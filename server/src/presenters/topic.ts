import type { SubgroupMemberJSON, TopicJSON } from '@konvent/shared';
import type { topics } from '@konvent/db';
import type { WorkspaceActor } from '../policies/actor';
import { mayManageSubgroup, mayManageTopic } from '../policies/topic';

export interface SubgroupMemberRow {
  userId: string;
  name: string;
  organisation: string | null;
  isLead: boolean;
}

export function presentSubgroupMember(row: SubgroupMemberRow): SubgroupMemberJSON {
  return { userId: row.userId, name: row.name, organisation: row.organisation, lead: row.isLead };
}

export function presentTopic(
  row: typeof topics.$inferSelect,
  members: SubgroupMemberRow[],
  sectionCount: number,
  actor: WorkspaceActor,
): TopicJSON {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    description: row.description,
    position: row.position,
    archived: row.archivedAt != null,
    members: members.map(presentSubgroupMember),
    sectionCount,
    abilities: { update: mayManageTopic(actor), manageSubgroup: mayManageSubgroup(actor, row.id) },
  };
}
