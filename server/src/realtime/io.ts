/**
 * socket.io: authenticated like the API (session cookie or bearer token). Each socket joins
 * `user:<id>` and the `workspace:<id>` rooms of its memberships; a client may ask to join a
 * `meeting:<id>` room later.
 */
import { eq } from 'drizzle-orm';
import type { Server as IoServer } from 'socket.io';
import { memberships } from '@konvent/db';
import { rooms } from '@konvent/shared';
import { authenticateRequest } from '../auth/authenticate';
import type { AppContext } from '../context';

export function attachRealtime(ctx: AppContext, io: IoServer): void {
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

  io.on('connection', (socket) => {
    const userId = socket.data.userId as string;
    void socket.join(rooms.user(userId));
    const workspaceIds = ctx.db
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .all()
      .map((r) => r.workspaceId);
    for (const id of workspaceIds) void socket.join(rooms.workspace(id));
  });
}
