/**
 * Which instrument may be answered now. A kiosk that loaded an instrument before the organiser switched keeps finished
 * answers for it in its outbox, so answers for an instrument that ran earlier today are stored (they stay out of the
 * live picture and count apart in the console). An answer for one that did not run today at all did not come from a
 * kiosk showing it: it is bad input, refused as `bad-response`, counted per instrument for the console, and changes
 * nothing else.
 */
import { startOfDay } from '../../core/eventTime';
import { findInstrument, localize, type Instrument } from '../../core/instrument';
import type { HubStatus } from '../../core/messages';
import type { HubContext } from '../context';
import { refOf, UNKNOWN_INSTRUMENT } from './instrumentRuns';

/** Notes the running instrument as run today: at start, on either side of a switch, and once a minute. */
export function noteRunning(ctx: HubContext, now = ctx.now()): void {
  ctx.instrumentRuns.note(refOf(ctx.live.instrument), now, startOfDay(now, ctx.settings.timeZone));
}

/**
 * Null when answers for `instrument` may be stored now (it runs, or it ran earlier today in the event's time zone),
 * else the refusal's words; a refusal is counted for the console.
 */
export function notRunToday(ctx: HubContext, instrument: Instrument, now = ctx.now()): string | null {
  if (instrument === ctx.live.instrument) return null;
  const ref = refOf(instrument);
  if (ctx.instrumentRuns.ranSince(ref, startOfDay(now, ctx.settings.timeZone))) return null;
  ctx.instrumentRuns.refuse(ref);
  return `answers for ${ref} are refused: it did not run today (running now: ${refOf(ctx.live.instrument)})`;
}

/** The console's count per other instrument: answers stored for it, and answers refused because it did not run today. */
export function otherInstruments(ctx: HubContext): HubStatus['otherInstruments'] {
  const stored = ctx.store.countPerInstrument();
  const refused = ctx.instrumentRuns.refused();
  const refs = new Set([...stored.keys(), ...refused.keys()]);
  refs.delete(refOf(ctx.live.instrument));
  return [...refs].sort().map((ref) => {
    const instrument = ref === UNKNOWN_INSTRUMENT ? undefined : findInstrument(ctx.instruments, ref);
    return {
      instrument: ref,
      title: instrument ? localize(instrument.title, 'nl') : null,
      stored: stored.get(ref) ?? 0,
      refused: refused.get(ref) ?? 0,
    };
  });
}
