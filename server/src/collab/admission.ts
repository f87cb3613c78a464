/**
 * The first stage of the pipeline: who is connecting, to which document, in which mode.
 * Runs synchronously during the HTTP upgrade, before any document is loaded, so a refused
 * connection never sees content. The same decision re-runs when permissions change.
 *
 * A person who is not a member of the section's workspace gets 4403 (see CloseCodes in
 * shared/src/constants.ts for why that does not leak anything useful).
 */
import type { IncomingMessage } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import { perDatabase, sections } from '@konvent/db';
import { CloseCodes, can } from '@konvent/shared';
import { authenticateRequest } from '../auth/authenticate';
import type { UserRow } from '../auth/sessions';
import type { AppContext } from '../context';
import type { Db } from '@konvent/db';
import { loadActor } from '../policies/actor';
import { collabMode, type CollabMode } from '../policies/section';
import { parseDocName } from './docName';

export type CloseCode = { code: number; reason: string };

export interface Grant {
  user: UserRow;
  docName: string;
  sectionId: string;
  workspaceId: string;
  mode: CollabMode;
}

export type Decision = { ok: true; grant: Grant } | { ok: false; refusal: CloseCode };

const refuse = (refusal: CloseCode): Decision => ({ ok: false, refusal });

/** Prepared once per database: admission runs for every connection and every re-check. */
function prepareSectionQuery(db: Db) {
  return db
    .select({
      workspaceId: sections.workspaceId,
      topicId: sections.topicId,
      assigneeId: sections.assigneeId,
      status: sections.status,
      deletedAt: sections.deletedAt,
    })
    .from(sections)
    .where(eq(sections.id, sql.placeholder('sectionId')))
    .prepare();
}

export const sectionQueryFor = perDatabase(prepareSectionQuery);

/** The mode this user has on this section now, or why they may not read it. */
export function decideSectionAccess(ctx: AppContext, user: UserRow, sectionId: string): Decision {
  // Always read fresh (no decision cache): permission changes take effect on the next check.
  const section = sectionQueryFor(ctx.db).get({ sectionId });
  if (!section) return refuse(CloseCodes.NotFound);
  const actor = loadActor(ctx.db, user, section.workspaceId);
  if (!actor || !can(actor.role, 'workspace.read')) return refuse(CloseCodes.Forbidden);
  return {
    ok: true,
    grant: {
      user,
      docName: `section:${sectionId}`,
      sectionId,
      workspaceId: section.workspaceId,
      mode: collabMode(actor, section),
    },
  };
}

/** Authenticate (cookie or ?token=), parse the name, then authorize through the policies. */
export function admit(ctx: AppContext, req: IncomingMessage): Decision {
  const auth = authenticateRequest(ctx, req, { allowQueryToken: true });
  if (!auth) return refuse(CloseCodes.Unauthorized);
  const name = parseDocName(req.url);
  // Minutes are co-edited in a later step; until then they do not exist here.
  if (!name || name.kind !== 'section') return refuse(CloseCodes.NotFound);
  return decideSectionAccess(ctx, auth.user, name.id);
}
