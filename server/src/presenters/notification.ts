import { sectionStatuses, type NotificationJSON, type SectionStatus } from '@konvent/shared';
import type { notifications } from '@konvent/db';

type NotificationRow = typeof notifications.$inferSelect;

/** Names looked up for a notification's text; null when the person or section is gone. */
export interface NotificationContext {
  actorName: string | null;
  sectionTitle: string | null;
}

const statusNames: Record<SectionStatus, string> = { draft: 'Entwurf', review: 'In Prüfung', final: 'Abgestimmt' };

const asStatus = (value: string | undefined): SectionStatus | null =>
  (sectionStatuses as readonly string[]).includes(value ?? '') ? (value as SectionStatus) : null;

function textOf(row: NotificationRow, names: NotificationContext, to: SectionStatus | null): string {
  const who = names.actorName ?? 'Jemand';
  const where = names.sectionTitle ? `„${names.sectionTitle}“` : 'einem Abschnitt';
  switch (row.kind) {
    case 'mention':
      return `${who} hat Sie in ${where} erwähnt.`;
    case 'reply':
      return `${who} hat in ${where} auf eine Diskussion geantwortet.`;
    case 'comment_on_assigned':
      return `${who} hat ${where} kommentiert, der Ihnen zugewiesen ist.`;
    case 'assignment':
      return `${who} hat Ihnen ${where} zugewiesen.`;
    case 'status_change':
      return `${who} hat ${where} auf „${to ? statusNames[to] : '?'}“ gesetzt.`;
  }
}

/** Client path of what the notification points to (the section, opened at the thread). */
function linkOf(row: NotificationRow): string {
  const base = `/a/${row.workspaceId}`;
  if (!row.data.sectionId) return base;
  const thread = row.data.threadId ? `?thread=${encodeURIComponent(row.data.threadId)}` : '';
  return `${base}/bericht/${row.data.sectionId}${thread}`;
}

export function presentNotification(row: NotificationRow, names: NotificationContext): NotificationJSON {
  const to = asStatus(row.data.to);
  return {
    id: row.id,
    kind: row.kind,
    read: row.readAt != null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    workspaceId: row.workspaceId,
    sectionId: row.data.sectionId ?? null,
    sectionTitle: names.sectionTitle,
    threadId: row.data.threadId ?? null,
    commentId: row.data.commentId ?? null,
    actor: row.data.actorId && names.actorName ? { id: row.data.actorId, name: names.actorName } : null,
    from: asStatus(row.data.from),
    to,
    excerpt: row.data.excerpt ?? null,
    text: textOf(row, names, to),
    link: linkOf(row),
  };
}
