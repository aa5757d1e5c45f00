import { create } from 'zustand';
import type { LiveQuestion } from '../../core/live';
import type { ClientMessage, HubMessage } from '../../core/messages';
import { randomId } from '../common/randomId';

/**
 * The live question on this phone: shown over whatever the phone was doing (the visit, the result), which waits
 * underneath untouched and is back when the question closes. The answer (one choice, by its place on screen) is
 * kept in localStorage with its own id until the hub acknowledged it, so a reload or a dropped connection sends the
 * same answer again and never a second one.
 */
type LiveDelivery = 'none' | 'sending' | 'sent' | 'already';

interface PhoneLive {
  question: LiveQuestion | null;
  choice: number | null;
  delivery: LiveDelivery;
  choose(option: number): void;
}

const KEY = 'ideale.phone.live.v1';
interface Kept {
  live: number;
  option: number;
  id: string;
  acked: boolean;
}

function kept(): Kept | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Kept | null;
    return value && typeof value.live === 'number' && typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

let send: (message: ClientMessage) => boolean = () => false;

const sendKept = (): void => {
  const answer = kept();
  const question = useLiveQuestion.getState().question;
  if (answer && !answer.acked && question?.id === answer.live && question.open)
    send({ type: 'liveAnswer', live: answer.live, option: answer.option, id: answer.id });
};

export const useLiveQuestion = create<PhoneLive>()((set, get) => ({
  question: null,
  choice: null,
  delivery: 'none',
  choose: (option) => {
    const { question, delivery } = get();
    if (!question?.open || delivery !== 'none') return;
    localStorage.setItem(KEY, JSON.stringify({ live: question.id, option, id: randomId(), acked: false }));
    set({ choice: option, delivery: 'sending' });
    sendKept();
  },
}));

/** The hub connection's send, set once it exists. */
export function setLiveSend(sender: (message: ClientMessage) => boolean): void {
  send = sender;
}

/** Handles what the hub says about the live question; true when the message was about it. */
export function receiveLive(message: HubMessage): boolean {
  if (message.type === 'liveQuestion') {
    const answer = kept();
    const mine = answer && message.question?.id === answer.live ? answer : null;
    const delivery: LiveDelivery = mine ? (mine.acked ? 'sent' : 'sending') : message.answered ? 'already' : 'none';
    useLiveQuestion.setState({ question: message.question, choice: mine?.option ?? null, delivery });
    sendKept();
    return true;
  }
  const answer = kept();
  if (!answer) return false;
  if (message.type === 'ack' && message.id === answer.id) {
    localStorage.setItem(KEY, JSON.stringify({ ...answer, acked: true }));
    useLiveQuestion.setState({ delivery: 'sent' });
    return true;
  }
  if (message.type === 'error' && message.ref === answer.id) {
    if (message.code === 'already-answered') useLiveQuestion.setState({ delivery: 'already' });
    else if (message.code === 'live-closed' || message.code === 'bad-message') localStorage.removeItem(KEY);
    return true;
  }
  return false;
}
