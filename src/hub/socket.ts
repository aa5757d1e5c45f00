import type { WebSocket } from 'ws';
import type { Instrument } from '../core/instrument';
import { parseClientMessage, type ClientMessage, type HubMessage, type Role } from '../core/messages';
import { checkAgainstInstrument, profileOf } from '../core/response';
import type { LiveState } from './liveState';
import type { ResponseStore } from './responseStore';

/** One connected page. */
export interface Peer {
  socket: WebSocket;
  role: Role | null;
  device: string | null;
  alive: boolean;
  tokens: number;
  lastRefill: number;
}

interface SocketContext {
  instruments: readonly Instrument[];
  store: ResponseStore;
  live: LiveState;
  broadcast: (message: HubMessage) => void;
  log: (line: string) => void;
}

/** Messages a peer may send in a burst, and how many come back per second. */
const BURST = 40;
const REFILL_PER_SECOND = 20;

/** Handles one socket: hello first, then submits; every frame validated, every answer acknowledged after commit. */
export function createSocketHandler(ctx: SocketContext): (peer: Peer) => void {
  const send = (peer: Peer, message: HubMessage): void => {
    if (peer.socket.readyState === peer.socket.OPEN) peer.socket.send(JSON.stringify(message));
  };

  const handlers: { [K in ClientMessage['type']]: (peer: Peer, message: Extract<ClientMessage, { type: K }>) => void } =
    {
      hello: (peer, message) => {
        peer.role = message.role;
        peer.device = message.device;
        send(peer, {
          type: 'welcome',
          instrument: ctx.live.instrument,
          aggregate: ctx.live.aggregate(),
          crowd: message.role === 'projector' ? [...ctx.live.crowd()] : [],
        });
      },
      submit: (peer, { response }) => {
        const instrument = ctx.instruments.find(
          (i) => i.id === response.instrumentId && i.version === response.instrumentVersion,
        );
        const problem = instrument
          ? checkAgainstInstrument(response, instrument)
          : `unknown instrument ${response.instrumentId}@${response.instrumentVersion}`;
        if (problem || !instrument) {
          send(peer, {
            type: 'error',
            code: 'bad-response',
            message: problem ?? 'unknown instrument',
            ref: response.id,
          });
          return;
        }
        const { stored, seq } = ctx.store.insert(response, Date.now());
        send(peer, { type: 'ack', id: response.id, duplicate: !stored });
        if (stored && instrument === ctx.live.instrument) {
          const member = ctx.live.add(seq, profileOf(response, instrument));
          ctx.broadcast({ type: 'update', aggregate: ctx.live.aggregate(), member });
        }
      },
    };

  return (peer) => {
    peer.tokens = BURST;
    peer.lastRefill = Date.now();
    peer.socket.on('message', (data, isBinary) => {
      if (!takeToken(peer)) {
        peer.socket.close(1008, 'rate limited');
        return;
      }
      if (isBinary) {
        send(peer, { type: 'error', code: 'bad-message', message: 'binary frames are not accepted' });
        return;
      }
      const parsed = parseClientMessage(data.toString());
      if (!parsed.ok) {
        send(peer, { type: 'error', code: parsed.code, message: parsed.reason });
        return;
      }
      const { message } = parsed;
      if (message.type !== 'hello' && peer.role === null) {
        send(peer, { type: 'error', code: 'not-hello', message: 'say hello first' });
        return;
      }
      try {
        (handlers[message.type] as (peer: Peer, message: ClientMessage) => void)(peer, message);
      } catch (error) {
        ctx.log(`Could not handle ${message.type}: ${(error as Error).message}`);
        send(peer, { type: 'error', code: 'internal', message: 'the hub could not handle this message' });
      }
    });
  };
}

function takeToken(peer: Peer): boolean {
  const now = Date.now();
  peer.tokens = Math.min(BURST, peer.tokens + ((now - peer.lastRefill) / 1000) * REFILL_PER_SECOND);
  peer.lastRefill = now;
  if (peer.tokens < 1) return false;
  peer.tokens -= 1;
  return true;
}
