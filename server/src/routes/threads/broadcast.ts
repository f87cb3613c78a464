/**
 * Thread and comment events to the workspace room, after the write committed. Payloads are
 * the API's presenter JSON, built per recipient because abilities differ per person; the
 * document lookup for `detached` is done once per event, not per recipient.
 */
import {
  Events,
  type CommentCreatedEvent,
  type CommentDeletedEvent,
  type CommentJSON,
  type ThreadDeletedEvent,
} from '@konvent/shared';
import type { AppContext } from '../../context';
import { perRecipient } from '../workspaces/load';
import { prepareThread, type SectionRow } from './load';

export function broadcastCommentCreated(ctx: AppContext, section: SectionRow, threadId: string, commentId: string): void {
  const present = prepareThread(ctx, section, threadId);
  ctx.realtime.toWorkspace(
    section.workspaceId,
    Events.CommentCreated,
    perRecipient(ctx.db, section.workspaceId, (actor): CommentCreatedEvent | undefined => {
      const thread = present(actor);
      const comment = thread.comments.find((c) => c.id === commentId);
      return comment ? { ...comment, thread } : undefined;
    }),
  );
}

export function broadcastCommentUpdated(ctx: AppContext, section: SectionRow, threadId: string, commentId: string): void {
  const present = prepareThread(ctx, section, threadId);
  ctx.realtime.toWorkspace(
    section.workspaceId,
    Events.CommentUpdated,
    perRecipient(ctx.db, section.workspaceId, (actor): CommentJSON | undefined =>
      present(actor).comments.find((c) => c.id === commentId),
    ),
  );
}

export function broadcastThreadUpdated(ctx: AppContext, section: SectionRow, threadId: string): void {
  const present = prepareThread(ctx, section, threadId);
  ctx.realtime.toWorkspace(section.workspaceId, Events.ThreadUpdated, perRecipient(ctx.db, section.workspaceId, present));
}

export function broadcastCommentDeleted(ctx: AppContext, payload: CommentDeletedEvent): void {
  ctx.realtime.toWorkspace(payload.workspaceId, Events.CommentDeleted, perRecipient(ctx.db, payload.workspaceId, () => payload));
}

export function broadcastThreadDeleted(ctx: AppContext, payload: ThreadDeletedEvent): void {
  ctx.realtime.toWorkspace(payload.workspaceId, Events.ThreadDeleted, perRecipient(ctx.db, payload.workspaceId, () => payload));
}
