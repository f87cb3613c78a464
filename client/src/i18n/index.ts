/**
 * i18next setup: German by default, English switchable; the choice is remembered in
 * localStorage and mirrored into <html lang> so screen readers pronounce the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
export const languageStorageKey = 'konvent.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(languageStorageKey);
    return value === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(languageStorageKey, lng);
  } catch {
    // Private mode without storage: the switch still works for this visit.
  }
  void i18next.changeLanguage(lng);
}

const initial = storedLanguage();
document.documentElement.lang = initial;
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
