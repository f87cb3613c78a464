/**
 * A feature's own i18next namespace on the app's instance (the editor's `editor`, the comment
 * panel's `comments`): the feature ships its strings next to its code, without touching the
 * app's resource files. Registration is idempotent and waits for the app to initialise i18next.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

export function featureNamespace<T extends object>(ns: string, de: T, en: T) {
  const register = (instance: I18n) => {
    if (!instance.isInitialized && !instance.store) return;
    if (!instance.hasResourceBundle('de', ns)) instance.addResourceBundle('de', ns, de, true, false);
    if (!instance.hasResourceBundle('en', ns)) instance.addResourceBundle('en', ns, en, true, false);
  };
  if (i18next.isInitialized) register(i18next);
  else i18next.on('initialized', () => register(i18next));

  /** The feature's `t`; its components get their strings only this way. */
  return function useFeatureTranslation() {
    const result = useTranslation(ns);
    register(result.i18n);
    return result;
  };
}
