import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { currentInstruments, findInstrument, type Instrument } from '../core/instrument';
import { PHONE_ANSWERS_PER_ADDRESS, PHONE_ANSWERS_PER_SOCKET } from './audience/handlers';
import type { HubContext } from './context';
import type { HostCapabilities } from './day/host';
import { noteRunning } from './day/instrumentGate';
import { createInstrumentRuns } from './day/instrumentRuns';
import { loadInstruments } from './day/instruments';
import { openInstrumentLibrary, type InstrumentLibrary } from './library/library';
import { createWorkshopRoom, type WorkshopRoom } from './workshop/room';
import { hubAddress } from '../core/lan';
import { startHubTimers } from './day/timers';
import { createLiveMoments, startLive } from './live/moments';
import { createLiveStore } from './live/liveStore';
import { createHubContext, type ContextParts } from './hubContext';
import { createAnswerLimit } from './net/answerLimit';
import { createOrganiserAuth } from './net/auth';
import { listenLoopback } from './net/loopback';
import type { Peer } from './net/peer';
import { createRoutes } from './net/routes';
import { createVenue, startVenue, type VenueOptions } from './net/venue';
import type { OpenReport } from './store/db';
import { openHubStore, type HubStore, type HubStoreOptions } from './store/hubStore';
import type { ResponseStore } from './store/responseStore';

export interface HubOptions extends HubStoreOptions, VenueOptions {
  /** Folder with the built pages (out/renderer). */
  pagesDir: string;
  /** Folder with the instrument files (assets/instruments). */
  instrumentsDir: string;
  /** Folder with the fonts the PDF reports embed (assets/fonts); by default `fonts` beside the instruments folder. */
  fontsDir?: string;
  /** The loopback port for the hub's own windows; 0 picks a free port. */
  port: number;
  /** Instrument id to run when none is chosen yet. */
  defaultInstrument?: string;
  appVersion?: string;
  /** The first PIN lock's length (it doubles with each lock); tests shorten it. */
  pinLockMs?: number;
  /** How often silent peers are pinged and dropped; tests shorten it. */
  pingIntervalMs?: number;
  log?: (line: string) => void;
  /** What the app around the hub can do; absent when the hub runs alone. */
  host?: HostCapabilities;
  /** The hub's clock (ms since the epoch), Date.now by default; tests fix the hour with it. */
  now?: () => number;
}

export interface RunningHub {
  url: string;
  port: number;
  store: ResponseStore;
  /** The SQLite connection behind the store, for tests that make the disk "full" (max_page_count). */
  database: Database.Database;
  context: HubContext;
  openReport: OpenReport;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 5780;
export const DEFAULT_INSTRUMENT = 'ideale-ambtenaar';

/**
 * Starts the hub, room by room: the store (store/), the venue network (net/venue.ts, off unless asked), the context
 * every handler shares, the routes and the loopback listener (net/), the periodic work (day/timers.ts). This is the
 * wiring; each room starts and stops in its own module.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const data = openHubStore(options, now, log);
  const library = openInstrumentLibrary(options.dataDir, loadInstruments(options.instrumentsDir));
  for (const line of library.unreadable) log(`Instrument left out: ${line}`);
  const peers = new Set<Peer>();
  // The venue network, the context and the routes refer to each other; each reference is followed only once the
  // loopback listener is up, when all of them exist.
  const venue = createVenue(options, {
    store: data.store,
    phones: data.phones,
    sources: data.sources,
    peers,
    routes: () => routes,
    broadcastInvite: (invite) => ctx.broadcast(invite, ['projector']),
    now,
    workshopCodes: () => data.workshops.list().map((w) => w.code),
    log,
  });
  const ctx = createHubContext(
    contextParts(options, data, venue, library, peers, now, log, () => ctx),
    runningInstrument(options, data, library.instruments),
  );
  noteRunning(ctx);
  const routes = createRoutes(ctx, { pagesDir: options.pagesDir, localPort: () => loopback.port, peers });
  const loopback = await listenLoopback(() => routes, options.port, log);
  const stopTimers = startHubTimers(ctx, { pingIntervalMs: options.pingIntervalMs });
  const stopLive = startLive(ctx);
  log(
    `Hub on ${loopback.url} (data: ${data.report.file}, instrument: ${ctx.live.instrument.id}@${ctx.live.instrument.version})`,
  );

  const close = async (): Promise<void> => {
    stopTimers();
    stopLive();
    for (const peer of peers) peer.socket.terminate();
    await ctx.lan.close();
    routes.close();
    await loopback.close();
    data.close();
  };
  // Asked for on the command line: a hub that cannot do it stops, cleanly, with the reason.
  await startVenue(ctx, options).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return {
    url: loopback.url,
    port: loopback.port,
    store: data.store,
    database: data.db,
    context: ctx,
    openReport: data.report,
    close,
  };
}

/** The instrument the organiser chose, else the start's default, else the first current one. */
function runningInstrument(options: HubOptions, data: HubStore, instruments: readonly Instrument[]): Instrument {
  const chosen = data.store.getSetting('instrument') ?? options.defaultInstrument ?? DEFAULT_INSTRUMENT;
  return findInstrument(instruments, chosen) ?? currentInstruments(instruments)[0]!;
}

/** Workshop mode's room, sending through the context once it exists. */
function workshopRoom(
  data: HubStore,
  library: InstrumentLibrary,
  peers: Set<Peer>,
  now: () => number,
  context: () => HubContext,
): WorkshopRoom {
  return createWorkshopRoom({
    store: data.workshops,
    instruments: library.instruments,
    peers,
    now,
    baseUrl: () => {
      const lan = context().lan.status();
      return lan.listening && lan.address ? hubAddress(lan.address, lan.port) : null;
    },
    sendScreen: ({ screen, types, join }) =>
      context().broadcast({ type: 'workshopScreen', screen, types: [...types], join }, ['projector']),
    sendParticipant: (peer, state) => context().send(peer, { type: 'participantState', state }),
  });
}

/** What the context holds as given, from the rooms and the options. */
function contextParts(
  options: HubOptions,
  data: HubStore,
  venue: ReturnType<typeof createVenue>,
  library: InstrumentLibrary,
  peers: Set<Peer>,
  now: () => number,
  log: (line: string) => void,
  context: () => HubContext,
): ContextParts {
  return {
    host: options.host ?? {},
    ...venue,
    phones: data.phones,
    sources: data.sources,
    phoneLimit: createAnswerLimit({ perDevice: PHONE_ANSWERS_PER_SOCKET, perAddress: PHONE_ANSWERS_PER_ADDRESS }),
    instruments: library.instruments,
    library,
    store: data.store,
    auth: createOrganiserAuth(data.store, { firstLockMs: options.pinLockMs }),
    dataDir: options.dataDir,
    databaseWritable: data.report.writable,
    losses: data.losses,
    noteCount: data.noteCount,
    appVersion: options.appVersion ?? '0.0.0',
    fontsDir: options.fontsDir ?? join(dirname(options.instrumentsDir), 'fonts'),
    now,
    peers,
    devices: new Map(),
    answerLimit: createAnswerLimit(),
    instrumentRuns: createInstrumentRuns(data.store, log),
    moments: createLiveMoments(createLiveStore(data.db), context),
    workshops: workshopRoom(data, library, peers, now, context),
    write: data.write,
    log,
  };
}
