import { talkMessage } from './handlers/responses';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type Database from 'better-sqlite3';
import { WebSocketServer, type WebSocket } from 'ws';
import { currentInstruments, findInstrument, type Instrument } from '../core/instrument';
import { MAX_CLIENT_FRAME_BYTES, type HubMessage, type Role } from '../core/messages';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/settings';
import { emptyAggregate } from '../core/aggregate';
import { createAnswerLimit } from './answerLimit';
import { createAudience } from './audience/controller';
import { phoneCookie } from './audience/gate';
import { PHONE_ANSWERS_PER_ADDRESS, PHONE_ANSWERS_PER_SOCKET } from './audience/handlers';
import { createPhoneStore } from './audience/phoneStore';
import { createOrganiserAuth } from './auth';
import type { HubContext, Peer, Via } from './context';
import { openDatabase, type OpenReport } from './db';
import { writeLastCount } from './dbFile';
import { logOpenReport } from './dbReport';
import { handleExportRequest } from './export/route';
import type { HostCapabilities } from './host';
import { bearerToken, requestPath, sendJson, servePages } from './http';
import { loadInstruments } from './instruments';
import { createLan, DEFAULT_LAN_PORT, resumeLan, sendRefusal, type LanLimits } from './lan';
import { createLiveState } from './liveState';
import { createResponseStore, type ResponseStore } from './responseStore';
import { attachPeer, newPeer } from './socket';
import { createWriteQueue } from './writeQueue';

export interface HubOptions {
  /** Folder for the SQLite file and archives. */
  dataDir: string;
  /** Folder with the built pages (out/renderer). */
  pagesDir: string;
  /** Folder with the instrument files (assets/instruments). */
  instrumentsDir: string;
  /** The loopback port for the hub's own windows; 0 picks a free port. */
  port: number;
  /** Network mode's port (default 5781; 0 picks a free one). */
  lanPort?: number;
  /** Where network mode listens: every interface by default; tests pick a loopback address. */
  lanHost?: string;
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
const PING_INTERVAL_MS = 15_000;
const KIOSK_TOTALS_MS = 3000;
/** How often the answer count beside the database is brought up to date. */
const LAST_COUNT_MS = 5000;
/** How often projectors' invitation (address, code, phones joined) is checked for changes. */
const INVITE_CHECK_MS = 1000;

function loadSettings(store: ResponseStore): Settings {
  const saved = store.getSetting('settings');
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(saved ? (JSON.parse(saved) as object) : {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Starts the hub: SQLite store, the pages over HTTP and the WebSocket API at /ws. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => undefined);
  const instruments = loadInstruments(options.instrumentsDir);
  const { db, report } = openDatabase(options.dataDir, {
    readOnly: options.databaseReadOnly,
    nativeBinding: options.nativeBinding,
  });
  logOpenReport(report, log);
  const store = createResponseStore(db);
  let lastCount = -1;
  const noteCount = (): void => {
    if (!report.writable) return;
    const count = store.count();
    if (count !== lastCount) writeLastCount(options.dataDir, count);
    lastCount = count;
  };
  const chosen = store.getSetting('instrument') ?? options.defaultInstrument ?? DEFAULT_INSTRUMENT;
  const peers = new Set<Peer>();
  const phones = createPhoneStore(db);
  const audience = createAudience({
    store,
    phones,
    lan: () => lan.status(),
    peers: () => peers,
    broadcastInvite: (invite) => ctx.broadcast(invite, ['projector']),
  });

  // Its handlers are defined below; they are only called once it listens.
  const lan = createLan({
    store,
    host: options.lanHost ?? '0.0.0.0',
    port: options.lanPort ?? DEFAULT_LAN_PORT,
    limits: options.lanLimits,
    request: (req, res) => handleRequest(req, res, 'lan'),
    upgrade: (req, socket, head, byAudience) => handleUpgrade(req, socket, head, 'lan', byAudience),
    audience: audience.gate,
    dropPeers: () => {
      for (const peer of peers) if (peer.via === 'lan') peer.socket.close(4001, 'pair again');
    },
    log,
  });

  const ctx: HubContext = {
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
    noteCount,
    appVersion: options.appVersion ?? '0.0.0',
    peers,
    devices: new Map(),
    answerLimit: createAnswerLimit(),
    write: createWriteQueue(store),
    live: createLiveState(findInstrument(instruments, chosen) ?? currentInstruments(instruments)[0]!, store),
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
    reload: (instrument?: Instrument) => {
      ctx.live = createLiveState(instrument ?? ctx.live.instrument, store);
      for (const peer of peers) if (peer.role) ctx.send(peer, ctx.welcomeFor(peer.role));
      ctx.broadcast(talkMessage(ctx), ['projector']);
    },
    log,
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse, via: Via): void => {
    const path = requestPath(req);
    if (path === null) {
      sendJson(res, 400, { error: 'bad request' });
      return;
    }
    if (via === 'local' && !isLocalHost(req.headers.host, localPort)) {
      sendJson(res, 421, { error: 'this hub answers to 127.0.0.1 and localhost only' });
      return;
    }
    // The console and the export stay on the hub's own computer: a PIN is no match for a whole venue network.
    if (via === 'lan' && (path === '/export' || path === '/admin' || path === '/admin/')) {
      sendRefusal(req, res, 403);
      return;
    }
    if (path === '/export') {
      handleExportRequest(ctx, req, res);
      return;
    }
    if (path === '/session-check') {
      handleSessionCheck(ctx, req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    if (path === '/healthz') {
      // A supervisor or a check script sees at once that answers cannot be saved.
      if (!report.writable) sendJson(res, 503, { ok: false, problem: 'database-not-writable' });
      else sendJson(res, 200, { ok: true });
      return;
    }
    if (!servePages(options.pagesDir, req, res)) sendJson(res, 404, { error: 'not found' });
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  const handleUpgrade = (req: IncomingMessage, socket: Socket, head: Buffer, via: Via, byAudience = false): void => {
    if (!isAcceptableUpgrade(req) || (via === 'local' && !isLocalHost(req.headers.host, localPort))) {
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const peer = newPeer(ws, via, req.socket.remoteAddress ?? '?');
      peer.audience = byAudience;
      peer.phone = phoneCookie(req);
      peers.add(peer);
      ws.on('close', () => peers.delete(peer));
      // Oversize frames and protocol errors close this socket (ws picks the close code); they must never reach
      // the process as an unhandled error.
      ws.on('error', (error) => log(`Closed a socket: ${error.message}`));
      ws.on('pong', () => (peer.alive = true));
      attachPeer(ctx, peer);
    });
  };

  // Known once the loopback listener is up, before any request can arrive.
  let localPort = 0;
  const http = createServer((req, res) => handleRequest(req, res, 'local'));
  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => handleUpgrade(req, socket, head, 'local'));

  // Kiosks only need the totals for the result screen and the attract counter: a few seconds old is fine, and
  // sparing them every arrival keeps a busy hub's work per submission flat.
  // Every kiosk got the totals in its welcome: send them again only when they have changed since the start.
  let kioskTotal = ctx.live.aggregate().total;
  const kioskTotals = setInterval(() => {
    const aggregate = ctx.live.aggregate();
    if (aggregate.total === kioskTotal) return;
    kioskTotal = aggregate.total;
    ctx.broadcast({ type: 'aggregate', aggregate }, ['kiosk']);
  }, KIOSK_TOTALS_MS);
  kioskTotals.unref();

  const heartbeat = setInterval(() => {
    for (const peer of peers) {
      if (!peer.alive) peer.socket.terminate();
      else {
        peer.alive = false;
        peer.socket.ping();
      }
    }
  }, options.pingIntervalMs ?? PING_INTERVAL_MS);
  heartbeat.unref();
  const countTimer = setInterval(noteCount, LAST_COUNT_MS);
  countTimer.unref();
  // Catches what changes the invitation without going through audience mode: network mode, a new round.
  const inviteTimer = setInterval(() => ctx.audience.announce(), INVITE_CHECK_MS);
  inviteTimer.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  http.on('error', (cause) => log(`Hub listener: ${cause.message}`));
  const port = (http.address() as AddressInfo).port;
  localPort = port;
  const url = `http://127.0.0.1:${port}`;
  log(`Hub on ${url} (data: ${report.file}, instrument: ${ctx.live.instrument.id}@${ctx.live.instrument.version})`);
  if (!options.lan) await resumeLan(ctx.lan, log);
  else
    await ctx.lan.enable().catch(async (error: unknown) => {
      // Asked for on the command line: a hub that cannot do it stops, cleanly, with the reason.
      await new Promise<void>((resolve) => http.close(() => resolve()));
      store.close();
      throw error;
    });
  if (options.audience && ctx.lan.status().listening) ctx.audience.enable();

  return {
    url,
    port,
    store,
    database: db,
    context: ctx,
    openReport: report,
    close: async () => {
      clearInterval(heartbeat);
      clearInterval(kioskTotals);
      clearInterval(countTimer);
      clearInterval(inviteTimer);
      for (const peer of peers) peer.socket.terminate();
      await ctx.lan.close();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      noteCount();
      store.close();
    },
  };
}

/**
 * POST /session-check with `Authorization: Bearer <token>`: 204 when the organiser's PIN opened that session, else
 * 401. The app on a paired kiosk asks this before it lets the operator out; it tells nothing else.
 */
function handleSessionCheck(ctx: HubContext, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'method not allowed' });
    return;
  }
  const token = bearerToken(req);
  res.writeHead(token && ctx.auth.isValid(token) ? 204 : 401, { 'Cache-Control': 'no-store' }).end();
}

/**
 * The loopback listener answers only to its own names. A web page elsewhere can point its own host name at
 * 127.0.0.1 (DNS rebinding); its requests then carry that name, and are refused here.
 */
export function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/**
 * Only the pages this hub serves may open a socket: a browser always sends Origin, and it must be this host.
 * Non-browser clients (tests, tools on the same machine) send none.
 */
export function isAcceptableUpgrade(req: IncomingMessage): boolean {
  if (requestPath(req) !== '/ws') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${req.headers.host ?? ''}`;
}
