import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { currentInstruments, findInstrument } from '../core/instrument';
import { createAnswerLimit } from './answerLimit';
import { createAudience } from './audience/controller';
import { PHONE_ANSWERS_PER_ADDRESS, PHONE_ANSWERS_PER_SOCKET } from './audience/handlers';
import { createPhoneStore } from './audience/phoneStore';
import { createOrganiserAuth } from './auth';
import type { HubContext, Peer } from './context';
import { openDatabase, type OpenReport } from './db';
import { createCountNote } from './dbFile';
import { logOpenReport } from './dbReport';
import type { HostCapabilities } from './host';
import { createHubContext } from './hubContext';
import { loadInstruments } from './instruments';
import { createLan, DEFAULT_LAN_PORT, resumeLan, type LanLimits } from './lan';
import { createResponseStore, type ResponseStore } from './responseStore';
import { createRoutes } from './routes';
import { startHubTimers } from './timers';
import { createWriteQueue } from './writeQueue';

export interface HubOptions {
  /** Folder for the SQLite file and archives. */
  dataDir: string;
  /** Folder with the built pages (out/renderer). */
  pagesDir: string;
  /** Folder with the instrument files (assets/instruments). */
  instrumentsDir: string;
  /** Folder with the fonts the PDF reports embed (assets/fonts); by default `fonts` beside the instruments folder. */
  fontsDir?: string;
  /** The loopback port for the hub's own windows; 0 picks a free port. */
  port: number;
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
  /** Instrument id to run when none is chosen yet. */
  defaultInstrument?: string;
  appVersion?: string;
  /** The first PIN lock's length (it doubles with each lock); tests shorten it. */
  pinLockMs?: number;
  /** How often silent peers are pinged and dropped; tests shorten it. */
  pingIntervalMs?: number;
  log?: (line: string) => void;
  /** Opens the database read-only, as SQLite does itself for a file it may not write (tests run as root). */
  databaseReadOnly?: boolean;
  /** SQLite's native module when the runtime is not plain Node (the Electron app passes its Electron build). */
  nativeBinding?: string;
  /** What the app around the hub can do; absent when the hub runs alone. */
  host?: HostCapabilities;
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
 * Starts the hub: the SQLite store, the pages over HTTP and the WebSocket API at /ws on the loopback listener, and
 * network mode's listener when it is on. This is the wiring; each part lives in its own module.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => undefined);
  const instruments = loadInstruments(options.instrumentsDir);
  const { db, report } = openDatabase(options.dataDir, {
    readOnly: options.databaseReadOnly,
    nativeBinding: options.nativeBinding,
  });
  logOpenReport(report, log);
  const store = createResponseStore(db);
  const chosen = store.getSetting('instrument') ?? options.defaultInstrument ?? DEFAULT_INSTRUMENT;
  const peers = new Set<Peer>();
  const phones = createPhoneStore(db);
  // The listeners, the audience and the context refer to each other; each reference is only followed once the
  // loopback listener is up, when all of them exist.
  const audience = createAudience({
    store,
    phones,
    lan: () => lan.status(),
    peers: () => peers,
    broadcastInvite: (invite) => ctx.broadcast(invite, ['projector']),
  });
  const lan = createLan({
    store,
    host: options.lanHost ?? '0.0.0.0',
    port: options.lanPort ?? DEFAULT_LAN_PORT,
    limits: options.lanLimits,
    addresses: options.lanAddresses,
    request: (req, res) => routes.request(req, res, 'lan'),
    upgrade: (req, socket, head, byAudience) => routes.upgrade(req, socket, head, 'lan', byAudience),
    audience: audience.gate,
    dropPeers: () => {
      for (const peer of peers) if (peer.via === 'lan') peer.socket.close(4001, 'pair again');
    },
    log,
  });
  const ctx = createHubContext(
    {
      host: options.host ?? {},
      lan,
      audience,
      phones,
      phoneLimit: createAnswerLimit({ perDevice: PHONE_ANSWERS_PER_SOCKET, perAddress: PHONE_ANSWERS_PER_ADDRESS }),
      instruments,
      store,
      auth: createOrganiserAuth(store, { firstLockMs: options.pinLockMs }),
      dataDir: options.dataDir,
      databaseWritable: report.writable,
      noteCount: createCountNote(options.dataDir, () => store.count(), report.writable),
      appVersion: options.appVersion ?? '0.0.0',
      fontsDir: options.fontsDir ?? join(dirname(options.instrumentsDir), 'fonts'),
      peers,
      devices: new Map(),
      answerLimit: createAnswerLimit(),
      write: createWriteQueue(store),
      log,
    },
    findInstrument(instruments, chosen) ?? currentInstruments(instruments)[0]!,
  );

  let localPort = 0;
  const routes = createRoutes(ctx, { pagesDir: options.pagesDir, localPort: () => localPort, peers });
  const http = createServer((req, res) => routes.request(req, res, 'local'));
  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) =>
    routes.upgrade(req, socket, head, 'local'),
  );
  const stopTimers = startHubTimers(ctx, { pingIntervalMs: options.pingIntervalMs });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  http.on('error', (cause) => log(`Hub listener: ${cause.message}`));
  localPort = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${localPort}`;
  log(`Hub on ${url} (data: ${report.file}, instrument: ${ctx.live.instrument.id}@${ctx.live.instrument.version})`);
  if (!options.lan) await resumeLan(ctx.lan, log);
  else
    await ctx.lan.enable().catch(async (error: unknown) => {
      // Asked for on the command line: a hub that cannot do it stops, cleanly, with the reason.
      stopTimers();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      store.close();
      throw error;
    });
  if (options.audience && ctx.lan.status().listening) ctx.audience.enable();

  return {
    url,
    port: localPort,
    store,
    database: db,
    context: ctx,
    openReport: report,
    close: async () => {
      stopTimers();
      for (const peer of peers) peer.socket.terminate();
      await ctx.lan.close();
      routes.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      ctx.noteCount();
      store.close();
    },
  };
}
