/**
 * Permission changes reach open connections at once. y-websocket has no message to switch
 * a connection's mode, so a connection whose mode changed (write → read or read → write)
 * is closed with 4509 PermissionsChanged and the client reconnects into its new mode; one
 * that lost read access is closed with 4403 (4404 when the section is gone).
 *
 * Changes made through the API call `reevaluateConnections` with their scope. Changes that
 * another process commits to the same database (the CLI's `member:add`, an operator's SQL)
 * are noticed by `watchOtherWriters` (server.ts runs it for these connections and for the
 * socket.io rooms): SQLite's `data_version` moves only when another
 * connection commits, so checking it costs next to nothing, and the server's own writes
 * never trigger a re-check.
 */
import { CloseCodes } from '@konvent/shared';
import type { Db } from '@konvent/db';
import type { AppContext } from '../context';
import { decideSectionAccess } from './admission';
import type { Connection } from './connection';

export interface PermissionScope {
  workspaceId: string;
  userIds?: string[];
  sectionIds?: string[];
}

export function reevaluateConnections(ctx: AppContext, connections: Iterable<Connection>, scope: PermissionScope): number {
  const users = scope.userIds ? new Set(scope.userIds) : null;
  const sectionIds = scope.sectionIds ? new Set(scope.sectionIds) : null;
  let closed = 0;
  for (const conn of [...connections]) {
    const { grant } = conn;
    if (conn.closed || grant.workspaceId !== scope.workspaceId) continue;
    if (users && !users.has(grant.user.id)) continue;
    if (sectionIds && !sectionIds.has(grant.sectionId)) continue;
    const decision = decideSectionAccess(ctx, grant.user, grant.sectionId);
    if (!decision.ok) {
      conn.close(decision.refusal.code === CloseCodes.NotFound.code ? CloseCodes.NotFound : CloseCodes.Forbidden);
      closed++;
    } else if (decision.grant.mode !== grant.mode) {
      conn.close(CloseCodes.PermissionsChanged);
      closed++;
    }
  }
  return closed;
}

/** Calls `changed` after another process committed to the database; returns a stop function. */
export function watchOtherWriters(db: Db, intervalMs: number, changed: () => void): () => void {
  const version = () => db.$client.pragma('data_version', { simple: true }) as number;
  let seen = version();
  const timer = setInterval(() => {
    const now = version();
    if (now === seen) return;
    seen = now;
    changed();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
