/**
 * The notification as a sentence in the reader's language, built from its fields with
 * i18next (status names from the shared status labels). The server's German `text` is the
 * fallback for a kind this client does not know yet, or a status change without a status.
 */
import type { TFunction } from 'i18next';
import type { NotificationJSON } from '@konvent/shared';

const kinds = new Set(['mention', 'reply', 'comment_on_assigned', 'assignment', 'status_change']);

export function notificationSentence(t: TFunction, n: NotificationJSON): string {
  if (!kinds.has(n.kind)) return n.text;
  const values = {
    actor: n.actor?.name ?? t('notificationText.someone'),
    section: n.sectionTitle ?? '',
    context: n.sectionTitle ? undefined : 'noSection',
  };
  if (n.kind === 'status_change') {
    if (!n.to) return n.text;
    const to = t(`status.${n.to}`);
    if (!n.from) return t('notificationText.status_change_to', { ...values, to });
    return t('notificationText.status_change', { ...values, from: t(`status.${n.from}`), to });
  }
  return t(`notificationText.${n.kind}`, values);
}
