import { parseClientMessage, type ClientMessage } from '../../core/messages';
import type { Handler, HubContext } from '../context';
import type { Peer } from './peer';
import { adminHandlers } from '../handlers/admin';
import { responseHandlers } from '../handlers/responses';
import { liveHandlers } from '../live/handlers';
import { workshopHandlers } from '../workshop/handlers';

/**
 * Messages a peer may send in a burst, and how many come back per second. A kiosk flushing a long outbox after an
 * outage paces itself below this (delivery.ts); a flood of hundreds per second is closed.
 */
export const BURST = 100;
export const REFILL_PER_SECOND = 50;

const handlers: { [K in ClientMessage['type']]: Handler<K> } = {
  ...responseHandlers,
  ...adminHandlers,
  ...liveHandlers,
  ...workshopHandlers,
};

/** Handles one socket: hello first, then the rest; every frame validated, every answer acknowledged after commit. */
export function attachPeer(ctx: HubContext, peer: Peer): void {
  peer.socket.on('message', (data, isBinary) => {
    if (!takeToken(peer)) {
      peer.socket.close(1008, 'rate limited');
      return;
    }
    peer.lastSeen = ctx.now();
    if (peer.deviceKey) {
      const device = ctx.devices.get(peer.deviceKey);
      if (device) device.lastSeen = peer.lastSeen;
    }
    if (isBinary) {
      ctx.send(peer, { type: 'error', code: 'bad-message', message: 'binary frames are not accepted' });
      return;
    }
    const parsed = parseClientMessage(data.toString());
    if (!parsed.ok) {
      ctx.send(peer, {
        type: 'error',
        code: parsed.code,
        message: parsed.reason,
        ...(parsed.detail && { detail: parsed.detail }),
      });
      return;
    }
    const { message } = parsed;
    // The audience code opens a phone's hello and its answers; a kiosk's, a projector's or the console's
    // messages are refused as if no code had been given. The presenter code opens a remote's hello and buttons only.
    const refusal = codeRefusal(peer, message);
    if (refusal) {
      ctx.send(peer, { type: 'error', code: 'refused', message: refusal });
      return;
    }
    if (peer.via === 'lan' && isOrganiserMessage(peer, message)) {
      ctx.send(peer, { type: 'error', code: 'refused', message: 'the console only works on the hub computer' });
      return;
    }
    if (message.type !== 'hello' && peer.role === null) {
      ctx.send(peer, { type: 'error', code: 'not-hello', message: 'say hello first' });
      return;
    }
    const fail = (error: unknown): void => {
      ctx.log(`Could not handle ${message.type}: ${error instanceof Error ? error.message : String(error)}`);
      ctx.send(peer, { type: 'error', code: 'internal', message: 'the hub could not handle this message' });
    };
    try {
      const result = (handlers[message.type] as (c: HubContext, p: Peer, m: ClientMessage) => void | Promise<void>)(
        ctx,
        peer,
        message,
      );
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  });
}

/** Why a message is refused for the code the socket came in with, or null when it may go on. */
function codeRefusal(peer: Peer, message: ClientMessage): string | null {
  const hello = message.type === 'hello' ? message.role : null;
  if (peer.audience && !(message.type === 'submit' || message.type === 'liveAnswer' || hello === 'phone'))
    return 'the room code only lets a phone answer';
  if (peer.remote && !(message.type === 'remote' || hello === 'remote'))
    return "the presenter code only opens the remote's buttons";
  if (!peer.remote && hello === 'remote') return 'a remote needs the presenter code';
  if (peer.workshop !== null && !(message.type === 'participant' || hello === 'participant'))
    return "the workshop code only opens the workshop's participant page";
  if (peer.workshop === null && (hello === 'participant' || message.type === 'participant'))
    return 'a participant needs the workshop code';
  return null;
}

/**
 * The organiser's messages, none of which is answered over the network, PIN or not. One exception: a paired kiosk
 * checks the PIN for its operator exit (the lock-out counts those tries too); the session it gets opens nothing
 * over the network, and the first PIN can only be chosen in the console on the hub's own computer (handlers/admin).
 */
function isOrganiserMessage(peer: Peer, message: ClientMessage): boolean {
  if (message.type === 'login') return peer.role !== 'kiosk';
  return (
    message.type === 'admin' ||
    message.type === 'liveAdmin' ||
    message.type === 'workshopAdmin' ||
    (message.type === 'hello' && message.role === 'admin')
  );
}

function takeToken(peer: Peer): boolean {
  const now = Date.now();
  peer.tokens = Math.min(BURST, peer.tokens + ((now - peer.lastRefill) / 1000) * REFILL_PER_SECOND);
  peer.lastRefill = now;
  if (peer.tokens < 1) return false;
  peer.tokens -= 1;
  return true;
}

export function newPeer(socket: Peer['socket'], via: Peer['via'], address: string): Peer {
  const now = Date.now();
  return {
    socket,
    via,
    address,
    role: null,
    deviceKey: null,
    alive: true,
    tokens: BURST,
    lastRefill: now,
    lastSeen: now,
    pending: null,
    audience: false,
    remote: false,
    phone: null,
    workshop: null,
    participant: null,
  };
}
