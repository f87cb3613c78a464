/** Frame of the pages without a session (login, invitation): brand, language, main. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import '../layout/AppLayout.css';

export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="k-app">
      <a className="k-skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="k-header">
        <div className="k-header__brand">
          <span className="k-header__logo">{t('app.name')}</span>
        </div>
        <div className="k-header__tools">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="k-main" tabIndex={-1}>
        <div className="k-center-page">{children}</div>
      </main>
    </div>
  );
}
