import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHub, deviceId } from '../common/hubClient';
import { initI18n } from '../common/i18n';
import '../common/base.css';
import './projector.css';
import { App } from './App';
import { useInvite } from './invite';
import { useProjector } from './store';
import { bindPresenterKeys, runPresenterCommand } from './keys';
import { reportState, setLiveSender, useLive } from './live';
import { useWorkshopScreen } from './workshop/store';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'nl';
initI18n(lang);

const canvas = document.createElement('canvas');
const webgl = Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));

const client = connectHub({
  role: 'projector',
  device: deviceId('ideale.device.v1'),
  onState: (state) => useProjector.getState().setConnection(state),
  onMessage: (message) => {
    const store = useProjector.getState();
    if (message.type === 'welcome')
      store.welcome(message.instrument, message.aggregate, message.crowd, message.round, message.settings);
    else if (message.type === 'update') store.arrive(message.aggregate, message.member);
    else if (message.type === 'talk') store.setTalk(message.talk);
    else if (message.type === 'state') {
      store.setSettings(message.settings);
      store.setRound(message.round);
    } else if (message.type === 'audience') useInvite.getState().receive(message);
    else if (message.type === 'live') useLive.getState().receive(message.live);
    else if (message.type === 'presenter') runPresenterCommand(message.command);
    else if (message.type === 'workshopScreen') useWorkshopScreen.getState().receive(message);
    if (message.type === 'welcome') {
      setLiveSender(client.send);
      report();
    }
  },
});

/** What this projector shows, for the presenter's remote. */
function report(): void {
  const { view, hidden, frozen, blank } = useProjector.getState();
  reportState({ view, hidden, frozen, blank, invite: useInvite.getState().shown });
}
useProjector.subscribe(report);
useInvite.subscribe(report);
bindPresenterKeys(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App webgl={webgl} />
  </StrictMode>,
);
