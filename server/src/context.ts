/** What every route, policy, command and the collab server get: one per process. */
import type * as Y from 'yjs';
import type { Db } from '@konvent/db';
import type { Config } from './config';
import type { Logger } from './logger';
import type { PresenceRegistry } from './presence/registry';
import type { Realtime } from './realtime/realtime';

export interface AppContext {
  db: Db;
  config: Config;
  logger: Logger;
  realtime: Realtime;
  /** Hooks the collab server registers so permission changes reach open connections. */
  collab: CollabHooks;
  /** Who is in which section now; fed by the collab server's connections. */
  presence: PresenceRegistry;
}

export interface CollabHooks {
  /** Re-evaluate the mode of every open connection of these users (or of everyone in a workspace). */
  permissionsChanged(scope: { workspaceId: string; userIds?: string[]; sectionIds?: string[] }): void;
  /**
   * The in-memory Y.Doc of a loaded co-edited document (including edits not yet flushed),
   * or undefined when it is not loaded. Read it; never write to it.
   */
  liveDocument(name: string): Y.Doc | undefined;
}
