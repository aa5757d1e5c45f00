/**
 * Network mode: a second listener on the venue network, bounded in time and connections, behind the join code's
 * gate (lanGate.ts) and audience mode's, in that order (lanEntry.ts). On and off, the code and the chosen address
 * are kept in the settings.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { normalizeJoinCode, type LanStatus } from '../../core/lan';
import type { ResponseStore } from '../store/responseStore';
import { createCodeLock, FORMER_CODES } from './codeLock';
import { lanAddresses, newJoinCode } from './lanGate';
import { lanRequests, lanUpgrades, type Admission, type AudienceGate, type JoinGate } from './lanEntry';

export type { Admission, AudienceGate } from './lanEntry';

/** The port devices on the venue network use unless the hub is started with another. */
export const DEFAULT_LAN_PORT = 5781;

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
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer, by: Admission): void;
  /** Closes every socket that came in over the network. */
  dropPeers(): void;
  log(line: string): void;
}

interface SavedLan {
  enabled: boolean;
  code: string;
  /** The address the organiser chose, kept while the computer does not have it (a laptop off its Wi-Fi). */
  address: string | null;
  /** Codes from before "New code": a device still holding one is not guessing (codeLock.ts). */
  former: string[];
}

const readSaved = (raw: string | undefined): SavedLan | null => {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { enabled?: unknown; code?: unknown; address?: unknown; former?: unknown };
    const code = typeof value.code === 'string' ? normalizeJoinCode(value.code) : null;
    const address = typeof value.address === 'string' ? value.address : null;
    const former = Array.isArray(value.former)
      ? value.former.flatMap((c) => (typeof c === 'string' ? (normalizeJoinCode(c) ?? []) : []))
      : [];
    return code ? { enabled: value.enabled === true, code, address, former } : null;
  } catch {
    return null;
  }
};

/** Network mode's kept state, read once; `save` writes it back, `renew` makes a new code and keeps the old one. */
function keptLan(store: ResponseStore): { state: SavedLan; save(): void; renew(): void } {
  const state = readSaved(store.getSetting('lan')) ?? {
    enabled: false,
    code: newJoinCode(),
    address: null,
    former: [],
  };
  const save = (): void => store.setSetting('lan', JSON.stringify(state));
  return {
    state,
    save,
    renew: () => {
      state.former = [state.code, ...state.former].slice(0, FORMER_CODES);
      state.code = newJoinCode();
      save();
    },
  };
}

/**
 * Network mode: a second listener beside the loopback one, on which nothing but a health check passes without the
 * join code. The loopback listener (the hub's own windows) is never touched.
 */
export function createLan(options: LanOptions): LanController {
  const kept = keptLan(options.store);
  const { state, save } = kept;
  const join: JoinGate = {
    code: () => state.code,
    lock: createCodeLock({ normalize: normalizeJoinCode, former: () => state.former }),
  };
  let server: Server | null = null;
  let error: LanStatus['error'] = null;
  const sockets = new Set<Socket>();
  const limits = { ...DEFAULT_LAN_LIMITS, ...options.limits };

  const addresses =
    options.addresses ??
    ((): string[] => (options.host === '0.0.0.0' ? lanAddresses(networkInterfaces()) : [options.host]));

  const listen = async (): Promise<void> => {
    if (server) return;
    server = await startListener(options, limits, sockets, join);
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
    status: () => statusOf(server, options.port, state.enabled ? state.code : null, addresses(), state.address, error),
    enable: async () => {
      try {
        await listen();
        error = null;
      } catch (cause) {
        error = cause instanceof LanListenError ? cause.reason : 'failed';
        throw cause;
      }
      state.enabled = true;
      save();
    },
    disable: async () => {
      state.enabled = false;
      error = null;
      save();
      await stopListening();
    },
    newCode: () => {
      kept.renew();
      options.dropPeers();
    },
    chooseAddress: (address) => {
      if (!addresses().includes(address)) return false;
      state.address = address;
      save();
      return true;
    },
    close: stopListening,
  };
  return controller;
}

/** Network mode's listener, bounded by `limits`, listening once this resolves; a port in use is a LanListenError. */
async function startListener(
  options: LanOptions,
  limits: LanLimits,
  sockets: Set<Socket>,
  join: JoinGate,
): Promise<Server> {
  const server = createServer(
    // Node checks the header and request timeouts on this interval: finer than the timeouts themselves.
    { connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2) },
    lanRequests(options, join),
  );
  server.on('upgrade', lanUpgrades(options, join));
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.idleTimeoutMs;
  server.setTimeout(limits.idleTimeoutMs);
  server.on('connection', capConnections(sockets, limits, options.audience));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      reject(new LanListenError(cause.code === 'EADDRINUSE' ? 'port-in-use' : 'failed', cause.message));
    });
    server.listen(options.port, options.host, () => resolve());
  });
  // Errors after the start (a failed accept…) are logged; they must not take the hub down.
  server.on('error', (cause) => options.log(`Network mode: ${cause.message}`));
  options.log(`Network mode on port ${(server.address() as AddressInfo).port}`);
  return server;
}

/** Closes a connection at once past the caps per address and in all (audience mode raises both); tracks the rest. */
function capConnections(
  sockets: Set<Socket>,
  limits: LanLimits,
  audience: AudienceGate | undefined,
): (socket: Socket) => void {
  const perAddress = new Map<string, number>();
  return (socket) => {
    const address = socket.remoteAddress ?? '?';
    const open = perAddress.get(address) ?? 0;
    const extra = audience?.extraConnections() ?? 0;
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
  };
}

/** Network mode as the console shows it; the chosen address while the computer has it, else the likeliest. */
function statusOf(
  server: Server | null,
  configuredPort: number,
  code: string | null,
  reachable: string[],
  chosen: string | null,
  error: LanStatus['error'],
): LanStatus {
  const port = server ? (server.address() as AddressInfo).port : null;
  return {
    enabled: code !== null,
    port: port ?? configuredPort,
    listening: port !== null,
    code,
    addresses: reachable,
    address: chosen !== null && reachable.includes(chosen) ? chosen : (reachable[0] ?? null),
    error,
  };
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
