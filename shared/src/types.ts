/**
 * JSON shapes that leave the server (presenter output) and that the client reads.
 * The server's presenters return exactly these; the client never re-derives a permission.
 */
import type { Role } from './capabilities';
import type { SectionStatus } from './constants';

export interface UserJSON {
  id: string;
  email: string;
  name: string;
  organisation: string | null;
  isAdmin: boolean;
}

export interface MembershipJSON {
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

export interface WorkspaceAbilities {
  read: boolean;
  manage: boolean;
  manageMembers: boolean;
  manageTopics: boolean;
  manageOutline: boolean;
  export: boolean;
}

export interface WorkspaceJSON {
  id: string;
  name: string;
  description: string;
  isDemo: boolean;
  role: Role;
  abilities: WorkspaceAbilities;
}

export interface SectionAbilities {
  read: boolean;
  /** Exactly whether a co-editing connection of this caller would be writable. */
  edit: boolean;
  comment: boolean;
  /** May make at least one status transition. */
  setStatus: boolean;
  /** May set final and reopen. */
  finalize: boolean;
  /** May rename, move, nest, assign. */
  update: boolean;
  delete: boolean;
}

export interface SectionJSON {
  id: string;
  workspaceId: string;
  title: string;
  topicId: string | null;
  parentId: string | null;
  position: number;
  status: SectionStatus;
  assigneeId: string | null;
  dueDate: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  wordCount: number;
  lastEditedById: string | null;
  lastEditedAt: string | null;
  abilities: SectionAbilities;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface ListResponse<T> {
  data: T[];
}

export interface ApiTokenJSON {
  id: string;
  name: string;
  /** First characters of the token, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SubgroupMembershipJSON {
  topicId: string;
  lead: boolean;
}

export interface MemberJSON {
  userId: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
  subgroups: SubgroupMembershipJSON[];
  joinedAt: string;
  abilities: { update: boolean; remove: boolean };
}

export interface InvitationJSON {
  id: string;
  workspaceId: string;
  role: Role;
  email: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  abilities: { revoke: boolean };
}

/** What an invitation link shows before it is accepted (public). */
export interface InvitationPreviewJSON {
  workspaceName: string;
  role: Role;
  email: string | null;
  valid: boolean;
}

export interface SubgroupMemberJSON {
  userId: string;
  name: string;
  organisation: string | null;
  lead: boolean;
}

export interface TopicJSON {
  id: string;
  workspaceId: string;
  title: string;
  description: string;
  position: number;
  archived: boolean;
  members: SubgroupMemberJSON[];
  sectionCount: number;
  abilities: { update: boolean; manageSubgroup: boolean };
}

export interface ActivityJSON {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface DashboardJSON {
  workspace: WorkspaceJSON;
  topics: Array<{
    topic: TopicJSON;
    sectionsByStatus: Record<SectionStatus, number>;
    wordCount: number;
  }>;
  sectionsByStatus: Record<SectionStatus, number>;
  memberCount: number;
  /** Open sections due within 14 days or overdue, soonest first. */
  due: SectionJSON[];
  recentActivity: ActivityJSON[];
}

/** Answer to creating an invitation: the token and link are shown this once. */
export interface CreatedInvitationJSON {
  invitation: InvitationJSON;
  token: string;
  url: string;
}

/** Answer to adding a member; `invitation` is set when the new account has no password yet. */
export interface CreatedMemberJSON {
  member: MemberJSON;
  invitation: CreatedInvitationJSON | null;
}

/** Answer to accepting an invitation. */
export interface AcceptedInvitationJSON {
  user: UserJSON;
  workspace: WorkspaceJSON;
}

/** Answer to creating a personal access token: the token is shown this once. */
export interface CreatedApiTokenJSON {
  token: string;
  apiToken: ApiTokenJSON;
}
