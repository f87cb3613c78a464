/**
 * socket.io rooms and events. Events are sent only after the write is committed, with the
 * same presenter JSON as the API. Payloads that carry per-person `abilities` are built per
 * recipient.
 */
import type { Server as IoServer, Socket } from 'socket.io';
import { rooms } from '@konvent/shared';

export interface Realtime {
  /** Emit to everyone in a workspace room; `build` makes the payload for each recipient user. */
  toWorkspace(workspaceId: string, event: string, build: (userId: string) => unknown): void;
  toUser(userId: string, event: string, payload: unknown): void;
  /** Drop a user's sockets from a workspace room at once (membership removed). */
  leaveWorkspace(userId: string, workspaceId: string): void;
  /** Put a user's open sockets into a workspace room (membership added). */
  joinWorkspace(userId: string, workspaceId: string): void;
}

export function createRealtime(getIo: () => IoServer | undefined): Realtime {
  const socketsOf = (room: string): Socket[] => {
    const io = getIo();
    if (!io) return [];
    const ids = io.sockets.adapter.rooms.get(room);
    if (!ids) return [];
    return [...ids].map((id) => io.sockets.sockets.get(id)).filter((s): s is Socket => !!s);
  };
  return {
    toWorkspace(workspaceId, event, build) {
      const cache = new Map<string, unknown>();
      for (const socket of socketsOf(rooms.workspace(workspaceId))) {
        const userId = socket.data.userId as string;
        if (!cache.has(userId)) cache.set(userId, build(userId));
        const payload = cache.get(userId);
        if (payload !== undefined) socket.emit(event, payload);
      }
    },
    toUser(userId, event, payload) {
      getIo()?.to(rooms.user(userId)).emit(event, payload);
    },
    leaveWorkspace(userId, workspaceId) {
      for (const socket of socketsOf(rooms.user(userId))) socket.leave(rooms.workspace(workspaceId));
    },
    joinWorkspace(userId, workspaceId) {
      for (const socket of socketsOf(rooms.user(userId))) void socket.join(rooms.workspace(workspaceId));
    },
  };
}
