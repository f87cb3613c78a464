import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

/**
 * One row per co-edited Yjs document (`section:<id>`, `minutes:<id>`): the compacted
 * snapshot plus data derived from it off the hot path (plain text, word count, last edit).
 */
export const documents = sqliteTable('documents', {
  name: text('name').primaryKey(),
  /** Y.encodeStateAsUpdate of the compacted document (with gc). */
  snapshot: blob('snapshot', { mode: 'buffer' }),
  /**
   * Y.encodeStateVector of the snapshot, written with it by compaction. With it (and an
   * empty log) a cold document answers its first sync from the stored bytes while the
   * Y.Doc is still being built. Null for snapshots written elsewhere (demo seeder).
   */
  stateVector: blob('state_vector', { mode: 'buffer' }),
  /** Highest update id folded into the snapshot. */
  compactedThrough: integer('compacted_through').notNull().default(0),
  plainText: text('plain_text').notNull().default(''),
  wordCount: integer('word_count').notNull().default(0),
  lastEditedById: text('last_edited_by_id').references(() => users.id, { onDelete: 'set null' }),
  lastEditedAt: integer('last_edited_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

/** Append-only log of accepted Yjs updates, each with the user who sent it. */
export const documentUpdates = sqliteTable(
  'document_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentName: text('document_name').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('document_updates_doc_idx').on(t.documentName, t.id)],
);
