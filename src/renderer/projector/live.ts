import { create } from 'zustand';
import type { LiveView, ProjectorState, RemoteCommand } from '../../core/live';
import type { ClientMessage } from '../../core/messages';

/**
 * The talk's live moment as the hub sent it (null when none runs). Kept apart from the crowd's store: the moment
 * lays itself over whatever view was on, which stays as it was for when the moment closes.
 */
export const useLive = create<{ live: LiveView | null; receive(live: LiveView | null): void }>()((set) => ({
  live: null,
  receive: (live) => set({ live }),
}));

let send: ((message: ClientMessage) => boolean) | null = null;
let lastState = '';

/** The hub connection's send, once it exists. */
export function setLiveSender(sender: (message: ClientMessage) => boolean): void {
  send = sender;
  lastState = '';
}

/** The live key: put, reveal, close, in turn (the hub decides which). */
export function liveStep(): void {
  send?.({ type: 'remote', command: 'liveStep' satisfies RemoteCommand });
}

/** Tells the hub what this projector shows, when it changed, for the remotes' screens. */
export function reportState(state: ProjectorState): void {
  const frame = JSON.stringify(state);
  if (frame === lastState || !send) return;
  if (send({ type: 'projectorState', state })) lastState = frame;
}
