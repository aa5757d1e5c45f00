import { standInstrument } from '../../core/instrument';
import type { HubMessage } from '../../core/messages';
import type { SurveyResponse } from '../../core/response';
import { connectHub, deviceId, type HubClient } from '../common/hubClient';
import { outbox } from './outbox';
import { useKiosk } from './store';

/** How long to wait for an ack before sending the same response again (the UUID makes that harmless). */
const ACK_TIMEOUT_MS = 8000;
/** Gap between sends when flushing a long outbox, well under the hub's rate limit (50 messages per second). */
const FLUSH_GAP_MS = 40;

/**
 * Delivers finished responses: first into the durable outbox, then to the hub one at a time, forgotten only on the
 * hub's ack. Resends after every reconnect.
 */
interface Shell {
  operatorExit?: (token: string) => Promise<boolean>;
}

/** How the operator exit names each refusal of its PIN. */
const OPERATOR_ERRORS = { 'bad-pin': 'badPin', locked: 'locked', 'no-pin': 'noPin' } as const;

/**
 * In the Electron app the shell opens the console beside a kiosk window that is no longer locked (or quits, on a
 * screen paired with a hub elsewhere). In a browser on the hub's computer the organiser goes to the console; on a
 * paired tablet the console is not reachable, so the kiosk says where it is.
 */
async function leaveKiosk(token: string): Promise<void> {
  const shell = (window as unknown as { shell?: Shell }).shell;
  if (shell?.operatorExit) {
    if (await shell.operatorExit(token)) useKiosk.setState({ operatorOpen: false, operatorError: null });
  } else if (['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname)) location.assign('/admin');
  else useKiosk.setState({ operatorError: 'remote' });
}

export function startDelivery(): HubClient {
  let inFlight: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendNext = (): void => {
    if (inFlight) return;
    const next = outbox.first();
    if (!next) return;
    if (!client.send({ type: 'submit', response: next })) return;
    inFlight = next.id;
    clearTimeout(timer);
    timer = setTimeout(() => {
      inFlight = null;
      sendNext();
    }, ACK_TIMEOUT_MS);
  };

  /** Lets the console show what this kiosk still holds. */
  const reportOutbox = (): void =>
    void client.send({ type: 'outbox', pending: outbox.size(), refused: outbox.refusedCount() });

  const settle = (id: string): void => {
    if (inFlight === id) {
      inFlight = null;
      clearTimeout(timer);
    }
    setTimeout(sendNext, FLUSH_GAP_MS);
  };

  const onMessage = (message: HubMessage): void => {
    const store = useKiosk.getState();
    switch (message.type) {
      case 'welcome':
        store.setHubState(standInstrument(message.instrument), message.aggregate, message.settings);
        reportOutbox();
        sendNext();
        break;
      case 'state':
        store.setSettings(message.settings);
        break;
      case 'update':
      case 'aggregate':
        store.setAggregate(message.aggregate);
        break;
      case 'ack':
        outbox.remove(message.id);
        reportOutbox();
        store.setDelivery(message.id, 'saved');
        settle(message.id);
        break;
      case 'session':
        void leaveKiosk(message.token);
        break;
      case 'error':
        if (message.code === 'bad-pin' || message.code === 'locked' || message.code === 'no-pin')
          useKiosk.setState({ operatorError: OPERATOR_ERRORS[message.code] });
        if (message.code === 'bad-response' && message.ref) {
          outbox.reject(message.ref);
          settle(message.ref);
          reportOutbox();
        }
        break;
    }
  };

  const client = connectHub({
    role: 'kiosk',
    device: deviceId('ideale.device.v1'),
    onMessage,
    onState: (state) => {
      useKiosk.getState().setConnection(state);
      if (state !== 'open') {
        inFlight = null;
        clearTimeout(timer);
        const finished = useKiosk.getState().finished;
        if (finished && outbox.has(finished.id)) useKiosk.getState().setDelivery(finished.id, 'pending');
      }
    },
  });

  useKiosk.setState({
    onFinish: (response: SurveyResponse) => {
      outbox.add(response);
      if (useKiosk.getState().connection !== 'open') useKiosk.getState().setDelivery(response.id, 'pending');
      sendNext();
    },
  });
  return client;
}
