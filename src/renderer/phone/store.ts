import { create } from 'zustand';
import type { Round } from '../../core/settings';

/**
 * What the phone adds to the kiosk's visit (the kiosk store holds the answers and the screens): how far its own
 * answer got, and the round the room is in.
 */
export type PhoneDelivery = 'saving' | 'walking' | 'pending' | 'already' | 'alreadyNoEarlier' | 'rateLimited';

interface PhoneState {
  delivery: PhoneDelivery;
  round: Round | null;
  /** The round the shown result was given in. */
  resultRound: number | null;
  /** The audience code ended (a new one, or audience mode off): the phone must scan again. */
  ended: boolean;
}

export const usePhone = create<PhoneState>()(() => ({
  delivery: 'saving',
  round: null,
  resultRound: null,
  ended: false,
}));
