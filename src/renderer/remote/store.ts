import { create } from 'zustand';
import type { RemoteCommand, RemoteState } from '../../core/live';
import type { ClientMessage } from '../../core/messages';
import type { ConnectionState } from '../common/connectionState';

/** The remote's facts: what the hub last said it shows, the connection, and the last refusal. */
interface RemoteStore {
  state: RemoteState | null;
  connection: ConnectionState;
  refusal: string | null;
  send: (message: ClientMessage) => boolean;
  press(command: RemoteCommand, situation?: string): void;
}

export const useRemote = create<RemoteStore>()((set, get) => ({
  state: null,
  connection: 'connecting',
  refusal: null,
  send: () => false,
  press: (command, situation) => {
    set({ refusal: null });
    get().send({ type: 'remote', command, ...(situation && { situation }) });
  },
}));
