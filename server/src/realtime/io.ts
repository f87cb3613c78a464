/**
 * socket.io: authenticated like the API (session cookie or bearer token). Each socket joins
 * `user:<id>` and the `workspace:<id>` rooms of its memberships; a client may ask to join a
 * `meeting:<id>` room later. Membership changes made through the API move the sockets at once
 * (Realtime.joinWorkspace / leaveWorkspace); `refreshRooms` catches up with changes another
 * process committed (the CLI's `member:add`, an operator's SQL).
 */
import { inArray } from 'drizzle-orm';
import type { Server as IoServer } from 'socket.io';
import { memberships } from '@konvent/db';
import { rooms } from '@konvent/shared';
import { authenticateRequest } from '../auth/authenticate';
import type { AppContext } from '../context';

const workspaceRoomPrefix = rooms.workspace('');

export interface RealtimeRooms {
  /** Puts every open socket into exactly the workspace rooms of its person's memberships. */
  refreshRooms(): void;
}

export function attachRealtime(ctx: AppContext, io: IoServer): RealtimeRooms {
  io.use((socket, next) => {
    const req = socket.request;
    const authToken = socket.handshake.auth?.token;
    if (typeof authToken === 'string' && !req.headers.authorization) {
      req.headers.authorization = `Bearer ${authToken}`;
    }
    const auth = authenticateRequest(ctx, req);
    if (!auth) return next(new Error('unauthenticated'));
    socket.data.userId = auth.user.id;
    next();
  });

  /** The workspace rooms each of these people belongs in, by their memberships. */
  const workspaceRooms = (userIds: string[]): Map<string, Set<string>> => {
    const memberOf = new Map<string, Set<string>>(userIds.map((id) => [id, new Set()]));
    const rows = ctx.db
      .select({ userId: memberships.userId, workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(inArray(memberships.userId, userIds))
      .all();
    for (const row of rows) memberOf.get(row.userId)?.add(rooms.workspace(row.workspaceId));
    return memberOf;
  };

  io.on('connection', (socket) => {
    const userId = socket.data.userId as string;
    void socket.join(rooms.user(userId));
    for (const room of workspaceRooms([userId]).get(userId)!) void socket.join(room);
  });

  return {
    refreshRooms() {
      const sockets = [...io.sockets.sockets.values()];
      if (sockets.length === 0) return;
      const memberOf = workspaceRooms([...new Set(sockets.map((s) => s.data.userId as string))]);
      for (const socket of sockets) {
        const wanted = memberOf.get(socket.data.userId as string)!;
        for (const room of socket.rooms) {
          if (room.startsWith(workspaceRoomPrefix) && !wanted.has(room)) void socket.leave(room);
        }
        for (const room of wanted) if (!socket.rooms.has(room)) void socket.join(room);
      }
    },
  };
}
