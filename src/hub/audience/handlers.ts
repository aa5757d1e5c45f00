import type { SurveyResponse } from '../../core/response';
import type { HubContext } from '../context';
import type { Peer } from '../net/peer';
import { acceptResponse } from '../handlers/accept';
import type { PhoneIds } from './phoneStore';

/** The per-minute caps for phones (answerLimit.ts); why these numbers: docs/adr/0007-audience-mode.md. */
export const PHONE_ANSWERS_PER_SOCKET = 10;
/**
 * A room behind one NAT shows up as one address. The largest room a talk gets is a hall of about 500, and even if
 * every seat finished in the same minute that stays under 600; a script with the public code gets 10 a second at
 * most instead of thousands.
 */
export const PHONE_ANSWERS_PER_ADDRESS = 600;

const idsOf = (peer: Peer, device: string): PhoneIds => ({ device, cookie: peer.phone });

/** Phones whose answer is being stored right now (per round), so a second answer cannot overtake the first. */
const inFlight = new WeakMap<HubContext, Map<string, string>>();

/**
 * A phone says hello: it gets the instrument and the round, never the crowd or the totals, and counts as joined in
 * the running round. Phones stay out of the console's device list (a room would push the kiosks out of it).
 */
export function phoneHello(ctx: HubContext, peer: Peer, device: string): void {
  peer.role = 'phone';
  peer.deviceKey = `phone|${device}`;
  ctx.audience.joined(idsOf(peer, device));
  ctx.send(peer, ctx.welcomeFor('phone'));
}

/**
 * One answer per phone per round: refused with `already-answered` when either of the phone's ids answered in this
 * round already, acknowledged again when it is the phone's own answer sent twice (a lost ack), stored otherwise.
 */
export async function phoneSubmit(ctx: HubContext, peer: Peer, response: SurveyResponse): Promise<void> {
  const device = peer.deviceKey!.slice('phone|'.length);
  const ids = idsOf(peer, device);
  const turn = peer.via === 'lan' ? ctx.phoneLimit.take(peer) : ({ ok: true } as const);
  if (!turn.ok) {
    ctx.send(peer, {
      type: 'error',
      code: 'rate-limited',
      message: 'too many answers from this network address: try again in a minute',
      ref: response.id,
      retryAfterMs: turn.retryAfterMs,
    });
    return;
  }
  const key = ctx.audience.roundKey();
  const pending = inFlight.get(ctx) ?? new Map<string, string>();
  inFlight.set(ctx, pending);
  const flightKeys = [`${key}|d:${ids.device}`, ...(ids.cookie ? [`${key}|c:${ids.cookie}`] : [])];
  const racing = flightKeys.map((k) => pending.get(k)).find((id) => id !== undefined);
  if (racing !== undefined && racing !== response.id) {
    ctx.send(peer, alreadyAnswered(response.id));
    return;
  }
  if (ctx.phones.answered(key, ids)) {
    if (ctx.phones.hasResponse(response.id)) ctx.send(peer, { type: 'ack', id: response.id, duplicate: true });
    else ctx.send(peer, alreadyAnswered(response.id));
    return;
  }
  for (const k of flightKeys) pending.set(k, response.id);
  try {
    const result = await acceptResponse(ctx, response, {
      round: ctx.store.activeRound()?.id ?? null,
      rehearsal: false,
      // Where it came from, so the organiser can set aside an address that answered for a whole room; the hub's
      // own computer is no such address.
      source: peer.via === 'lan' ? ctx.sources.of(peer.address) : null,
      // In the answer's own transaction: an answer stored is a phone marked, and the other way round.
      alongside: () => ctx.phones.markAnswered(key, ids),
    });
    if (!result.ok) {
      ctx.send(peer, { type: 'error', code: 'bad-response', message: result.problem, ref: response.id });
      return;
    }
    ctx.send(peer, { type: 'ack', id: response.id, duplicate: !result.stored });
  } finally {
    for (const k of flightKeys) pending.delete(k);
  }
}

const alreadyAnswered = (id: string) =>
  ({
    type: 'error',
    code: 'already-answered',
    message: 'this phone already answered in this round',
    ref: id,
  }) as const;
