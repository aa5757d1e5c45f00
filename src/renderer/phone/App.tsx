import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CasusScreen } from '../kiosk/screens/CasusScreen';
import { ContextScreen } from '../kiosk/screens/ContextScreen';
import { Intro } from '../kiosk/screens/Intro';
import { ItemScreen } from '../kiosk/screens/ItemScreen';
import { useKiosk } from '../kiosk/store';
import { PhoneResult } from './PhoneResult';
import { usePhone } from './store';

/**
 * The phone page: the kiosk's visit (intro, the situations with a first and second choice, the case, the casus, the context,
 * the result) on a visitor's own phone, without the attract screen, the lock-down or the idle reset: it is their
 * phone, and the result stays on it.
 */
export function App() {
  const { t, i18n } = useTranslation();
  const screen = useKiosk((s) => s.screen);
  const lang = useKiosk((s) => s.lang);
  const setLang = useKiosk((s) => s.setLang);
  const connection = useKiosk((s) => s.connection);
  const instrument = useKiosk((s) => s.instrument);
  const ended = usePhone((s) => s.ended);

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);

  const other = lang === 'nl' ? 'en' : 'nl';
  const canSwitch = instrument?.languages.includes(other) ?? true;
  const problem = ended ? 'phone.ended' : connection === 'closed' ? 'phone.offline' : null;

  return (
    <div className="kiosk phone" data-screen={screen}>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        {canSwitch && (
          <button
            className="lang"
            onClick={() => setLang(other)}
            lang={other}
            aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`}
          >
            {t('lang.switchTo')}
          </button>
        )}
      </header>
      {problem && (
        <p className="offline" role="status">
          {t(problem)}
        </p>
      )}
      {screen === 'intro' && <Intro />}
      {screen === 'item' && instrument && <ItemScreen />}
      {screen === 'case' && instrument && <ContextScreen phase="case" />}
      {screen === 'casus' && instrument && <CasusScreen />}
      {screen === 'context' && instrument && <ContextScreen phase="context" />}
      {screen === 'result' && instrument && <PhoneResult />}
    </div>
  );
}
