import { emptyAggregate } from '../core/aggregate';
import type { Instrument } from '../core/instrument';
import type { HubMessage, Role } from '../core/messages';
import { DEFAULT_SETTINGS, readSavedSettings, type Settings } from '../core/settings';
import type { HubContext } from './context';
import { talkMessage } from './handlers/accept';
import { createLiveState } from './day/liveState';
import type { ResponseStore } from './store/responseStore';

/** What the context holds as given; `createHubContext` adds the live state, the settings and the messaging. */
export type ContextParts = Omit<HubContext, 'live' | 'settings' | 'send' | 'broadcast' | 'welcomeFor' | 'reload'>;

/**
 * The saved settings over the defaults, text saved before the text rule cleaned (core/settings.ts readSavedSettings);
 * a saved value that no longer passes the schema gives the defaults.
 */
export function loadSettings(store: ResponseStore): Settings {
  const saved = store.getSetting('settings');
  return readSavedSettings(saved ? (JSON.parse(saved) as unknown) : {}) ?? DEFAULT_SETTINGS;
}

/** The context every handler shares, running `instrument`: how it sends, welcomes and reloads. */
export function createHubContext(parts: ContextParts, instrument: Instrument): HubContext {
  const { peers, store } = parts;
  const ctx: HubContext = {
    ...parts,
    live: createLiveState(instrument, store),
    settings: loadSettings(store),
    send: (peer, message) => {
      if (peer.socket.readyState === peer.socket.OPEN) peer.socket.send(JSON.stringify(message));
    },
    broadcast: (message, roles) => {
      const frame = JSON.stringify(message);
      for (const peer of peers) {
        if (peer.role && (!roles || roles.includes(peer.role)) && peer.socket.readyState === peer.socket.OPEN)
          peer.socket.send(frame);
      }
    },
    welcomeFor: (role: Role): HubMessage => ({
      type: 'welcome',
      instrument: ctx.live.instrument,
      // A phone gets no crowd data: the room's totals are the projector's to show.
      aggregate: role === 'phone' ? emptyAggregate(ctx.live.instrument.types.length) : ctx.live.aggregate(),
      crowd: role === 'projector' || role === 'admin' ? [...ctx.live.crowd()] : [],
      settings: ctx.settings,
      round: store.activeRound(),
      needsPin: role === 'admin' && ctx.auth.needsPin(),
    }),
    reload: (next?: Instrument) => {
      ctx.live = createLiveState(next ?? ctx.live.instrument, store);
      for (const peer of peers) if (peer.role) ctx.send(peer, ctx.welcomeFor(peer.role));
      ctx.broadcast(talkMessage(ctx), ['projector']);
    },
  };
  return ctx;
}
