import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHub, deviceId } from '../common/hubClient';
import { initI18n } from '../common/i18n';
import '../common/base.css';
import './remote.css';
import { App } from './App';
import { useRemote } from './store';

const asked = new URLSearchParams(location.search).get('lang');
const lang = asked === 'en' || (asked === null && !navigator.language.toLowerCase().startsWith('nl')) ? 'en' : 'nl';
initI18n(lang);

const client = connectHub({
  role: 'remote',
  device: deviceId('ideale.remote.id.v1'),
  socketPath: '/ws?remote',
  onState: (connection) => useRemote.setState({ connection }),
  onMessage: (message) => {
    if (message.type === 'remoteState') useRemote.setState({ state: message.state, refusal: null });
    else if (message.type === 'error' && message.code === 'refused') useRemote.setState({ refusal: message.message });
  },
});
useRemote.setState({ send: client.send });
// A locked screen may leave a socket that looks open and is dead: back on screen, connect afresh.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') client.reconnect();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
