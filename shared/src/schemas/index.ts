/**
 * Request schemas used by the server's `validate` middleware and by the client's forms.
 * Objects are strict: an unknown field is a validation error that names the field.
 */
import * as z from 'zod';
import { roles } from '../capabilities';
import { commentLimits, limits, sectionStatuses } from '../constants';

const id = z.string().min(1).max(64);
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const email = z.string().trim().toLowerCase().max(limits.emailMax).pipe(z.email());
const password = z.string().min(limits.passwordMin).max(limits.passwordMax);
/** ISO calendar date, e.g. 2026-12-31. */
const isoDate = z.iso.date();

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(limits.emailMax),
  password: z.string().min(1).max(limits.passwordMax),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(limits.passwordMax),
  newPassword: password,
});

export const createTokenSchema = z.strictObject({ name: trimmed(limits.tokenNameMax) });

export const createWorkspaceSchema = z.strictObject({
  name: trimmed(limits.workspaceNameMax),
  description: z.string().trim().max(limits.descriptionMax).optional(),
});
export const updateWorkspaceSchema = createWorkspaceSchema.partial();

export const roleSchema = z.enum(roles);

export const createMemberSchema = z.strictObject({
  email,
  name: trimmed(limits.nameMax),
  organisation: z.string().trim().max(limits.organisationMax).optional(),
  role: roleSchema,
  /** Initial password; without it the person sets one through an invitation link. */
  password: password.optional(),
});
export const updateMemberSchema = z.strictObject({ role: roleSchema });

export const createInvitationSchema = z.strictObject({
  role: roleSchema,
  email: email.optional(),
});
export const acceptInvitationSchema = z.strictObject({
  name: trimmed(limits.nameMax).optional(),
  email: email.optional(),
  organisation: z.string().trim().max(limits.organisationMax).optional(),
  password: password.optional(),
});

export const createTopicSchema = z.strictObject({
  title: trimmed(limits.topicTitleMax),
  description: z.string().trim().max(limits.descriptionMax).optional(),
});
export const updateTopicSchema = z.strictObject({
  title: trimmed(limits.topicTitleMax).optional(),
  description: z.string().trim().max(limits.descriptionMax).optional(),
  position: z.number().int().min(0).optional(),
  archived: z.boolean().optional(),
});
export const addSubgroupMemberSchema = z.strictObject({ userId: id, lead: z.boolean().optional() });
export const updateSubgroupMemberSchema = z.strictObject({ lead: z.boolean() });

export const sectionStatusSchema = z.enum(sectionStatuses);
export const createSectionSchema = z.strictObject({
  title: trimmed(limits.sectionTitleMax),
  topicId: id.nullable().optional(),
  parentId: id.nullable().optional(),
  position: z.number().int().min(0).optional(),
});
export const updateSectionSchema = z.strictObject({
  title: trimmed(limits.sectionTitleMax).optional(),
  status: sectionStatusSchema.optional(),
  topicId: id.nullable().optional(),
  parentId: id.nullable().optional(),
  position: z.number().int().min(0).optional(),
  assigneeId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().max(limits.searchQueryMax),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type CreateSectionInput = z.infer<typeof createSectionSchema>;
export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;
export type CreateTopicInput = z.infer<typeof createTopicSchema>;
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;
export type CreateMemberInput = z.infer<typeof createMemberSchema>;

/** `?flag=1` / `?flag=0` in a query string (absent means false). */
const queryFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const listSectionsQuerySchema = z.strictObject({ trash: queryFlag.optional() });
export const listTopicsQuerySchema = z.strictObject({ archived: queryFlag.optional() });
export const activityQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceSchema>;
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** A comment's text; mentions are written `@[Name](user:<id>)`. */
const commentBody = z.string().trim().min(1).max(limits.commentMax);
/** Base64 of a Yjs relative position (Y.encodeRelativePosition): small, but bounded. */
const relativePosition = z.string().min(1).max(1000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** Where a thread sits in the section text; opaque to the server apart from this shape. */
export const threadAnchorSchema = z.strictObject({
  from: relativePosition,
  to: relativePosition,
  quote: z.string().max(commentLimits.quoteMax),
});
export const createThreadSchema = z.strictObject({ body: commentBody, anchor: threadAnchorSchema.nullable().optional() });
export const createCommentSchema = z.strictObject({ body: commentBody });
export const updateCommentSchema = z.strictObject({ body: commentBody });
export const updateThreadSchema = z.strictObject({ resolved: z.boolean() });
export const listNotificationsQuerySchema = z.strictObject({
  unread: queryFlag.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type ThreadAnchorInput = z.infer<typeof threadAnchorSchema>;
export type CreateThreadInput = z.infer<typeof createThreadSchema>;
