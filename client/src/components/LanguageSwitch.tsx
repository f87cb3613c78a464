import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';

/** Two buttons, the current one pressed; each names its language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? 'de') as Language;
  return (
    <div className="k-lang-switch" role="group" aria-label={t('settings.language')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={`kern-btn kern-btn--x-small ${lng === current ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
          aria-pressed={lng === current}
          onClick={() => setLanguage(lng)}
        >
          <span className="kern-label">{t(`language.${lng}`)}</span>
        </button>
      ))}
    </div>
  );
}
