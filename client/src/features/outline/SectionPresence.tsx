/**
 * "Jetzt im Abschnitt: Anna Beispiel, Ben Muster +2" in an outline row: initials in each
 * person's caret colour (as in the editor) and their names as text, so a screen reader
 * reads who it is, not coloured circles. At most three names; the rest as a count.
 */
import { useTranslation } from 'react-i18next';
import { colorForUser } from '../editor/colors';
import { useSectionPresence } from './presence';

const maxNames = 3;

/** First and last name's initials; titles and other abbreviations ("Dr.", "Prof.") are skipped. */
function initials(name: string): string {
  const all = name.trim().split(/\s+/).filter(Boolean);
  const named = all.filter((w) => !w.endsWith('.'));
  const words = named.length > 0 ? named : all;
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function SectionPresence({ workspaceId, sectionId }: { workspaceId: string; sectionId: string }) {
  const { t } = useTranslation();
  const users = useSectionPresence(workspaceId, sectionId);
  if (users.length === 0) return null;
  const shown = users.slice(0, maxNames);
  const more = users.length - shown.length;
  return (
    <span className="k-tree__presence" data-testid="section-presence" title={t('outline.presentNow', { names: users.map((u) => u.name).join(', ') })}>
      <span className="k-tree__avatars" aria-hidden="true">
        {shown.map((u) => (
          <span key={u.id} className="k-tree__avatar" style={{ backgroundColor: colorForUser(u.id) }}>
            {initials(u.name)}
          </span>
        ))}
      </span>
      <span>{t('outline.presentNow', { names: shown.map((u) => u.name).join(', ') })}</span>
      {more > 0 ? (
        <>
          <span aria-hidden="true">+{more}</span>
          <span className="kern-sr-only">{t('outline.presentMore', { count: more })}</span>
        </>
      ) : null}
    </span>
  );
}
