import { standInstrument } from '../../core/instrument';
import type { HubMessage } from '../../core/messages';
import type { SurveyResponse } from '../../core/response';
import { connectHub, deviceId, type HubClient } from '../common/hubClient';
import { useKiosk } from '../kiosk/store';
import { receiveLive, setLiveSend } from './live';
import { saved, type SavedAnswer } from './saved';
import { usePhone } from './store';

/** How long to wait for an ack before sending the same answer again (its id makes that harmless). */
const ACK_TIMEOUT_MS = 8000;

/** Shows a kept answer as the result, when it belongs to the instrument the hub runs now. */
function showResult(answer: SavedAnswer): boolean {
  const { instrument } = useKiosk.getState();
  const { response } = answer;
  if (!instrument || instrument.id !== response.instrumentId || instrument.version !== response.instrumentVersion)
    return false;
  useKiosk.setState({ screen: 'result', finished: response, lang: response.lang });
  usePhone.setState({ resultRound: answer.round });
  return true;
}

/**
 * The phone's one answer: kept in localStorage before it is sent, sent again on every reconnect and after a silent
 * hub, shown as the result for good once the hub acknowledged it. A phone that already answered in this round is
 * told so by the hub (`already-answered`) and shows the result it has.
 */
export function startPhone(): HubClient {
  let welcomed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (delay = ACK_TIMEOUT_MS): void => {
    clearTimeout(timer);
    const pending = saved.pending();
    if (!pending || !client.send({ type: 'submit', response: pending.response })) return;
    timer = setTimeout(() => send(), delay);
  };

  const onMessage = (message: HubMessage): void => {
    if (receiveLive(message)) return;
    const kiosk = useKiosk.getState();
    switch (message.type) {
      case 'welcome': {
        kiosk.setHubState(standInstrument(message.instrument), message.aggregate, message.settings);
        // Another instrument mid-visit sends the kiosk back to its attract screen; a phone has none.
        if (useKiosk.getState().screen === 'attract') useKiosk.setState({ screen: 'intro', lang: kiosk.lang });
        usePhone.setState({ round: message.round, ended: false });
        if (!welcomed) {
          welcomed = true;
          const pending = saved.pending();
          const result = saved.result();
          if (pending && showResult(pending)) usePhone.setState({ delivery: 'saving' });
          else if (result && showResult(result)) usePhone.setState({ delivery: 'walking' });
        }
        send();
        break;
      }
      case 'state':
        usePhone.setState({ round: message.round });
        break;
      case 'ack': {
        clearTimeout(timer);
        const answer = saved.acknowledged(message.id);
        if (kiosk.finished?.id === message.id)
          usePhone.setState({ delivery: 'walking', resultRound: answer?.round ?? null });
        break;
      }
      case 'error':
        if (!message.ref || saved.pending()?.response.id !== message.ref) break;
        clearTimeout(timer);
        if (message.code === 'rate-limited') {
          usePhone.setState({ delivery: 'rateLimited' });
          timer = setTimeout(() => send(), message.retryAfterMs ?? ACK_TIMEOUT_MS);
        } else if (message.code === 'already-answered' || message.code === 'bad-response') {
          saved.drop(message.ref);
          const earlier = saved.result();
          if (message.code === 'already-answered' && earlier && showResult(earlier))
            usePhone.setState({ delivery: 'already' });
          else usePhone.setState({ delivery: 'alreadyNoEarlier' });
        }
        break;
    }
  };

  const client = connectHub({
    role: 'phone',
    device: deviceId('ideale.phone.id.v1'),
    onMessage,
    onState: (state) => {
      useKiosk.getState().setConnection(state);
      if (state === 'unpaired') usePhone.setState({ ended: true });
      if (state !== 'open') {
        clearTimeout(timer);
        if (saved.pending() && usePhone.getState().delivery === 'saving') usePhone.setState({ delivery: 'pending' });
      }
    },
  });

  setLiveSend(client.send);
  useKiosk.setState({
    onFinish: (response: SurveyResponse) => {
      const round = usePhone.getState().round?.id ?? null;
      saved.keep(response, round);
      usePhone.setState({
        delivery: useKiosk.getState().connection === 'open' ? 'saving' : 'pending',
        resultRound: round,
      });
      send();
    },
  });
  return client;
}
