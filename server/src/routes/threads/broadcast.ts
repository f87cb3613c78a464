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
  type ThreadJSON,
} from '@konvent/shared';
import type { AppContext } from '../../context';
import type { WorkspaceActor } from '../../policies/actor';
import { perRecipient } from '../workspaces/load';

/** The thread as it is after the write, presented for one actor (from prepareThread). */
type PresentThread = (actor: WorkspaceActor) => ThreadJSON;

export function broadcastCommentCreated(ctx: AppContext, workspaceId: string, present: PresentThread, commentId: string): void {
  ctx.realtime.toWorkspace(
    workspaceId,
    Events.CommentCreated,
    perRecipient(ctx.db, workspaceId, (actor): CommentCreatedEvent | undefined => {
      const thread = present(actor);
      const comment = thread.comments.find((c) => c.id === commentId);
      return comment ? { ...comment, thread } : undefined;
    }),
  );
}

export function broadcastCommentUpdated(ctx: AppContext, workspaceId: string, present: PresentThread, commentId: string): void {
  ctx.realtime.toWorkspace(
    workspaceId,
    Events.CommentUpdated,
    perRecipient(ctx.db, workspaceId, (actor): CommentJSON | undefined =>
      present(actor).comments.find((c) => c.id === commentId),
    ),
  );
}

export function broadcastThreadUpdated(ctx: AppContext, workspaceId: string, present: PresentThread): void {
  ctx.realtime.toWorkspace(workspaceId, Events.ThreadUpdated, perRecipient(ctx.db, workspaceId, present));
}

export function broadcastCommentDeleted(ctx: AppContext, payload: CommentDeletedEvent): void {
  ctx.realtime.toWorkspace(payload.workspaceId, Events.CommentDeleted, perRecipient(ctx.db, payload.workspaceId, () => payload));
}

export function broadcastThreadDeleted(ctx: AppContext, payload: ThreadDeletedEvent): void {
  ctx.realtime.toWorkspace(payload.workspaceId, Events.ThreadDeleted, perRecipient(ctx.db, payload.workspaceId, () => payload));
}
