import type { SectionStatus } from '@konvent/shared';
import { useTranslation } from 'react-i18next';

const tone: Record<SectionStatus, string> = { draft: 'info', review: 'warning', final: 'success' };

/** The section status as a KERN badge; the colour only repeats what the word says. */
export function StatusBadge({ status }: { status: SectionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--small kern-badge--${tone[status]} k-badge`}>
      <span className="kern-label">{t(`status.${status}`)}</span>
    </span>
  );
}
