import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { createdAt, idColumn, updatedAt } from './columns';
import { users } from './accounts';

export const workspaces = sqliteTable('workspaces', {
  id: idColumn(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    id: idColumn(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['moderator', 'member', 'observer'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('memberships_workspace_user_idx').on(t.workspaceId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** Invitation links; the token is shown once, only its SHA-256 is stored. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: idColumn(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    role: text('role', { enum: ['moderator', 'member', 'observer'] }).notNull(),
    email: text('email'),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedById: text('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_workspace_idx').on(t.workspaceId)],
);

export const topics = sqliteTable(
  'topics',
  {
    id: idColumn(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('topics_workspace_idx').on(t.workspaceId, t.position)],
);

/** The subgroup (Arbeitsgruppe) of a topic; `isLead` marks its leads (AG-Leitung). */
export const subgroupMembers = sqliteTable(
  'subgroup_members',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isLead: integer('is_lead', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index('subgroup_members_user_idx').on(t.userId)],
);

export const sections = sqliteTable(
  'sections',
  {
    id: idColumn(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    parentId: text('parent_id').references((): AnySQLiteColumn => sections.id, {
      onDelete: 'cascade',
    }),
    topicId: text('topic_id').references(() => topics.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** Order among siblings, 0-based and dense. */
    position: integer('position').notNull().default(0),
    status: text('status', { enum: ['draft', 'review', 'final'] }).notNull().default('draft'),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** ISO date (YYYY-MM-DD). */
    dueDate: text('due_date'),
    /** Set when moved to the trash; restored sections get it cleared. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sections_workspace_idx').on(t.workspaceId, t.parentId, t.position),
    index('sections_topic_idx').on(t.topicId),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** `<entity>.<verb>`, e.g. `section.moved`, `member.role_changed`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** JSON with what changed. */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.createdAt)],
);
