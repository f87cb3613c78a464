import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, idColumn, updatedAt } from './columns';

export const users = sqliteTable('users', {
  id: idColumn(),
  /** Stored lowercased; unique across the instance. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  organisation: text('organisation'),
  /** `scrypt$N$r$p$salt$hash`, see server/src/auth/passwords.ts. */
  passwordHash: text('password_hash'),
  /** Instance administrators may create workspaces. */
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Server-side login sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const loginSessions = sqliteTable(
  'login_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('login_sessions_user_idx').on(t.userId)],
);

/** Personal access tokens, hashed at rest (SHA-256 of the random token); shown once. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: idColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, so a person can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
