import { create } from 'zustand';
import type { Aggregate } from '../../core/aggregate';
import type { Instrument } from '../../core/instrument';
import type { AdminAction, CrowdMember, HubMessage, HubStatus } from '../../core/messages';
import type { Round, Settings } from '../../core/settings';
import type { ConnectionState, HubClient } from '../common/hubClient';
import { useLibrary } from './library/store';

/** The console's facts: what the hub said, and the organiser's session. */
interface ConsoleState {
  connection: ConnectionState;
  instrument: Instrument | null;
  aggregate: Aggregate | null;
  /** Everyone who answered the running instrument, as the projector sees them (for the console's crowd map). */
  crowd: CrowdMember[];
  settings: Settings | null;
  round: Round | null;
  needsPin: boolean;
  token: string | null;
  status: HubStatus | null;
  /** The last thing the hub said about an action or login, for the status line. */
  notice: { kind: 'ok' | 'error'; text: string; params?: Record<string, string | number> } | null;
  lockedUntil: number;
  client: HubClient | null;
  receive(message: HubMessage): void;
  login(pin: string): void;
  act(action: AdminAction): void;
  setConnection(state: ConnectionState): void;
  reset(): void;
}

const initial = {
  connection: 'connecting' as ConnectionState,
  instrument: null,
  aggregate: null,
  crowd: [] as CrowdMember[],
  settings: null,
  round: null,
  needsPin: false,
  token: null,
  status: null,
  notice: null,
  lockedUntil: 0,
};

export const useConsole = create<ConsoleState>()((set, get) => ({
  ...initial,
  client: null,
  receive: (message) => {
    switch (message.type) {
      case 'welcome':
        set({
          instrument: message.instrument,
          aggregate: message.aggregate,
          crowd: message.crowd,
          settings: message.settings,
          round: message.round,
          needsPin: message.needsPin,
        });
        if (get().token) get().act({ kind: 'status' });
        break;
      case 'update':
        set((state) => ({
          aggregate: message.aggregate,
          crowd: state.crowd.some((m) => m.seq === message.member.seq) ? state.crowd : [...state.crowd, message.member],
        }));
        break;
      case 'state':
        set({ settings: message.settings, round: message.round });
        break;
      case 'session':
        set({ token: message.token, needsPin: false, notice: null });
        get().act({ kind: 'status' });
        break;
      case 'status':
        set({ status: message.status });
        break;
      case 'done':
        set({ notice: { kind: 'ok', text: message.detail, params: message.params } });
        get().act({ kind: 'status' });
        break;
      case 'error':
        if (message.code === 'no-session') set({ token: null, notice: { kind: 'error', text: 'sessionEnded' } });
        else if (message.code === 'locked')
          set({
            lockedUntil: Date.now() + (message.retryAfterMs ?? 60_000),
            notice: { kind: 'error', text: 'locked' },
          });
        else if (message.code === 'bad-pin') set({ notice: { kind: 'error', text: 'badPin' } });
        // A refusal the console has its own words for (console.<key>), such as a text the rule refuses.
        else if (message.detail)
          set({ notice: { kind: 'error', text: message.detail.key, params: message.detail.params } });
        else set({ notice: { kind: 'error', text: message.message } });
        break;
      case 'library':
      case 'draft':
      case 'instrumentFile':
        useLibrary.getState().receive(message);
        break;
      default:
        break;
    }
  },
  login: (pin) => {
    get().client?.send({ type: 'login', pin });
  },
  act: (action) => {
    const token = get().token;
    if (token) get().client?.send({ type: 'admin', token, action });
  },
  setConnection: (connection) => set({ connection }),
  reset: () => set(initial),
}));
