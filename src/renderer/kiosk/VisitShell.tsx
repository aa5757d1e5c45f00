import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CasusScreen } from './screens/CasusScreen';
import { ContextScreen } from './screens/ContextScreen';
import { Intro } from './screens/Intro';
import { ItemScreen } from './screens/ItemScreen';
import { useKiosk } from './store';

/**
 * What the kiosk and the phone page share around a visit: the top bar with the language switch (only to a language
 * the instrument has), a line about the connection, and the screen the visit is on. Each page brings its own
 * attract screen (the phone has none), its own result and what else it lays over the screen.
 */
export function VisitShell({
  className,
  notice,
  attract = null,
  banner = null,
  result,
  children,
}: {
  className: string;
  /** A translation key for the connection line, or null for none. */
  notice: string | null;
  attract?: ReactNode;
  /** What a page shows under the top bar on every screen (the workshop page: the workshop and its step). */
  banner?: ReactNode;
  result: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const screen = useKiosk((s) => s.screen);
  const lang = useKiosk((s) => s.lang);
  const setLang = useKiosk((s) => s.setLang);
  const instrument = useKiosk((s) => s.instrument);

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);

  const other = lang === 'nl' ? 'en' : 'nl';
  const canSwitch = instrument?.languages.includes(other) ?? true;

  return (
    <div className={className} data-screen={screen}>
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
      {banner}
      {notice && (
        <p className="offline" role="status">
          {t(notice)}
        </p>
      )}
      {screen === 'attract' && attract}
      {screen === 'intro' && <Intro />}
      {screen === 'item' && instrument && <ItemScreen />}
      {screen === 'case' && instrument && <ContextScreen phase="case" />}
      {screen === 'casus' && instrument && <CasusScreen />}
      {screen === 'context' && instrument && <ContextScreen phase="context" />}
      {screen === 'result' && instrument && result}
      {children}
    </div>
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
VisitShell.displayName = 'VisitShell';
