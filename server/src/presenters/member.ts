import type { MemberJSON, Role, SubgroupMembershipJSON } from '@konvent/shared';
import type { WorkspaceActor } from '../policies/actor';
import { mayReadEmailOf, memberAbilities } from '../policies/member';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
  joinedAt: Date;
}

export function presentMember(
  row: MemberRow,
  subgroups: SubgroupMembershipJSON[],
  lastModerator: boolean,
  actor: WorkspaceActor,
): MemberJSON {
  return {
    userId: row.userId,
    name: row.name,
    email: mayReadEmailOf(actor, row.userId) ? row.email : null,
    organisation: row.organisation,
    role: row.role,
    subgroups,
    joinedAt: row.joinedAt.toISOString(),
    abilities: memberAbilities(actor, lastModerator),
  };
}
