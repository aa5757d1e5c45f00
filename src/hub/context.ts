import type { WebSocket } from 'ws';
import type { Instrument } from '../core/instrument';
import type { ClientMessage, HubMessage, Role } from '../core/messages';
import type { Settings } from '../core/settings';
import type { OrganiserAuth } from './auth';
import type { LanController } from './lan';
import type { LiveState } from './liveState';
import type { SurveyResponse } from '../core/response';
import type { InsertMeta, ResponseStore } from './responseStore';

/** How a page reached the hub: on the hub's own computer, or over the venue network with the join code. */
export type Via = 'local' | 'lan';

/** One connected page. */
export interface Peer {
  socket: WebSocket;
  via: Via;
  role: Role | null;
  device: string | null;
  alive: boolean;
  tokens: number;
  lastRefill: number;
  lastSeen: number;
  /** What a kiosk last reported as still unacknowledged. */
  pending: number | null;
}

/** Everything the message handlers share. */
export interface HubContext {
  readonly instruments: readonly Instrument[];
  readonly store: ResponseStore;
  readonly auth: OrganiserAuth;
  readonly dataDir: string;
  readonly appVersion: string;
  readonly peers: ReadonlySet<Peer>;
  /** Devices seen since start, also after they disconnect. */
  readonly devices: Map<string, { role: Role; via: Via; lastSeen: number; pending: number | null }>;
  /** Network mode: the second listener and its join code. */
  readonly lan: LanController;
  /** Stores a response durably (group commit); resolves after the commit. */
  write(response: SurveyResponse, meta: InsertMeta): Promise<{ stored: boolean; seq: number }>;
  live: LiveState;
  settings: Settings;
  send(peer: Peer, message: HubMessage): void;
  /** Sends to every page that said hello, or only to the given roles. */
  broadcast(message: HubMessage, roles?: readonly Role[]): void;
  /** Rebuilds the live state from the store and sends every page a fresh welcome (after a reset, a switch…). */
  reload(instrument?: Instrument): void;
  welcomeFor(role: Role): HubMessage;
  log(line: string): void;
}

/** What handles one kind of client message: the handler maps in handlers/ and the dispatch in socket.ts share it. */
export type Handler<K extends ClientMessage['type']> = (
  ctx: HubContext,
  peer: Peer,
  message: Extract<ClientMessage, { type: K }>,
) => void | Promise<void>;
