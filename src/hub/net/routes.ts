/**
 * The network room: everything that reaches the hub from outside. Both listeners (the loopback one for the hub's own
 * windows, loopback.ts, and network mode's, lan.ts) hand every request and upgrade to these routes; sockets are
 * rate-limited and dispatched in socket.ts, organiser access is auth.ts, the answer caps answerLimit.ts, the locks
 * against guessing codes guessLock.ts and codeLock.ts, and venue.ts switches network and audience mode on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CLIENT_FRAME_BYTES } from '../../core/messages';
import { phoneCookie } from '../audience/gate';
import type { HubContext } from '../context';
import type { Admission } from './lanEntry';
import { participantCookie, workshopCookie } from '../workshop/gate';
import type { Peer, Via } from './peer';
import { handleExportRequest } from '../export/route';
import { handlePilotRequest, PILOT_PATH } from '../export/pilotRoute';
import { handleWorkshopReport, WORKSHOP_REPORT_PATH } from '../export/workshopRoute';
import { bearerToken, requestPath, sendJson, servePages } from './http';
import { sendRefusal } from './lanGate';
import { attachPeer, newPeer } from './socket';

/** How both listeners hand on what reaches them: plain requests, and upgrades to the WebSocket API at /ws. */
export interface Routes {
  request(req: IncomingMessage, res: ServerResponse, via: Via): void;
  /** `by`: which code let it in on the network listener (the room code: a phone; the presenter code: a remote). */
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer, via: Via, by?: Admission): void;
  close(): void;
}

export interface RouteOptions {
  /** Folder with the built pages (out/renderer). */
  pagesDir: string;
  /** The loopback listener's port, known once it listens (before any request can arrive). */
  localPort(): number;
  /** The connected pages (the context's `peers`): a socket joins on upgrade and leaves when it closes. */
  peers: Set<Peer>;
}

/** Routes every request and upgrade of both listeners; which listener it came in on is `via`. */
/** What stays on the hub's own computer: the console, its preview of a draft and every export. */
const LOCAL_ONLY = new Set(['/export', PILOT_PATH, WORKSHOP_REPORT_PATH, '/admin', '/admin/', '/preview', '/preview/']);

/** The organiser's downloads, each with the session token (kept off the network above). */
const EXPORTS: Record<string, (ctx: HubContext, req: IncomingMessage, res: ServerResponse) => void> = {
  '/export': handleExportRequest,
  [PILOT_PATH]: handlePilotRequest,
  [WORKSHOP_REPORT_PATH]: handleWorkshopReport,
};

/** What the code that let a socket in makes of its peer: a phone, a remote, or a workshop's participant. */
function admit(ctx: HubContext, peer: Peer, req: IncomingMessage, by: Admission | undefined): void {
  peer.audience = by === 'audience';
  peer.remote = by === 'remote';
  peer.phone = phoneCookie(req);
  if (by !== 'workshop') return;
  // The workshop is the one whose code the page was given; the participant is who the cookie says.
  const code = workshopCookie(req);
  peer.workshop = (code && ctx.workshops.byCode(code)?.id) ?? 'gone';
  peer.participant = participantCookie(req);
}

export function createRoutes(ctx: HubContext, { pagesDir, localPort, peers }: RouteOptions): Routes {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });

  const request = (req: IncomingMessage, res: ServerResponse, via: Via): void => {
    const path = requestPath(req);
    if (path === null) {
      sendJson(res, 400, { error: 'bad request' });
      return;
    }
    if (via === 'local' && !isLocalHost(req.headers.host, localPort())) {
      sendJson(res, 421, { error: 'this hub answers to 127.0.0.1 and localhost only' });
      return;
    }
    // The console and the export stay on the hub's own computer: a PIN is no match for a whole venue network.
    if (via === 'lan' && LOCAL_ONLY.has(path)) {
      sendRefusal(req, res, 403);
      return;
    }
    const exporter = EXPORTS[path];
    if (exporter) {
      exporter(ctx, req, res);
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
      if (!ctx.databaseWritable) sendJson(res, 503, { ok: false, problem: 'database-not-writable' });
      else if (ctx.losses.state().failing) sendJson(res, 503, { ok: false, problem: 'writes-failing' });
      else sendJson(res, 200, { ok: true });
      return;
    }
    if (!servePages(pagesDir, req, res)) sendJson(res, 404, { error: 'not found' });
  };

  const upgrade = (req: IncomingMessage, socket: Socket, head: Buffer, via: Via, by?: Admission): void => {
    if (!isAcceptableUpgrade(req) || (via === 'local' && !isLocalHost(req.headers.host, localPort()))) {
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const peer = newPeer(ws, via, req.socket.remoteAddress ?? '?');
      admit(ctx, peer, req, by);
      peers.add(peer);
      ws.on('close', () => peers.delete(peer));
      // Oversize frames and protocol errors close this socket (ws picks the close code); they must never reach
      // the process as an unhandled error.
      ws.on('error', (error) => ctx.log(`Closed a socket: ${error.message}`));
      ws.on('pong', () => (peer.alive = true));
      attachPeer(ctx, peer);
    });
  };

  return { request, upgrade, close: () => wss.close() };
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
