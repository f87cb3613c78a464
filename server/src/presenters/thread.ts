import type { CommentJSON, ThreadJSON } from '@konvent/shared';
import type { comments, sections, threads } from '@konvent/db';
import { mentionedIds } from '../comments/mentions';
import type { WorkspaceActor } from '../policies/actor';
import { commentAbilities, threadAbilities } from '../policies/comment';

type ThreadRow = typeof threads.$inferSelect;
type Section = Pick<typeof sections.$inferSelect, 'deletedAt'>;

/** A comment row with its author's name (null when the account is gone). */
export type CommentRow = typeof comments.$inferSelect & { authorName: string | null };

export function presentComment(
  row: CommentRow,
  thread: Pick<ThreadRow, 'sectionId' | 'workspaceId'>,
  section: Section,
  actor: WorkspaceActor,
): CommentJSON {
  return {
    id: row.id,
    threadId: row.threadId,
    sectionId: thread.sectionId,
    workspaceId: thread.workspaceId,
    body: row.body,
    authorId: row.authorId,
    authorName: row.authorName,
    mentions: mentionedIds(row.body),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    abilities: commentAbilities(actor, section, row),
  };
}

/** `comments` are the thread's live comments, oldest first. */
export function presentThread(
  row: ThreadRow,
  comments: CommentRow[],
  section: Section,
  detached: boolean,
  actor: WorkspaceActor,
): ThreadJSON {
  return {
    id: row.id,
    sectionId: row.sectionId,
    workspaceId: row.workspaceId,
    resolved: row.resolvedAt != null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedById: row.resolvedById,
    anchor: row.anchor ?? null,
    quote: row.anchor?.quote ?? null,
    detached,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    comments: comments.map((c) => presentComment(c, row, section, actor)),
    abilities: threadAbilities(actor, section, row),
  };
}
