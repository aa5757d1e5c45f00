import type { HubMessage } from '../../core/messages';
import type { SurveyResponse } from '../../core/response';
import type { ParticipantAction, ParticipantState } from '../../core/workshop';
import { connectHub, deviceId, type HubClient } from '../common/hubClient';
import { useKiosk } from '../kiosk/store';
import { savedWorkshop } from './saved';
import { useWorkshop } from './store';

/** How long to wait for an ack before sending the same answer again (its id makes that harmless). */
const ACK_TIMEOUT_MS = 8000;
/** The close code of a participant's socket when its workshop is deleted (WORKSHOP_ENDED in src/hub/workshop/room.ts). */
export const WORKSHOP_ENDED = 4004;

/** Shows a kept answer as the result, when it belongs to the workshop's instrument. */
function showResult(response: SurveyResponse): boolean {
  const { instrument } = useKiosk.getState();
  if (!instrument || instrument.id !== response.instrumentId || instrument.version !== response.instrumentVersion)
    return false;
  useKiosk.setState({ screen: 'result', finished: response, lang: response.lang, revealing: false });
  return true;
}

const nothingLeft = (state: ParticipantState): boolean =>
  !state.answered && state.nickname === null && state.case === null && state.commitment === null;

/** What the hub says of the participant's own answers: the hub is right about what it holds. */
function receiveState(state: ParticipantState, resend: () => void): void {
  const { forgetting } = useWorkshop.getState();
  useWorkshop.setState({ state });
  if (forgetting !== null) {
    if (nothingLeft(state)) useWorkshop.setState({ forgetting: null, removed: forgetting });
    else resend();
    return;
  }
  // A result kept here that the hub does not hold (taken back on another tab, or another workshop on this device).
  if (!state.answered && !savedWorkshop.pending() && savedWorkshop.result()) {
    savedWorkshop.clear();
    useWorkshop.setState({ commitment: null });
    if (useKiosk.getState().screen === 'result') useKiosk.getState().start();
  }
  if (state.commitment) {
    savedWorkshop.keepCommitment(state.commitment);
    useWorkshop.setState({ commitment: state.commitment });
  }
}

/**
 * The participant's page on its workshop's own socket: the answer kept in localStorage before it is sent, sent again
 * on every reconnect and after a silent hub, shown as the result for good once the hub acknowledged it; the other
 * actions (nickname, case, commitment, forget) are confirmed by the participant state the hub sends after each.
 */
export function startWorkshop(): HubClient {
  let welcomed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKind: ParticipantAction['kind'] | null = null;

  const send = (delay = ACK_TIMEOUT_MS): void => {
    clearTimeout(timer);
    const response = savedWorkshop.pending();
    if (!response) return;
    lastKind = 'answer';
    if (!client.send({ type: 'participant', action: { kind: 'answer', response } })) return;
    timer = setTimeout(() => send(), delay);
  };
  const act = (action: ParticipantAction): boolean => {
    useWorkshop.setState({ refusal: null });
    lastKind = action.kind;
    return client.send({ type: 'participant', action });
  };
  const resendForget = (): void => void act({ kind: 'forget' });

  const onMessage = (message: HubMessage): void => {
    switch (message.type) {
      case 'welcome': {
        useKiosk.getState().setHubState(message.instrument, message.aggregate, message.settings);
        if (useKiosk.getState().screen === 'attract') useKiosk.setState({ screen: 'intro' });
        if (!welcomed) {
          welcomed = true;
          const pending = savedWorkshop.pending();
          const result = savedWorkshop.result();
          if (pending && showResult(pending)) useWorkshop.setState({ delivery: 'saving' });
          else if (result && showResult(result)) useWorkshop.setState({ delivery: 'saved' });
        }
        if (useWorkshop.getState().forgetting) resendForget();
        send();
        break;
      }
      case 'participantState':
        receiveState(message.state, resendForget);
        break;
      case 'ack':
        if (savedWorkshop.acknowledged(message.id) || useKiosk.getState().finished?.id === message.id) {
          clearTimeout(timer);
          useWorkshop.setState({ delivery: 'saved' });
        }
        break;
      case 'error':
        receiveError(message);
        break;
    }
  };

  const receiveError = (message: Extract<HubMessage, { type: 'error' }>): void => {
    if (message.code === 'rate-limited' && savedWorkshop.pending()) {
      clearTimeout(timer);
      timer = setTimeout(() => send(), message.retryAfterMs ?? ACK_TIMEOUT_MS);
      return;
    }
    if (message.code !== 'refused') return;
    if (message.message === 'workshop-gone') {
      useWorkshop.setState({ gone: true });
      client.close();
      return;
    }
    const kind = lastKind ?? 'answer';
    if (kind === 'answer') {
      clearTimeout(timer);
      savedWorkshop.drop();
      useWorkshop.setState({ delivery: 'refused' });
    }
    useWorkshop.setState({ refusal: { kind, reason: message.message } });
  };

  const client = connectHub({
    role: 'participant',
    device: deviceId('ideale.workshop.id.v1'),
    socketPath: '/ws?workshop',
    onMessage,
    onState: (state) => {
      useKiosk.getState().setConnection(state);
      if (state !== 'open') {
        clearTimeout(timer);
        if (savedWorkshop.pending() && useWorkshop.getState().delivery === 'saving')
          useWorkshop.setState({ delivery: 'pending' });
      } else if (savedWorkshop.pending()) useWorkshop.setState({ delivery: 'saving' });
    },
    onClose: (code) => {
      // Deleted: every trace is gone at the hub; knocking again would only count toward the code lock.
      if (code === WORKSHOP_ENDED) {
        useWorkshop.setState({ gone: true });
        client.close();
      }
    },
  });

  useWorkshop.setState({ act });
  useKiosk.setState({
    onFinish: (response: SurveyResponse) => {
      savedWorkshop.keep(response);
      useWorkshop.setState({ delivery: useKiosk.getState().connection === 'open' ? 'saving' : 'pending' });
      send();
    },
  });
  return client;
}
