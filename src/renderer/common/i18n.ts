import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { liveEn, liveNl } from './locales/live';
import { nl } from './locales/nl';
import { workshopParticipantEn, workshopParticipantNl } from './locales/workshopParticipant';
import { workshopScreenEn, workshopScreenNl } from './locales/workshopScreen';

/** A page's words with the live moment's merged in (locales/live.ts). */
function withLive<T extends typeof nl | typeof en>(base: T, live: typeof liveEn) {
  return {
    ...base,
    live: live.live,
    console: { ...base.console, ...live.console, textRefused: { ...base.console.textRefused, ...live.textRefused } },
    projector: { ...base.projector, keys: { ...base.projector.keys, ...live.projectorKeys } },
  };
}

/** The shared screen's and the console panel's words for workshop mode merged in (locales/workshopScreen.ts). */
function withWorkshopScreen<T extends ReturnType<typeof withLive>>(base: T, words: typeof workshopScreenEn) {
  return { ...base, workshopScreen: words.workshopScreen, console: { ...base.console, ...words.console } };
}

/** Dutch first; English complete. Instrument content carries its own translations. */
export function initI18n(lang: 'nl' | 'en' = 'nl'): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'nl',
    resources: {
      nl: { translation: { ...withWorkshopScreen(withLive(nl, liveNl), workshopScreenNl), ...workshopParticipantNl } },
      en: { translation: { ...withWorkshopScreen(withLive(en, liveEn), workshopScreenEn), ...workshopParticipantEn } },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  return i18next;
}
