/**
 * The handlers room: one function per client message (this module) and per organiser action (admin.ts), in maps
 * keyed by message type that socket.ts dispatches to. accept.ts is the path every answer takes once let in.
 */
import { phoneHello, phoneSubmit } from '../audience/handlers';
import { acceptResponse, talkMessage } from './accept';
import type { Handler } from '../context';
import { deviceKey, rememberDevice } from '../day/devices';
import { remoteHello } from '../live/handlers';
import { participantHello } from '../workshop/handlers';

export const responseHandlers: { hello: Handler<'hello'>; submit: Handler<'submit'>; outbox: Handler<'outbox'> } = {
  hello: (ctx, peer, message) => {
    // A page says hello once per connection (hubClient does so on every reconnect); more would only multiply
    // device entries and welcomes.
    if (peer.role !== null) {
      ctx.send(peer, { type: 'error', code: 'bad-message', message: 'this connection already said hello' });
      return;
    }
    if (message.role === 'phone') {
      phoneHello(ctx, peer, message.device);
      ctx.send(peer, ctx.moments.question(peer));
      return;
    }
    if (message.role === 'remote') {
      remoteHello(ctx, peer, message.device);
      return;
    }
    if (message.role === 'participant') {
      try {
        participantHello(ctx, peer);
      } catch {
        ctx.send(peer, { type: 'error', code: 'refused', message: 'workshop-gone' });
      }
      return;
    }
    peer.role = message.role;
    peer.deviceKey = deviceKey(peer.via, peer.address, message.device);
    const connected = new Set([...ctx.peers].map((p) => p.deviceKey));
    rememberDevice(
      ctx.devices,
      peer.deviceKey,
      { device: message.device, role: message.role, via: peer.via, lastSeen: ctx.now() },
      (key) => connected.has(key),
    );
    ctx.send(peer, ctx.welcomeFor(message.role));
    if (message.role === 'projector') {
      ctx.send(peer, ctx.audience.invite());
      ctx.send(peer, talkMessage(ctx));
      ctx.send(peer, ctx.moments.view());
      const { screen, types, join } = ctx.workshops.screenNow();
      ctx.send(peer, { type: 'workshopScreen', screen, types: [...types], join });
    }
  },
  submit: async (ctx, peer, { response }) => {
    if (peer.role === 'phone') return phoneSubmit(ctx, peer, response);
    // Only devices on the network are capped: the hub's own computer could write the database directly anyway.
    const turn = peer.via === 'lan' ? ctx.answerLimit.take(peer) : ({ ok: true } as const);
    if (!turn.ok) {
      ctx.send(peer, {
        type: 'error',
        code: 'rate-limited',
        message: `too many answers per minute from this device: it keeps them and sends them again later`,
        ref: response.id,
        retryAfterMs: turn.retryAfterMs,
      });
      return;
    }
    const result = await acceptResponse(ctx, response, {
      round: ctx.store.activeRound()?.id ?? null,
      rehearsal: false,
    });
    if (result.ok) ctx.send(peer, { type: 'ack', id: response.id, duplicate: !result.stored });
    else ctx.send(peer, { type: 'error', code: 'bad-response', message: result.problem, ref: response.id });
  },
  outbox: (ctx, peer, { pending, refused }) => {
    peer.pending = pending;
    const device = peer.deviceKey ? ctx.devices.get(peer.deviceKey) : undefined;
    if (device) {
      device.pending = pending;
      device.refused = refused;
    }
  },
};
