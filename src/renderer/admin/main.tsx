import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { connectHub, deviceId } from '../common/hubClient';
import { initI18n } from '../common/i18n';
import { useNow } from '../common/useNow';
import '../common/base.css';
import './admin.css';
import { AudiencePanel } from './panels/AudiencePanel';
import { DataPanels } from './panels/DataPanels';
import { DayView } from './panels/DayView';
import { Login } from './panels/Login';
import { LivePanel } from './panels/LivePanel';
import { NetworkPanel } from './panels/NetworkPanel';
import { Overview } from './panels/Overview';
import { Rounds } from './panels/Rounds';
import { SettingsPanel } from './panels/SettingsPanel';
import { WorkshopPanel } from './panels/WorkshopPanel';
import { Editor } from './library/Editor';
import { LibraryPanel } from './library/LibraryPanel';
import { useLibrary } from './library/store';
import { useLiveConsole } from './liveConsole';
import { useConsole } from './store';
import { useWorkshops } from './workshopConsole';

/** How often the console refreshes its overview while logged in. */
const STATUS_EVERY_MS = 3000;

function Console() {
  const { t, i18n } = useTranslation();
  const connection = useConsole((s) => s.connection);
  const token = useConsole((s) => s.token);
  const settings = useConsole((s) => s.settings);
  const notice = useConsole((s) => s.notice);
  const lockedUntil = useConsole((s) => s.lockedUntil);
  const now = useNow();
  const editing = useLibrary((s) => s.editing);

  useEffect(() => {
    if (!token) return;
    const timer = setInterval(() => useConsole.getState().act({ kind: 'status' }), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [token]);

  const noticeText = notice
    ? notice.text === 'locked'
      ? t('console.locked', { seconds: Math.max(0, Math.ceil((lockedUntil - now) / 1000)) })
      : i18n.exists(`console.${notice.text}`)
        ? t(`console.${notice.text}`, notice.params)
        : notice.text
    : null;
  return (
    <main className={editing && token ? 'console editing' : 'console'}>
      <header className="console-head">
        <h1>
          {t('app.title')}: {t('console.title')}
        </h1>
        <button onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'nl' : 'en')}>
          {t('lang.switchTo')}
        </button>
      </header>
      <p role="status" className={connection === 'open' ? 'ok' : 'warn'}>
        {connection === 'open' ? t('console.connected') : t('console.offline')}
      </p>
      {noticeText && (
        <p role="alert" className={`notice ${notice?.kind}`} data-testid="notice">
          {noticeText}
        </p>
      )}
      {!token && <Login />}
      {token && editing && <Editor editing={editing} />}
      {token && !editing && (
        <>
          <Overview />
          <DayView />
          <Rounds />
          <NetworkPanel />
          <AudiencePanel />
          <LibraryPanel />
          <LivePanel />
          <WorkshopPanel />
          {settings && <SettingsPanel settings={settings} />}
          <DataPanels />
        </>
      )}
    </main>
  );
}

initI18n(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'nl');
const client = connectHub({
  role: 'admin',
  device: deviceId('ideale.device.v1'),
  onState: (state) => useConsole.getState().setConnection(state),
  onMessage: (message) => {
    if (message.type === 'liveStatus') useLiveConsole.setState({ status: message.status });
    else if (message.type === 'workshops') useWorkshops.setState({ list: message.list });
    else useConsole.getState().receive(message);
  },
});
useConsole.setState({ client });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
