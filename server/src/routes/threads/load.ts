/** Loading threads and comments with what their presenters need (author names, detached). */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { comments, sections, threads, users, type Db } from '@konvent/db';
import type { ThreadJSON } from '@konvent/shared';
import type { UserRow } from '../../auth/sessions';
import { detachedThreadIds } from '../../comments/anchors';
import type { AppContext } from '../../context';
import { loadActor, type WorkspaceActor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { presentThread, type CommentRow } from '../../presenters/thread';

export type ThreadRow = typeof threads.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;

/**
 * A live thread, its section and the caller's actor; 404 when the thread does not exist, was
 * deleted, or is in a workspace the caller is not a member of.
 */
export function loadThreadForActor(db: Db, user: UserRow, threadId: string) {
  const thread = db
    .select()
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .get();
  const section = thread ? db.select().from(sections).where(eq(sections.id, thread.sectionId)).get() : undefined;
  const actor = section ? loadActor(db, user, section.workspaceId) : null;
  authorize(!!actor, { hide: 'Thread' });
  return { thread: thread!, section: section!, actor: actor! };
}

/** A live comment of a live thread, with its thread, section and the caller's actor; 404 otherwise. */
export function loadCommentForActor(db: Db, user: UserRow, commentId: string) {
  const comment = db
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), isNull(comments.deletedAt)))
    .get();
  const thread = comment
    ? db
        .select()
        .from(threads)
        .where(and(eq(threads.id, comment.threadId), isNull(threads.deletedAt)))
        .get()
    : undefined;
  const section = thread ? db.select().from(sections).where(eq(sections.id, thread.sectionId)).get() : undefined;
  const actor = section ? loadActor(db, user, section.workspaceId) : null;
  authorize(!!actor, { hide: 'Comment' });
  return { comment: comment!, thread: thread!, section: section!, actor: actor! };
}

/** The live comments of these threads with author names, oldest first. */
export function commentsOf(db: Db, threadIds: string[]): Map<string, CommentRow[]> {
  const out = new Map<string, CommentRow[]>(threadIds.map((id) => [id, []]));
  if (!threadIds.length) return out;
  const rows = db
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(inArray(comments.threadId, threadIds), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt))
    .all();
  for (const r of rows) out.get(r.comment.threadId)!.push({ ...r.comment, authorName: r.authorName });
  return out;
}

export function commentWithAuthor(db: Db, commentId: string): CommentRow {
  const r = db
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, commentId))
    .get()!;
  return { ...r.comment, authorName: r.authorName };
}

/** The section's live threads, oldest first. */
export function liveThreadsOf(db: Db, sectionId: string): ThreadRow[] {
  return db
    .select()
    .from(threads)
    .where(and(eq(threads.sectionId, sectionId), isNull(threads.deletedAt)))
    .orderBy(asc(threads.createdAt))
    .all();
}

/**
 * Threads of one section with everything the presenter needs, built once; `present` then
 * answers per actor (the API caller, or each realtime recipient).
 */
export function prepareThreads(ctx: AppContext, section: SectionRow, rows: ThreadRow[]) {
  const byThread = commentsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const detached = detachedThreadIds(ctx, section.id, rows);
  return (actor: WorkspaceActor): ThreadJSON[] =>
    rows.map((r) => presentThread(r, byThread.get(r.id) ?? [], section, detached.has(r.id), actor));
}

/** One thread as it is now, for the API answer and the realtime events. */
export function prepareThread(ctx: AppContext, section: SectionRow, threadId: string) {
  const row = ctx.db.select().from(threads).where(eq(threads.id, threadId)).get()!;
  const present = prepareThreads(ctx, section, [row]);
  return (actor: WorkspaceActor): ThreadJSON => present(actor)[0]!;
}
