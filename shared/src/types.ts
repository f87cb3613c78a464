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
  /** Null where the caller may not see it (observers see only their own, see `members.contact`). */
  email: string | null;
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

/** Where a thread sits in the section text (base64 Yjs relative positions and the quote). */
export interface ThreadAnchorJSON {
  from: string;
  to: string;
  quote: string;
}

export interface CommentJSON {
  id: string;
  threadId: string;
  sectionId: string;
  workspaceId: string;
  /** As written, with mentions as `@[Name](user:<id>)`. */
  body: string;
  authorId: string | null;
  authorName: string | null;
  /** Ids of the people mentioned in the body. */
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  abilities: { edit: boolean; delete: boolean };
}

export interface ThreadJSON {
  id: string;
  sectionId: string;
  workspaceId: string;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedById: string | null;
  anchor: ThreadAnchorJSON | null;
  /** The quoted passage (anchor.quote), or null for a thread on the whole section. */
  quote: string | null;
  /** The anchored passage no longer exists in the text; the thread stays listed. */
  detached: boolean;
  createdById: string | null;
  createdAt: string;
  /** Oldest first; deleted comments are left out. */
  comments: CommentJSON[];
  abilities: { reply: boolean; resolve: boolean; delete: boolean };
}

/** `comment.created`: the new comment with its whole thread after the write. */
export interface CommentCreatedEvent extends CommentJSON {
  thread: ThreadJSON;
}

/** `comment.deleted` and `thread.deleted`. */
export interface CommentDeletedEvent {
  id: string;
  threadId: string;
  sectionId: string;
  workspaceId: string;
}
export interface ThreadDeletedEvent {
  id: string;
  sectionId: string;
  workspaceId: string;
}

export type NotificationKind = 'mention' | 'reply' | 'assignment' | 'status_change' | 'comment_on_assigned';

export interface NotificationJSON {
  id: string;
  kind: NotificationKind;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  workspaceId: string;
  sectionId: string | null;
  sectionTitle: string | null;
  threadId: string | null;
  commentId: string | null;
  actor: { id: string; name: string } | null;
  /** Status changes: the old and the new status. */
  from: SectionStatus | null;
  to: SectionStatus | null;
  /** A short excerpt of the comment, plain text. */
  excerpt: string | null;
  /** One German sentence saying what happened; clients may build their own from the fields. */
  text: string;
  /** Client path of the place it points to, e.g. `/a/<ws>/bericht/<section>?thread=<thread>`. */
  link: string;
}

export interface NotificationListJSON extends ListResponse<NotificationJSON> {
  unreadCount: number;
}

/** `notification.read` to the user room: which were marked (`all` for read-all) and the new count. */
export interface NotificationsReadEvent {
  ids: string[] | 'all';
  unreadCount: number;
}

export type SearchResultType = 'section' | 'comment' | 'minutes';

export interface SearchResultJSON {
  type: SearchResultType;
  /** The section, comment or meeting id. */
  id: string;
  /** The section title (for comments: the section they are on). */
  title: string;
  /**
   * Plain text, never HTML: a passage of the matching text. Render it as text and wrap the
   * ranges of `highlights` (UTF-16 offsets [start, end) into `snippet`) in <mark>.
   */
  snippet: string;
  highlights: Array<[number, number]>;
  /** The same for `title`. */
  titleHighlights: Array<[number, number]>;
  sectionId: string | null;
  threadId: string | null;
  topicId: string | null;
  topicTitle: string | null;
}

/** Someone with an open co-editing connection (one entry per person, however many tabs). */
export interface PresentUserJSON {
  id: string;
  name: string;
}

/** Who is in one section right now: `GET /api/workspaces/:workspaceId/presence` lists these. */
export interface SectionPresenceJSON {
  sectionId: string;
  /** Sorted by name; never empty in the list (a section nobody is in is left out). */
  users: PresentUserJSON[];
}

/** `presence.updated`: the section's people after the change; `users` is empty when the last one left. */
export interface PresenceUpdatedEvent extends SectionPresenceJSON {
  workspaceId: string;
}
