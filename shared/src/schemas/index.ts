/**
 * Request schemas used by the server's `validate` middleware; the client shares their types.
 * Objects are strict: an unknown field is a validation error that names the field.
 *
 * Written with zod/mini, zod's functional API: the same validation and messages, but a schema
 * does not carry zod's 40 chainable methods as closures of its own. Loaded in the server, this
 * package with zod and its schemas takes 0.6 MB of heap with zod/mini, 1.3 MB with the chaining API.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { roles } from '../capabilities';
import { commentLimits, limits, sectionStatuses } from '../constants';

// zod/mini leaves messages to a locale; the API's messages are zod's English ones.
z.config(en());

const optional = z.optional;
const nullableOptional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

const id = z.string().check(z.minLength(1), z.maxLength(64));
const trimmed = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const trimmedUpTo = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(limits.emailMax)), z.email());
const password = z.string().check(z.minLength(limits.passwordMin), z.maxLength(limits.passwordMax));
const position = z.int().check(z.minimum(0));
const listLimit = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200));
/** ISO calendar date, e.g. 2026-12-31. */
const isoDate = z.iso.date();

export const loginSchema = z.strictObject({
  email: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(limits.emailMax)),
  password: z.string().check(z.minLength(1), z.maxLength(limits.passwordMax)),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(limits.passwordMax)),
  newPassword: password,
});

export const createTokenSchema = z.strictObject({ name: trimmed(limits.tokenNameMax) });

export const createWorkspaceSchema = z.strictObject({
  name: trimmed(limits.workspaceNameMax),
  description: optional(trimmedUpTo(limits.descriptionMax)),
});
export const updateWorkspaceSchema = z.partial(createWorkspaceSchema);

export const roleSchema = z.enum(roles);

export const createMemberSchema = z.strictObject({
  email,
  name: trimmed(limits.nameMax),
  organisation: optional(trimmedUpTo(limits.organisationMax)),
  role: roleSchema,
  /** Initial password; without it the person sets one through an invitation link. */
  password: optional(password),
});
export const updateMemberSchema = z.strictObject({ role: roleSchema });

export const createInvitationSchema = z.strictObject({
  role: roleSchema,
  email: optional(email),
});
export const acceptInvitationSchema = z.strictObject({
  name: optional(trimmed(limits.nameMax)),
  email: optional(email),
  organisation: optional(trimmedUpTo(limits.organisationMax)),
  password: optional(password),
});

export const createTopicSchema = z.strictObject({
  title: trimmed(limits.topicTitleMax),
  description: optional(trimmedUpTo(limits.descriptionMax)),
});
export const updateTopicSchema = z.strictObject({
  title: optional(trimmed(limits.topicTitleMax)),
  description: optional(trimmedUpTo(limits.descriptionMax)),
  position: optional(position),
  archived: optional(z.boolean()),
});
export const addSubgroupMemberSchema = z.strictObject({ userId: id, lead: optional(z.boolean()) });
export const updateSubgroupMemberSchema = z.strictObject({ lead: z.boolean() });

export const sectionStatusSchema = z.enum(sectionStatuses);
export const createSectionSchema = z.strictObject({
  title: trimmed(limits.sectionTitleMax),
  topicId: nullableOptional(id),
  parentId: nullableOptional(id),
  position: optional(position),
});
export const updateSectionSchema = z.strictObject({
  title: optional(trimmed(limits.sectionTitleMax)),
  status: optional(sectionStatusSchema),
  topicId: nullableOptional(id),
  parentId: nullableOptional(id),
  position: optional(position),
  assigneeId: nullableOptional(id),
  dueDate: nullableOptional(isoDate),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().check(z.maxLength(limits.searchQueryMax)),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type CreateSectionInput = z.infer<typeof createSectionSchema>;
export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;
export type CreateTopicInput = z.infer<typeof createTopicSchema>;
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;
export type CreateMemberInput = z.infer<typeof createMemberSchema>;

/** `?flag=1` / `?flag=0` in a query string (absent means false). */
const queryFlag = z.pipe(
  z.enum(['0', '1', 'true', 'false']),
  z.transform((v) => v === '1' || v === 'true'),
);

export const listSectionsQuerySchema = z.strictObject({ trash: optional(queryFlag) });
export const listTopicsQuerySchema = z.strictObject({ archived: optional(queryFlag) });
export const activityQuerySchema = z.strictObject({ limit: optional(listLimit) });

export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceSchema>;
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** A comment's text; mentions are written `@[Name](user:<id>)`. */
const commentBody = z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.commentMax));
/** Base64 of a Yjs relative position (Y.encodeRelativePosition): small, but bounded. */
const relativePosition = z.string().check(z.minLength(1), z.maxLength(1000), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'));

/** Where a thread sits in the section text; opaque to the server apart from this shape. */
export const threadAnchorSchema = z.strictObject({
  from: relativePosition,
  to: relativePosition,
  quote: z.string().check(z.maxLength(commentLimits.quoteMax)),
});
export const createThreadSchema = z.strictObject({ body: commentBody, anchor: nullableOptional(threadAnchorSchema) });
export const createCommentSchema = z.strictObject({ body: commentBody });
export const updateCommentSchema = z.strictObject({ body: commentBody });
export const updateThreadSchema = z.strictObject({ resolved: z.boolean() });
export const listNotificationsQuerySchema = z.strictObject({
  unread: optional(queryFlag),
  limit: optional(listLimit),
});

export type ThreadAnchorInput = z.infer<typeof threadAnchorSchema>;
export type CreateThreadInput = z.infer<typeof createThreadSchema>;
