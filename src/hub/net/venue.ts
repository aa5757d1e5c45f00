/**
 * The venue network room: network mode's listener with its join code (lan.ts) and audience mode's phones with
 * their room code (../audience). Both are off until the organiser or the command line switches them on; a restarted
 * hub resumes what was on.
 */
import type { HubMessage } from '../../core/messages';
import { createAudience, type AudienceController } from '../audience/controller';
import type { PhoneStore } from '../audience/phoneStore';
import type { SourceBook } from '../audience/sources';
import type { HubContext } from '../context';
import { createPresenter, type PresenterController } from '../live/presenter';
import { workshopGateBefore } from '../workshop/gate';
import type { ResponseStore } from '../store/responseStore';
import { createLan, DEFAULT_LAN_PORT, resumeLan, type LanController, type LanLimits } from './lan';
import type { Peer } from './peer';
import type { Routes } from './routes';

export interface VenueOptions {
  /** Network mode's port (default 5781; 0 picks a free one). */
  lanPort?: number;
  /** Where network mode listens: every interface by default; tests pick a loopback address. */
  lanHost?: string;
  /** The addresses network mode offers devices; the computer's own by default (tests give a list). */
  lanAddresses?: () => string[];
  /** Timeouts and connection caps of the network listener; tests shorten them. */
  lanLimits?: Partial<LanLimits>;
  /** Switch network mode on at start (and remember it), as the console's switch does. */
  lan?: boolean;
  /** Switch audience mode on at start (needs network mode), as the console's switch does. */
  audience?: boolean;
}

interface VenueDeps {
  store: ResponseStore;
  phones: PhoneStore;
  sources: SourceBook;
  peers: Set<Peer>;
  /** The routes both listeners share; asked for only once a request arrives, when they exist. */
  routes(): Routes;
  /** Sends projectors the invitation; asked for only once the hub runs. */
  broadcastInvite(invite: HubMessage): void;
  /** The hub's clock: a phone's answers outside a round count per day of it. */
  now(): number;
  /** The codes of the workshops there are (workshop mode): each opens its own participant page. */
  workshopCodes(): string[];
  log(line: string): void;
}

/** Network mode and audience mode, created off; `startVenue` switches on what should be on. */
export function createVenue(
  options: VenueOptions,
  deps: VenueDeps,
): { lan: LanController; audience: AudienceController; presenter: PresenterController } {
  const { store, phones, sources, peers, log } = deps;
  const presenter = createPresenter(store, () => peers);
  const audience = createAudience({
    store,
    phones,
    sources,
    lan: () => lan.status(),
    peers: () => peers,
    broadcastInvite: deps.broadcastInvite,
    now: () => new Date(deps.now()),
  });
  const lan = createLan({
    store,
    host: options.lanHost ?? '0.0.0.0',
    port: options.lanPort ?? DEFAULT_LAN_PORT,
    limits: options.lanLimits,
    addresses: options.lanAddresses,
    request: (req, res) => deps.routes().request(req, res, 'lan'),
    upgrade: (req, socket, head, by) => deps.routes().upgrade(req, socket, head, 'lan', by),
    // The workshops' gate first, then the presenter code's (a remote's own paths), then audience mode's.
    audience: workshopGateBefore(deps.workshopCodes, presenter.gateBefore(audience.gate)),
    dropPeers: () => {
      for (const peer of peers) if (peer.via === 'lan') peer.socket.close(4001, 'pair again');
    },
    log,
  });
  return { lan, audience, presenter };
}

/**
 * Switches on what should be on: what the command line asks for (a hub that cannot do it throws, with the reason),
 * else what was on when the hub last ran.
 */
export async function startVenue(ctx: HubContext, options: VenueOptions): Promise<void> {
  if (options.lan) await ctx.lan.enable();
  else await resumeLan(ctx.lan, ctx.log);
  if (options.audience && ctx.lan.status().listening) ctx.audience.enable();
}
