import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/instrument';

/** The page's language as an instrument language, with the translate function. */
export function useLang(): { t: ReturnType<typeof useTranslation>['t']; lang: Language } {
  const { t, i18n } = useTranslation();
  return { t, lang: i18n.language === 'en' ? 'en' : 'nl' };
}
