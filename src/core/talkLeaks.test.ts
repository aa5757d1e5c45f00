import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../tests/support/instruments';
import { attackProjector, type ProjectorView } from '../../tests/support/projectorAttacker';
import { makeResponse } from '../../tests/support/responses';
import { addToAggregate, emptyAggregate } from './aggregate';
import type { Instrument } from './instrument';
import type { CrowdMember } from './messages';
import { profileOf } from './response';
import { emptyTally, publicTalk, tally } from './talkCounts';

/**
 * Suppression over everything a projector is sent (docs/adr/0004, "Live views"): the hub's aggregate, the crowd and
 * the talk counts, built the way the live state builds them (liveState.ts: addToAggregate, tally, publicTalk), then
 * read by an attacker written apart from the rule. No group the context view leaves out may be worked out.
 */
const instruments = [shippedInstrument('ideale-ambtenaar'), shippedInstrument('vier-perspectieven')];
const HOUR = 3_600_000;
const DAY = Date.UTC(2025, 5, 12, 7);

/** One visitor: the type chosen first per item (the next one second), the casus, and an option per question. */
const visitorArb = fc.record({
  picks: fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }),
  casus: fc.nat(3),
  // An index past the question's options is a skipped question.
  context: fc.array(fc.oneof(fc.constant(0), fc.nat(6)), { minLength: 3, maxLength: 3 }),
  hour: fc.nat(9),
});
type Visitor = typeof visitorArb extends fc.Arbitrary<infer V> ? V : never;

/** Tiny days, ordinary days, and days where most visitors are the same kind of person in the same groups. */
const dayArb = fc.record({
  instrument: fc.nat(instruments.length - 1),
  threshold: fc.constantFrom(3, 5, 5, 10),
  dominant: visitorArb,
  visitors: fc.oneof(
    fc.array(visitorArb, { maxLength: 8 }),
    fc.array(visitorArb, { maxLength: 60 }),
    fc.array(fc.option(visitorArb, { freq: 4 }), { maxLength: 60 }),
  ),
  moment: fc.nat(),
}) as fc.Arbitrary<{
  instrument: number;
  threshold: number;
  dominant: Visitor;
  visitors: (Visitor | null)[];
  moment: number;
}>;

function responseOf(v: Visitor, instrument: Instrument) {
  const n = instrument.types.length;
  const response = makeResponse(instrument, (i) => v.picks[i]! % n);
  response.casus = instrument.types[v.casus % n]!.id;
  response.context = {};
  instrument.context.forEach((q, i) => {
    const option = q.options[v.context[i]!];
    if (option) response.context[q.id] = option.id;
  });
  return response;
}

/** What a projector holds after each arrival, as the hub sends it: aggregate and member in `update`, then `talk`. */
function viewsOf(visitors: readonly Visitor[], instrument: Instrument, threshold: number): ProjectorView[] {
  const typeIds = instrument.types.map((t) => t.id);
  let aggregate = emptyAggregate(typeIds.length);
  const counts = emptyTally(instrument);
  const crowd: CrowdMember[] = [];
  return visitors.map((v, seq) => {
    const response = responseOf(v, instrument);
    const profile = profileOf(response, instrument);
    aggregate = addToAggregate(aggregate, profile, typeIds);
    tally(counts, instrument, { response, label: profile.label, receivedAt: DAY + v.hour * HOUR });
    crowd.push({
      seq,
      shares: profile.shares,
      label: profile.label,
      casus: profile.casusIndex,
      round: null,
      rehearsal: false,
    });
    return { aggregate, crowd: [...crowd], talk: publicTalk(counts, instrument, threshold) };
  });
}

describe('suppression over everything a projector is sent', () => {
  it('the day minus the shown groups, per leading type, gives away no group that the view leaves out', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const instrument = instruments[day.instrument]!;
        const visitors = day.visitors.map((v) => v ?? day.dominant);
        const views = viewsOf(visitors, instrument, day.threshold);
        if (views.length === 0) return;
        // The day as it ends, and one moment on the way there.
        for (const view of [views.at(-1)!, views[day.moment % views.length]!])
          expect(attackProjector(view, instrument)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('20 and 12 shown of 35: the 3 left out, all leading Verbinder, cannot be worked out', () => {
    const instrument = instruments[0]!;
    const group = (n: number, pick: number, laag: string): Visitor[] =>
      Array.from({ length: n }, () => ({
        picks: Array(12).fill(pick),
        casus: 2,
        context: [9, 9, laagIndex(laag)],
        hour: 1,
      }));
    const laagIndex = (id: string): number => instrument.context[2]!.options.findIndex((o) => o.id === id);
    const views = viewsOf(
      [...group(20, 0, 'rijk'), ...group(12, 1, 'gemeente'), ...group(3, 2, 'waterschap')],
      instrument,
      5,
    );
    const last = views.at(-1)!;
    expect(attackProjector(last, instrument)).toEqual([]);
    // What the projector shows instead: the smaller of the two large groups joins the three.
    expect(Object.keys(last.talk.context.laag!)).toEqual(['rijk']);
    expect(last.talk.withheld.laag).toEqual(['gemeente']);
  });
});
