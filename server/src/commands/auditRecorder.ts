/** Appends to the audit log inside the caller's transaction. */
import { auditLog, type Db } from '@konvent/db';

type Tx = Pick<Db, 'insert'>;

export interface AuditEntry {
  workspaceId?: string | null;
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. `section.status_changed`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      workspaceId: entry.workspaceId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data: entry.data ?? null,
      createdAt: new Date(),
    })
    .run();
}
