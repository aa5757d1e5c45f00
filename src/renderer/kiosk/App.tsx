import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IdleCountdown } from './IdleCountdown';
import { OperatorExit } from './OperatorExit';
import { Attract } from './screens/Attract';
import { CasusScreen } from './screens/CasusScreen';
import { ContextScreen } from './screens/ContextScreen';
import { Intro } from './screens/Intro';
import { ItemScreen } from './screens/ItemScreen';
import { Result } from './screens/Result';
import { useKiosk } from './store';
import { idleSettingsFrom, useIdleReset } from './useIdleReset';

export function App({ login }: { login: (pin: string) => void }) {
  const { t, i18n } = useTranslation();
  const screen = useKiosk((s) => s.screen);
  const lang = useKiosk((s) => s.lang);
  const setLang = useKiosk((s) => s.setLang);
  const connection = useKiosk((s) => s.connection);
  const instrument = useKiosk((s) => s.instrument);
  const settings = useKiosk((s) => s.settings);
  const { countdownUntil, stay } = useIdleReset(idleSettingsFrom(location.search, settings));

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);

  const other = lang === 'nl' ? 'en' : 'nl';
  const canSwitch = instrument?.languages.includes(other) ?? true;

  return (
    <div className="kiosk" data-screen={screen}>
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
      {(connection === 'closed' || connection === 'unpaired') && screen !== 'result' && (
        <p className="offline" role="status">
          {t(connection === 'unpaired' ? 'connection.unpaired' : 'connection.offline')}
        </p>
      )}
      {screen === 'attract' && <Attract />}
      {screen === 'intro' && <Intro />}
      {screen === 'item' && instrument && <ItemScreen />}
      {screen === 'case' && instrument && <ContextScreen phase="case" />}
      {screen === 'casus' && instrument && <CasusScreen />}
      {screen === 'context' && instrument && <ContextScreen phase="context" />}
      {screen === 'result' && instrument && <Result />}
      <OperatorExit login={login} />
      {countdownUntil !== null && <IdleCountdown until={countdownUntil} onStay={stay} />}
    </div>
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
App.displayName = 'App';
