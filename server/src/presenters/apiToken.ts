import type { ApiTokenJSON } from '@konvent/shared';
import type { apiTokens } from '@konvent/db';

/** Never the token hash: the token itself is shown once, at creation. */
export function presentApiToken(row: typeof apiTokens.$inferSelect): ApiTokenJSON {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
