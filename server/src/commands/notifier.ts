/**
 * Writes notifications inside the caller's transaction and returns the rows, so the caller
 * can announce them after the commit with `publishNotifications(ctx, rows)`
 * (routes/notifications/publish.ts). Nobody is notified of their own action, and only
 * current members of the workspace are notified.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  comments,
  memberships,
  notifications,
  subgroupMembers,
  threads,
  type Db,
  type NotificationData,
  type NotificationKind,
} from '@konvent/db';
import type { SectionStatus } from '@konvent/shared';

export type NotificationRow = typeof notifications.$inferSelect;
type Tx = Pick<Db, 'select' | 'insert'>;

const excerptMax = 160;

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > excerptMax ? `${flat.slice(0, excerptMax - 1)}…` : flat;
}

/** Of `userIds`, those who are members of the workspace now. */
function membersAmong(tx: Tx, workspaceId: string, userIds: string[]): Set<string> {
  if (!userIds.length) return new Set();
  const rows = tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)))
    .all();
  return new Set(rows.map((r) => r.userId));
}

interface Batch {
  workspaceId: string;
  actorId: string | null;
  kind: NotificationKind;
  recipients: Iterable<string | null | undefined>;
  data: NotificationData;
}

function insertBatch(tx: Tx, batch: Batch): NotificationRow[] {
  const wanted = [...new Set([...batch.recipients].filter((id): id is string => !!id && id !== batch.actorId))];
  const members = membersAmong(tx, batch.workspaceId, wanted);
  const data: NotificationData = { ...batch.data, ...(batch.actorId ? { actorId: batch.actorId } : {}) };
  const now = new Date();
  return wanted
    .filter((id) => members.has(id))
    .map((userId) =>
      tx
        .insert(notifications)
        .values({ userId, workspaceId: batch.workspaceId, kind: batch.kind, data, createdAt: now })
        .returning()
        .get(),
    );
}

export interface CommentNotice {
  workspaceId: string;
  sectionId: string;
  /** The section's assignee, told of comments on their section. */
  assigneeId: string | null;
  threadId: string;
  commentId: string;
  actorId: string;
  /** The comment as plain text (mentions as @Name). */
  plainText: string;
  /** People mentioned (already checked to be members). */
  mentioned: string[];
  /** A reply to an existing thread tells its participants; a new thread has none. */
  isReply: boolean;
}

/** Who started or wrote in the thread (the new comment's author is the actor, left out later). */
function threadParticipants(tx: Tx, threadId: string): string[] {
  const starter = tx.select({ id: threads.createdById }).from(threads).where(eq(threads.id, threadId)).get();
  const authors = tx
    .select({ id: comments.authorId })
    .from(comments)
    .where(and(eq(comments.threadId, threadId), isNull(comments.deletedAt)))
    .all();
  return [starter?.id, ...authors.map((a) => a.id)].filter((id): id is string => !!id);
}

/**
 * A new comment: mentions first, then replies to the thread's participants, then the
 * section's assignee; each person gets one notification per comment, the most specific.
 */
export function notifyComment(tx: Tx, notice: CommentNotice): NotificationRow[] {
  const data: NotificationData = {
    sectionId: notice.sectionId,
    threadId: notice.threadId,
    commentId: notice.commentId,
    excerpt: excerptOf(notice.plainText),
  };
  const told = new Set<string>();
  const send = (kind: NotificationKind, recipients: string[]) => {
    const rows = insertBatch(tx, {
      workspaceId: notice.workspaceId,
      actorId: notice.actorId,
      kind,
      recipients: recipients.filter((id) => !told.has(id)),
      data,
    });
    for (const r of rows) told.add(r.userId);
    return rows;
  };
  return [
    ...send('mention', notice.mentioned),
    ...(notice.isReply ? send('reply', threadParticipants(tx, notice.threadId)) : []),
    ...send('comment_on_assigned', notice.assigneeId ? [notice.assigneeId] : []),
  ];
}

/** An edited comment: only the people mentioned now who were not mentioned before. */
export function notifyNewMentions(
  tx: Tx,
  notice: Omit<CommentNotice, 'isReply' | 'assigneeId'> & { previouslyMentioned: string[] },
): NotificationRow[] {
  const before = new Set(notice.previouslyMentioned);
  return insertBatch(tx, {
    workspaceId: notice.workspaceId,
    actorId: notice.actorId,
    kind: 'mention',
    recipients: notice.mentioned.filter((id) => !before.has(id)),
    data: {
      sectionId: notice.sectionId,
      threadId: notice.threadId,
      commentId: notice.commentId,
      excerpt: excerptOf(notice.plainText),
    },
  });
}

export interface AssignmentNotice {
  section: { id: string; workspaceId: string };
  /** The new assignee; null (unassigned) notifies nobody. */
  assigneeId: string | null;
  actorId: string;
}

/** A section was assigned to someone: they are told, unless they assigned it to themselves. */
export function notifyAssignment(tx: Tx, notice: AssignmentNotice): NotificationRow[] {
  return insertBatch(tx, {
    workspaceId: notice.section.workspaceId,
    actorId: notice.actorId,
    kind: 'assignment',
    recipients: [notice.assigneeId],
    data: { sectionId: notice.section.id },
  });
}

export interface StatusChangeNotice {
  /** The section as it is after the change (its topic and assignee decide who is told). */
  section: { id: string; workspaceId: string; topicId: string | null; assigneeId: string | null };
  from: SectionStatus;
  to: SectionStatus;
  actorId: string;
}

/** A section's status changed: its subgroup (the topic's members and leads) and its assignee are told. */
export function notifyStatusChange(tx: Tx, notice: StatusChangeNotice): NotificationRow[] {
  const subgroup = notice.section.topicId
    ? tx
        .select({ userId: subgroupMembers.userId })
        .from(subgroupMembers)
        .where(eq(subgroupMembers.topicId, notice.section.topicId))
        .all()
        .map((r) => r.userId)
    : [];
  return insertBatch(tx, {
    workspaceId: notice.section.workspaceId,
    actorId: notice.actorId,
    kind: 'status_change',
    recipients: [...subgroup, notice.section.assigneeId],
    data: { sectionId: notice.section.id, from: notice.from, to: notice.to },
  });
}
