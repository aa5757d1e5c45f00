import { checkAgainstInstrument, profileOf, type SurveyResponse } from '../../core/response';
import type { Handler, HubContext } from '../context';
import type { InsertMeta } from '../responseStore';

/**
 * Validates, stores (one transaction, the UUID as key) and only then acknowledges; a new response goes to every
 * page as the updated aggregate and one anonymous crowd member.
 */
export async function acceptResponse(
  ctx: HubContext,
  response: SurveyResponse,
  meta: InsertMeta,
): Promise<{ ok: true; stored: boolean } | { ok: false; problem: string }> {
  const instrument = ctx.instruments.find(
    (i) => i.id === response.instrumentId && i.version === response.instrumentVersion,
  );
  const problem = instrument
    ? checkAgainstInstrument(response, instrument)
    : `unknown instrument ${response.instrumentId}@${response.instrumentVersion}`;
  if (problem || !instrument) return { ok: false, problem: problem ?? 'unknown instrument' };
  const { stored, seq } = await ctx.write(response, meta);
  // The live state may have been rebuilt from the store while the commit was pending; add() skips a seq it holds.
  if (stored && instrument === ctx.live.instrument) {
    const member = ctx.live.add(seq, profileOf(response, instrument), meta);
    if (member) ctx.broadcast({ type: 'update', aggregate: ctx.live.aggregate(), member }, ['projector', 'admin']);
  }
  return { ok: true, stored };
}

export const responseHandlers: { hello: Handler<'hello'>; submit: Handler<'submit'>; outbox: Handler<'outbox'> } = {
  hello: (ctx, peer, message) => {
    peer.role = message.role;
    peer.device = message.device;
    ctx.devices.set(message.device, {
      role: message.role,
      via: peer.via,
      lastSeen: Date.now(),
      pending: ctx.devices.get(message.device)?.pending ?? null,
    });
    ctx.send(peer, ctx.welcomeFor(message.role));
  },
  submit: async (ctx, peer, { response }) => {
    const result = await acceptResponse(ctx, response, {
      round: ctx.store.activeRound()?.id ?? null,
      rehearsal: false,
    });
    if (result.ok) ctx.send(peer, { type: 'ack', id: response.id, duplicate: !result.stored });
    else ctx.send(peer, { type: 'error', code: 'bad-response', message: result.problem, ref: response.id });
  },
  outbox: (ctx, peer, { pending }) => {
    peer.pending = pending;
    const device = peer.device ? ctx.devices.get(peer.device) : undefined;
    if (device) device.pending = pending;
  },
};
