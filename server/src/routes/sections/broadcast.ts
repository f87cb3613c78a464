import { inArray } from 'drizzle-orm';
import { sections } from '@konvent/db';
import type { AppContext } from '../../context';
import { perRecipient } from '../workspaces/load';
import { presentSections } from './load';

/**
 * Sends each section as its own event after a committed write, built per recipient so the
 * abilities are theirs. Siblings that merely shifted position go out as `section.updated`.
 */
export function broadcastSections(ctx: AppContext, workspaceId: string, event: string, ids: string[]): void {
  for (const id of new Set(ids)) {
    const row = ctx.db.select().from(sections).where(inArray(sections.id, [id])).get();
    if (!row) continue;
    ctx.realtime.toWorkspace(workspaceId, event, perRecipient(ctx.db, workspaceId, (a) => presentSections(ctx.db, [row], a)[0]));
  }
}
