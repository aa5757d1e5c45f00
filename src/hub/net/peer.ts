/**
 * One connected page, as every part of the hub sees it. This module imports none of the modules that use it, so the
 * answer caps, the device list and the audience can name a peer without importing the hub's context.
 */
import type { WebSocket } from 'ws';
import type { Role } from '../../core/messages';

/** How a page reached the hub: on the hub's own computer, or over the venue network with the join code. */
export type Via = 'local' | 'lan';

/** One connected page. */
export interface Peer {
  socket: WebSocket;
  via: Via;
  /** The remote address the connection came from. */
  address: string;
  role: Role | null;
  /** Its entry in `devices`, once it said hello. */
  deviceKey: string | null;
  alive: boolean;
  tokens: number;
  lastRefill: number;
  lastSeen: number;
  /** What a kiosk last reported as still unacknowledged. */
  pending: number | null;
  /** Came in over the network with the audience code: a phone, which may say hello as one and submit, nothing else. */
  audience: boolean;
  /** Came in over the network with the presenter code: a remote, which may say hello as one and give commands. */
  remote: boolean;
  /** The phone's HttpOnly cookie id (audience mode), when its browser sent one. */
  phone: string | null;
  /** Came in over the network with a workshop's code: that workshop's id; such a page is a participant only. */
  workshop: string | null;
  /** The participant's HttpOnly cookie id (workshop mode). */
  participant: string | null;
}
