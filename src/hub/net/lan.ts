import { randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JOIN_PARAM, normalizeJoinCode, type LanStatus } from '../../core/lan';
import { requestUrl, securityHeaders, sendGatePage } from './http';
import type { ResponseStore } from '../store/responseStore';

/** The port devices on the venue network use unless the hub is started with another. */
export const DEFAULT_LAN_PORT = 5781;

/** The cookie a paired browser keeps, so reloads, assets and the WebSocket need no code in the URL. */
export const JOIN_COOKIE = 'ideale-join';
const COOKIE_MAX_AGE_S = 14 * 24 * 3600;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

function isPrivate(address: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
}

/** The computer's IPv4 addresses other devices can reach: no loopback, no link-local; private ranges first. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.'))
    .map((i) => i.address);
  return [...new Set(found)].sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)) || a.localeCompare(b));
}

/** Compares a code a request carried with the expected one in constant time; null never matches. */
export function sameCode(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function cookieCode(header: string | undefined): string | null {
  const value = readCookie(header, JOIN_COOKIE);
  return value === null ? null : normalizeJoinCode(value);
}

/**
 * What a request on the network listener may do: come in (its cookie or query carries the code), pair (a page
 * opened with the right code: set the cookie and send it to the same page without the code in the address bar), or
 * nothing. Health checks need no code; they tell nothing.
 */
export function admission(
  req: IncomingMessage,
  expected: string,
): { kind: 'in' } | { kind: 'pair'; location: string } | { kind: 'refused' } {
  const url = requestUrl(req);
  if (!url) return { kind: 'refused' };
  if (url.pathname === '/healthz') return { kind: 'in' };
  const typed = url.searchParams.get(JOIN_PARAM);
  if (sameCode(typed === null ? null : normalizeJoinCode(typed), expected)) {
    if (url.pathname === '/ws' || req.method !== 'GET') return { kind: 'in' };
    url.searchParams.delete(JOIN_PARAM);
    return { kind: 'pair', location: url.pathname + url.search };
  }
  return sameCode(cookieCode(req.headers.cookie), expected) ? { kind: 'in' } : { kind: 'refused' };
}

/**
 * A short bilingual page for someone who opened the hub without pairing (with a form to type the join code, for a
 * laptop without a camera: the organiser reads the code aloud), or the console from another device.
 */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, status: 401 | 403): void {
  const typedCode = requestUrl(req)?.searchParams.has(JOIN_PARAM) ?? false;
  const body =
    status === 403
      ? `<p>Het beheer werkt alleen op de computer van de hub zelf.</p>` +
        `<p lang="en">The console only works on the hub’s own computer.</p>`
      : (typedCode
          ? `<p role="alert" style="color:#fca5a5">Die koppelcode klopt niet. <span lang="en">That join code is not right.</span></p>`
          : '') +
        `<p>Dit apparaat is nog niet gekoppeld aan de hub. Scan de QR-code in het beheer van de hub, of typ hier de koppelcode.</p>` +
        `<p lang="en">This device is not paired with the hub. Scan the QR code in the hub’s console, or type the join code here.</p>` +
        `<form method="get" action="/kiosk/" style="display:flex;flex-direction:column;gap:12px;max-width:22rem">` +
        `<label for="join">Koppelcode <span lang="en">(join code)</span></label>` +
        `<input id="join" name="${JOIN_PARAM}" required autocomplete="off" autocapitalize="characters" spellcheck="false" ` +
        `placeholder="ABCD-EFGH-JKMN" style="font:inherit;font-family:monospace;padding:8px;min-height:44px">` +
        `<button formaction="/kiosk/" style="font:inherit;min-height:44px">Koppel als kiosk <span lang="en">· pair as kiosk</span></button>` +
        `<button formaction="/projector/" style="font:inherit;min-height:44px">Koppel als projectie <span lang="en">· pair as projection</span></button>` +
        `</form>`;
  // The pairing form submits to this hub; everything else in the policy stays as strict as on every page.
  sendGatePage(req, res, status, body, { forms: status === 401 });
}

/** Why network mode could not listen; the console words it, the log gets the system's message. */
export class LanListenError extends Error {
  constructor(
    readonly reason: 'port-in-use' | 'failed',
    detail: string,
  ) {
    super(`Network mode could not listen: ${detail}`);
  }
}

export interface LanController {
  status(): LanStatus;
  /** Starts listening on the network (and remembers that it should after a restart); throws a clear error. */
  enable(): Promise<void>;
  disable(): Promise<void>;
  /** A new join code: every device paired with the old one is disconnected and must pair again. */
  newCode(): void;
  /** Makes `address` the one devices and phones are given; false when this computer has no such address now. */
  chooseAddress(address: string): boolean;
  close(): Promise<void>;
}

/**
 * What keeps the network listener from starving the hub: a venue laptop holding hundreds of idle or half-sent
 * connections would otherwise use up the process's file handles, and with them the kiosk on the hub's own computer.
 * A browser opens at most six connections to a host plus its WebSocket, so a page in two tabs fits easily under the
 * cap per address; a WebSocket, once open, is no longer subject to these timeouts (ws clears them; the heartbeat
 * drops silent ones).
 */
export interface LanLimits {
  /** Time to send the request headers (Node's headersTimeout). */
  headersTimeoutMs: number;
  /** Time to send the whole request (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** A connection that says nothing this long is closed, also between requests on a kept-alive one. */
  idleTimeoutMs: number;
  /** Open connections one remote address may hold; extra ones are closed at once. */
  connectionsPerAddress: number;
  /** Open connections in all: leaves the process handles for the database and the hub's own windows. */
  maxConnections: number;
}

export const DEFAULT_LAN_LIMITS: LanLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 15_000,
  connectionsPerAddress: 32,
  maxConnections: 128,
};

/**
 * Audience mode's way in on the same listener (src/hub/audience): requests without the join code may still carry the
 * audience code, which opens the phone page and its socket only.
 */
export interface AudienceGate {
  /**
   * A request the join code did not let in: `handled` when audience mode answered it (a redirect, its own refusal),
   * `in` when the audience code lets it through to the page routes, `no` when it is none of audience mode's business.
   */
  request(req: IncomingMessage, res: ServerResponse): 'handled' | 'in' | 'no';
  /** Whether a socket upgrade carries a valid audience code. */
  upgrade(req: IncomingMessage): boolean;
  /** Connections audience mode adds to the caps: a whole room may share one address behind a NAT. */
  extraConnections(): number;
}

interface LanOptions {
  store: ResponseStore;
  audience?: AudienceGate;
  limits?: Partial<LanLimits>;
  /** 0.0.0.0 on the stand; tests bind a loopback address. */
  host: string;
  /** The addresses devices can reach it on; by default the computer's own (or `host` when it is one address). */
  addresses?: () => string[];
  port: number;
  request(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer, audience: boolean): void;
  /** Closes every socket that came in over the network. */
  dropPeers(): void;
  log(line: string): void;
}

interface SavedLan {
  enabled: boolean;
  code: string;
  /** The address the organiser chose, kept while the computer does not have it (a laptop off its Wi-Fi). */
  address: string | null;
}

const readSaved = (raw: string | undefined): SavedLan | null => {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { enabled?: unknown; code?: unknown; address?: unknown };
    const code = typeof value.code === 'string' ? normalizeJoinCode(value.code) : null;
    const address = typeof value.address === 'string' ? value.address : null;
    return code ? { enabled: value.enabled === true, code, address } : null;
  } catch {
    return null;
  }
};

/**
 * Network mode: a second listener beside the loopback one, on which nothing but a health check passes without the
 * join code. The loopback listener (the hub's own windows) is never touched.
 */
export function createLan(options: LanOptions): LanController {
  const saved = readSaved(options.store.getSetting('lan'));
  let code = saved?.code ?? newJoinCode();
  let enabled = saved?.enabled ?? false;
  let chosen = saved?.address ?? null;
  let server: Server | null = null;
  let error: LanStatus['error'] = null;
  const sockets = new Set<Socket>();
  const limits = { ...DEFAULT_LAN_LIMITS, ...options.limits };
  const perAddress = new Map<string, number>();

  const save = (): void => options.store.setSetting('lan', JSON.stringify({ enabled, code, address: chosen }));
  const addresses =
    options.addresses ??
    ((): string[] => (options.host === '0.0.0.0' ? lanAddresses(networkInterfaces()) : [options.host]));

  const listen = async (): Promise<void> => {
    if (server) return;
    const candidate = createServer(
      // Node checks the header and request timeouts on this interval: finer than the timeouts themselves.
      { connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2) },
      (req, res) => {
        const verdict = admission(req, code);
        const audience = verdict.kind === 'refused' ? (options.audience?.request(req, res) ?? 'no') : 'no';
        if (audience === 'in') options.request(req, res);
        else if (audience === 'handled') return;
        else if (verdict.kind === 'refused') sendRefusal(req, res, 401);
        else if (verdict.kind === 'pair') {
          res.writeHead(303, {
            Location: verdict.location,
            'Set-Cookie': `${JOIN_COOKIE}=${code}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`,
            'Cache-Control': 'no-store',
            ...securityHeaders(req),
          });
          res.end();
        } else options.request(req, res);
      },
    );
    candidate.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      if (admission(req, code).kind !== 'in') {
        if (options.audience?.upgrade(req)) {
          options.upgrade(req, socket, head, true);
          return;
        }
        socket.on('error', () => undefined);
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      options.upgrade(req, socket, head, false);
    });
    candidate.headersTimeout = limits.headersTimeoutMs;
    candidate.requestTimeout = limits.requestTimeoutMs;
    candidate.keepAliveTimeout = limits.idleTimeoutMs;
    candidate.setTimeout(limits.idleTimeoutMs);
    candidate.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? '?';
      const open = perAddress.get(address) ?? 0;
      const extra = options.audience?.extraConnections() ?? 0;
      if (open >= limits.connectionsPerAddress + extra || sockets.size >= limits.maxConnections + extra) {
        socket.destroy();
        return;
      }
      perAddress.set(address, open + 1);
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
    });
    await new Promise<void>((resolve, reject) => {
      candidate.once('error', (cause: NodeJS.ErrnoException) => {
        reject(new LanListenError(cause.code === 'EADDRINUSE' ? 'port-in-use' : 'failed', cause.message));
      });
      candidate.listen(options.port, options.host, () => resolve());
    });
    // Errors after the start (a failed accept…) are logged; they must not take the hub down.
    candidate.on('error', (cause) => options.log(`Network mode: ${cause.message}`));
    server = candidate;
    options.log(`Network mode on port ${(candidate.address() as AddressInfo).port}`);
  };

  const stopListening = async (): Promise<void> => {
    const running = server;
    server = null;
    if (!running) return;
    options.dropPeers();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => running.close(() => resolve()));
  };

  const controller: LanController = {
    status: () => {
      const port = server ? (server.address() as AddressInfo).port : null;
      const reachable = addresses();
      return {
        enabled,
        port: port ?? options.port,
        listening: port !== null,
        code: enabled ? code : null,
        addresses: reachable,
        address: chosen !== null && reachable.includes(chosen) ? chosen : (reachable[0] ?? null),
        error,
      };
    },
    enable: async () => {
      try {
        await listen();
        error = null;
      } catch (cause) {
        error = cause instanceof LanListenError ? cause.reason : 'failed';
        throw cause;
      }
      enabled = true;
      save();
    },
    disable: async () => {
      enabled = false;
      error = null;
      save();
      await stopListening();
    },
    newCode: () => {
      code = newJoinCode();
      save();
      options.dropPeers();
    },
    chooseAddress: (address) => {
      if (!addresses().includes(address)) return false;
      chosen = address;
      save();
      return true;
    },
    close: stopListening,
  };
  return controller;
}

/** Starts network mode if it was on before the hub stopped; a failure is logged and shown, never fatal. */
export async function resumeLan(lan: LanController, log: (line: string) => void): Promise<void> {
  if (!lan.status().enabled) return;
  try {
    await lan.enable();
  } catch (cause) {
    log(cause instanceof Error ? cause.message : String(cause));
  }
}
