import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The working group's sections. Sitzungen joins once meetings exist (no dead links). */
export function MainNav({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const base = `/a/${workspaceId}`;
  const items = [
    { to: base, label: t('nav.dashboard'), end: true },
    { to: `${base}/bericht`, label: t('nav.report'), end: false },
    { to: `${base}/fokusthemen`, label: t('nav.topics'), end: false },
    { to: `${base}/mitglieder`, label: t('nav.members'), end: false },
  ];
  return (
    <nav className="k-nav" aria-label={t('nav.label')}>
      <ul className="k-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="k-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
