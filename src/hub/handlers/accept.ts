/**
 * The path every answer takes once a handler let it in, whoever sent it (a kiosk, a phone, a rehearsal): checked
 * against its instrument, stored, and only then shown. The kiosk's and the phone's handlers both call this module;
 * it calls neither, so the answer path runs one way.
 */
import { standInstrument } from '../../core/instrument';
import type { HubMessage } from '../../core/messages';
import { checkAgainstInstrument, profileOf, type SurveyResponse } from '../../core/response';
import type { HubContext } from '../context';
import { notRunToday } from '../day/instrumentGate';
import { UNKNOWN_INSTRUMENT } from '../day/instrumentRuns';
import type { InsertMeta } from '../store/responseStore';

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
  if (!instrument) {
    ctx.instrumentRuns.refuse(UNKNOWN_INSTRUMENT);
    return { ok: false, problem: `unknown instrument ${response.instrumentId}@${response.instrumentVersion}` };
  }
  // The stand's and the phones' visit: every situation but those for workshops only.
  const problem = checkAgainstInstrument(response, standInstrument(instrument)) ?? notRunToday(ctx, instrument);
  if (problem) return { ok: false, problem };
  const { stored, seq, receivedAt } = await ctx.write(response, meta);
  // The live state may have been rebuilt from the store while the commit was pending; add() skips a seq it holds.
  // An answer from an address the organiser set aside is kept, and left out of the picture as the store leaves it.
  if (stored && instrument === ctx.live.instrument && !ctx.sources.isSetAside(meta.source)) {
    const member = ctx.live.add(seq, profileOf(response, instrument), meta, { response, receivedAt });
    if (member) {
      ctx.broadcast({ type: 'update', aggregate: ctx.live.aggregate(), member }, ['projector', 'admin']);
      ctx.broadcast(talkMessage(ctx), ['projector']);
    }
  }
  return { ok: true, stored };
}

/** The talk's group counts for projectors, cut to the export threshold: never a group smaller than it. */
export function talkMessage(ctx: HubContext): HubMessage {
  return { type: 'talk', talk: ctx.live.talk(ctx.settings.suppressBelow) };
}
