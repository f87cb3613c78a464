import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { createdAt, idColumn } from './columns';
import { sections, workspaces } from './workspaces';

/**
 * Where a thread sits in the section text: two Yjs relative positions (base64 of
 * Y.encodeRelativePosition, computed by the client with y-prosemirror) and the quoted
 * passage as it read when the thread was opened. Relative positions follow the text while
 * people keep typing around it; character offsets would not.
 */
export interface ThreadAnchor {
  from: string;
  to: string;
  quote: string;
}

/** A discussion on a section, optionally anchored to a passage of its text. */
export const threads = sqliteTable(
  'threads',
  {
    id: idColumn(),
    /** Copied from the section so workspace-wide reads (search, realtime) need no join. */
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    sectionId: text('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    anchor: text('anchor', { mode: 'json' }).$type<ThreadAnchor>(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedById: text('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Soft delete: a deleted thread disappears from lists and refuses replies. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('threads_section_idx').on(t.sectionId, t.createdAt)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: idColumn(),
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** As written, with mentions as `@[Name](user:<id>)`. */
    body: text('body').notNull(),
    /**
     * The body with mentions reduced to `@Name`: what the search index and notification
     * texts read, so user ids and markup never match a search.
     */
    plainText: text('plain_text').notNull().default(''),
    createdAt: createdAt(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('comments_thread_idx').on(t.threadId, t.createdAt)],
);
