import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { nl } from './locales/nl';

/** Dutch first; English complete. Instrument content carries its own translations. */
export function initI18n(lang: 'nl' | 'en' = 'nl'): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'nl',
    resources: { nl: { translation: nl }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  return i18next;
}
