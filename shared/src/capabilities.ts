/**
 * The role → capability table. Code asks `can(role, capability)`, never compares roles.
 * Rules that depend on data (is the caller in the subgroup that owns the section? is the
 * section final?) live in the server's policies and combine these answers with the data.
 */
export const roles = ['moderator', 'member', 'observer'] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const contributors: readonly Role[] = ['moderator', 'member'];
const moderators: readonly Role[] = ['moderator'];

export const capabilityTable = {
  /** See the workspace, its members, topics and outline. */
  'workspace.read': everyone,
  /** Rename the workspace, see the audit log. */
  'workspace.manage': moderators,
  /** Export the report. */
  'report.export': everyone,
  /** Invite, create and remove members, change roles. */
  'members.manage': moderators,
  /**
   * See the other members' e-mail addresses. Observers (guests from outside the group) see
   * names and organisations only: the addresses are personal data they need no access to.
   */
  'members.contact': contributors,
  /** Create, rename, reorder and archive any topic and manage any subgroup. */
  'topics.manage': moderators,
  /** Hold a subgroup membership and its lead flag (a lead manages that one subgroup). */
  'subgroup.join': contributors,
  /** Create, move, nest, assign and delete any section of the outline. */
  'outline.manage': moderators,
  /** Write section text: moderators anywhere, members where a policy says they own it. */
  'section.write': contributors,
  /** Comment, reply, resolve. */
  'section.comment': contributors,
  /** Hand a section from draft to review (members only as subgroup lead or assignee). */
  'section.review': contributors,
  /** Set a section final and reopen it. */
  'section.finalize': moderators,
  /** Vote in polls and dot votes, take part in meetings. */
  'poll.vote': contributors,
  /** Organise plenary meetings; leads organise their subgroup's meetings. */
  'meeting.organise': moderators,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilityTable;
export const capabilityNames = Object.keys(capabilityTable) as Capability[];

export function can(role: Role | null | undefined, capability: Capability): boolean {
  if (!role) return false;
  return (capabilityTable[capability] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
