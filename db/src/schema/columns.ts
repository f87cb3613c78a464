import { integer, text } from 'drizzle-orm/sqlite-core';
import { randomUUID } from 'node:crypto';

/** Primary keys are random UUIDs: they appear in URLs and must not reveal counts. */
export const idColumn = () => text('id').primaryKey().$defaultFn(() => randomUUID());
/** Timestamps are stored as Unix milliseconds. */
export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date());
export const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
