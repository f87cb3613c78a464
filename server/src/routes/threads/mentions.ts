import { and, eq, inArray } from 'drizzle-orm';
import { memberships, users, type Db } from '@konvent/db';
import { commentLimits } from '@konvent/shared';
import { mentionedIds, plainTextOf, withTrueNames } from '../../comments/mentions';
import { badRequest } from '../../errors';

export interface CheckedBody {
  /** The body with each mention showing the person's real name. */
  body: string;
  plainText: string;
  mentioned: string[];
}

/**
 * Checks the mentions of a comment body: everyone mentioned must be a member of the
 * workspace, else a 400 that names the problem and nothing is written.
 */
export function checkMentions(db: Db, workspaceId: string, body: string): CheckedBody {
  const ids = mentionedIds(body);
  if (ids.length > commentLimits.mentionsMax) {
    throw badRequest(`Invalid body: at most ${commentLimits.mentionsMax} people can be mentioned in one comment.`, {
      issues: [{ field: 'body', code: 'too_many_mentions', message: 'Too many mentions.' }],
    });
  }
  const members = ids.length
    ? db
        .select({ id: users.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)))
        .all()
    : [];
  const names = new Map(members.map((m) => [m.id, m.name]));
  const unknown = ids.filter((id) => !names.has(id));
  if (unknown.length) {
    throw badRequest('Invalid body: it mentions someone who is not a member of this workspace.', {
      issues: [{ field: 'body', code: 'unknown_mention', message: 'Not a member of this workspace.', userIds: unknown }],
    });
  }
  const trueBody = withTrueNames(body, names);
  return { body: trueBody, plainText: plainTextOf(trueBody), mentioned: ids };
}
