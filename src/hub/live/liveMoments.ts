import type { ProjectorState, RemoteState } from '../../core/live';
import type { HubMessage } from '../../core/messages';
import type { Peer } from '../net/peer';
import type { LiveStore } from './liveStore';

/**
 * The talk's live moment as the hub's context holds it (moments.ts makes it). Kept apart, importing nothing that
 * imports the context, so the context can name it.
 */
export interface LiveMoments {
  readonly store: LiveStore;
  phase(): 'none' | 'open' | 'revealed';
  picked(): string | null;
  /** Picks a situation by its ref, or the next one in the list when none is given. */
  pick(ref?: string): void;
  put(): void;
  reveal(): void;
  close(): void;
  /** The projector's live key: put, then reveal, then close. */
  step(): void;
  answer(peer: Peer, live: number, option: number, id: string): Promise<void>;
  /** What a projector is sent now. */
  view(): HubMessage;
  /** What this phone is sent now. */
  question(peer: Peer): HubMessage;
  setProjector(state: ProjectorState): void;
  remoteState(): RemoteState;
  /** Sends remotes their state when it changed. */
  announce(): void;
  /** Resumes a moment a restarted hub left running. */
  resume(): void;
  /** The hub closes: nothing more is sent or read. */
  stop(): void;
}
