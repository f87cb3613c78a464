/**
 * Comment threads. Every member of the workspace reads them; writing, replying and
 * resolving need `section.comment` (observers read only) on a section outside the trash.
 * Authors edit their own comments; moderators may delete any comment or thread.
 */
import { can } from '@konvent/shared';
import type { comments, sections, threads } from '@konvent/db';
import type { WorkspaceActor } from './actor';

type Section = Pick<typeof sections.$inferSelect, 'deletedAt'>;
type Thread = Pick<typeof threads.$inferSelect, 'createdById' | 'resolvedAt'>;
type Comment = Pick<typeof comments.$inferSelect, 'authorId'>;

export function mayReadThreads(actor: WorkspaceActor): boolean {
  return can(actor.role, 'workspace.read');
}

/** Open a thread, reply, resolve or reopen; nobody comments on a section in the trash. */
export function mayComment(actor: WorkspaceActor, section: Section): boolean {
  return section.deletedAt == null && can(actor.role, 'section.comment');
}

/** Moderation of comments goes with managing the report's outline: moderators. */
export function mayModerateComments(actor: WorkspaceActor): boolean {
  return can(actor.role, 'outline.manage');
}

export function isResolved(thread: Thread): boolean {
  return thread.resolvedAt != null;
}

/** Only the author edits a comment, and only while they may still comment at all. */
export function mayEditComment(actor: WorkspaceActor, section: Section, comment: Comment): boolean {
  return comment.authorId === actor.user.id && mayComment(actor, section);
}

export function mayDeleteComment(actor: WorkspaceActor, section: Section, comment: Comment): boolean {
  return mayModerateComments(actor) || mayEditComment(actor, section, comment);
}

export function mayDeleteThread(actor: WorkspaceActor, section: Section, thread: Thread): boolean {
  return mayModerateComments(actor) || (thread.createdById === actor.user.id && mayComment(actor, section));
}

export function threadAbilities(actor: WorkspaceActor, section: Section, thread: Thread) {
  const comment = mayComment(actor, section);
  return {
    // A resolved thread takes replies only after it is reopened.
    reply: comment && !isResolved(thread),
    resolve: comment,
    delete: mayDeleteThread(actor, section, thread),
  };
}

export function commentAbilities(actor: WorkspaceActor, section: Section, comment: Comment) {
  return { edit: mayEditComment(actor, section, comment), delete: mayDeleteComment(actor, section, comment) };
}
