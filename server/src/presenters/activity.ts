import type { ActivityJSON } from '@konvent/shared';
import type { auditLog } from '@konvent/db';

export function presentActivity(row: typeof auditLog.$inferSelect, actorName: string | null): ActivityJSON {
  return {
    id: row.id,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    actorId: row.actorId,
    actorName,
    data: row.data ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
