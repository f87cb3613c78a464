/** The outline's trash (moderators): deleted sections with restore. */
import { useTranslation } from 'react-i18next';
import type { SectionJSON } from '@konvent/shared';
import { useTrash } from '../../api/queries';
import { EmptyState, ErrorAlert, Loading } from '../../components/feedback';
import { formatDateTime } from '../../components/format';

export function TrashView({ workspaceId, onRestore }: { workspaceId: string; onRestore: (s: SectionJSON) => void }) {
  const { t, i18n } = useTranslation();
  const trash = useTrash(workspaceId, true);
  if (trash.isPending) return <Loading />;
  if (trash.isError) return <ErrorAlert error={trash.error} onRetry={() => void trash.refetch()} />;
  if (trash.data.length === 0) return <EmptyState>{t('outline.trashEmpty')}</EmptyState>;
  return (
    <ul className="k-plain-list k-trash">
      {trash.data.map((s) => (
        <li key={s.id} className="k-trash__item">
          <span>
            <span className="k-trash__title">{s.title}</span>{' '}
            {s.deletedAt ? <span className="k-muted">({t('outline.deletedAt', { date: formatDateTime(s.deletedAt, i18n.language) })})</span> : null}
          </span>
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--x-small"
            aria-label={t('outline.restoreLabel', { title: s.title })}
            onClick={() => onRestore(s)}
          >
            <span className="kern-label">{t('outline.restore')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
