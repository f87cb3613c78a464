/** Limits shared by the request schemas, the forms and the servers. */
export const limits = {
  emailMax: 254,
  nameMax: 120,
  organisationMax: 160,
  passwordMin: 10,
  passwordMax: 200,
  tokenNameMax: 80,
  workspaceNameMax: 120,
  descriptionMax: 2000,
  topicTitleMax: 120,
  sectionTitleMax: 200,
  commentMax: 10_000,
  searchQueryMax: 200,
  /** JSON request bodies above this answer 413. */
  jsonBodyBytes: 1024 * 1024,
  /** A co-editing WebSocket message above this closes that connection with 1009. */
  collabMessageBytes: 8 * 1024 * 1024,
  /** Sections may nest this deep (chapter › section › subsection). */
  outlineDepth: 4,
} as const;

export const sectionStatuses = ['draft', 'review', 'final'] as const;
export type SectionStatus = (typeof sectionStatuses)[number];

/**
 * WebSocket close codes of the co-editing endpoint (contract: DESIGN.md). A refused
 * connection never receives document content.
 *
 * 4403 vs 4404: a signed-in person who is not a member of the section's workspace gets 4403,
 * 4404 is kept for names that do not resolve to a section (unknown id, malformed name, path
 * tricks, `minutes:` until minutes are co-edited). That split reveals only whether a random
 * 128-bit section id exists, which nobody can guess, and it lets the client say "no access"
 * rather than "not found" to someone who followed a link into the wrong working group.
 */
export const CloseCodes = {
  Unauthorized: { code: 4401, reason: 'not authenticated' },
  Forbidden: { code: 4403, reason: 'not allowed to read' },
  NotFound: { code: 4404, reason: 'no such document' },
  /**
   * The caller's rights on an open connection changed (write → read or read → write): the
   * y-websocket protocol has no mode message, so the server closes and the client reconnects
   * into its new mode. Losing read access closes with 4403 instead. The code is in the
   * 4500–4599 "try again" range on purpose: a stock y-websocket client treats 4400–4499 as
   * final and reconnects after everything else, so it picks up its new mode unaided.
   */
  PermissionsChanged: { code: 4509, reason: 'permissions changed, reconnect' },
  MessageTooBig: { code: 1009, reason: 'message too big' },
  InvalidData: { code: 1007, reason: 'malformed message' },
  ServerShutdown: { code: 1001, reason: 'server shutting down' },
  /**
   * The document could not be loaded, or updates could not be stored: nothing of the
   * connection's unstored edits is acknowledged; the client keeps them and re-sends them
   * when it reconnects.
   */
  InternalError: { code: 1011, reason: 'internal error' },
} as const;

/** Close codes after which a client must not reconnect on its own. */
export const terminalCloseCodes: readonly number[] = [
  CloseCodes.Unauthorized.code,
  CloseCodes.Forbidden.code,
  CloseCodes.NotFound.code,
];

/** Error codes of the JSON error shape `{ error: { code, message, details? } }`. */
export const ErrorCodes = {
  ValidationFailed: 'validation_failed',
  InvalidJson: 'invalid_json',
  PayloadTooLarge: 'payload_too_large',
  Unauthenticated: 'unauthenticated',
  InvalidCredentials: 'invalid_credentials',
  Forbidden: 'forbidden',
  BadOrigin: 'bad_origin',
  NotFound: 'not_found',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  Unavailable: 'unavailable',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** socket.io event names, `<entity>.<verb>`; payloads are presenter JSON. */
export const Events = {
  SectionCreated: 'section.created',
  SectionUpdated: 'section.updated',
  SectionDeleted: 'section.deleted',
  SectionRestored: 'section.restored',
  TopicCreated: 'topic.created',
  TopicUpdated: 'topic.updated',
  WorkspaceUpdated: 'workspace.updated',
  InvitationCreated: 'invitation.created',
  InvitationRevoked: 'invitation.revoked',
  MemberCreated: 'member.created',
  MemberUpdated: 'member.updated',
  MemberRemoved: 'member.removed',
  CommentCreated: 'comment.created',
  NotificationCreated: 'notification.created',
  MeetingState: 'meeting.state',
  /** Comment events (`comment.created` too) carry CommentJSON; thread events ThreadJSON (shared/src/types.ts). */
  ThreadUpdated: 'thread.updated',
  ThreadDeleted: 'thread.deleted',
  CommentUpdated: 'comment.updated',
  CommentDeleted: 'comment.deleted',
  /** To the user room: `{ ids, unreadCount }` after marking read, so every open tab agrees. */
  NotificationsRead: 'notification.read',
  /**
   * To the workspace room: `{ workspaceId, sectionId, users }` (PresenceUpdatedEvent) when the
   * set of people with a co-editing connection to a section changed; coalesced per section.
   */
  PresenceUpdated: 'presence.updated',
} as const;

export const rooms = {
  workspace: (id: string) => `workspace:${id}`,
  meeting: (id: string) => `meeting:${id}`,
  user: (id: string) => `user:${id}`,
} as const;

/** Co-editing document names (contract). */
export const docNames = {
  section: (id: string) => `section:${id}`,
  minutes: (id: string) => `minutes:${id}`,
} as const;

/**
 * Query parameter of a co-editing connection that only sends what a device kept offline (no
 * editor open): `?presence=off` keeps it out of "who is in this section right now".
 */
export const COLLAB_PRESENCE_OFF = { presence: 'off' } as const;

/** The Tiptap Collaboration field that holds a section's document (contract). */
export const COLLAB_FIELD = 'default';

/** Name of the HttpOnly login session cookie. */
export const SESSION_COOKIE = 'konvent_session';

/**
 * A mention in a comment body, `@[Name](user:<id>)`: group 1 the name, group 2 the user id.
 * A new RegExp each call, because global patterns carry their position between uses.
 */
export function mentionPattern(): RegExp {
  return /@\[([^[\]\n]{1,200})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;
}

/** Limits of comment threads, beside `limits.commentMax` for the body. */
export const commentLimits = {
  /** The quoted passage stored with a thread's anchor. */
  quoteMax: 500,
  /** People mentioned in one comment. */
  mentionsMax: 50,
} as const;
