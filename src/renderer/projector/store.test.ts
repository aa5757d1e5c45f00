import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aggregateMembers, emptyAggregate } from '../../core/aggregate';
import type { CrowdMember } from '../../core/messages';
import { shippedInstrument } from '../../../tests/support/instruments';
import { REPLAY_SECONDS, shownAggregate, useProjector } from './store';

const instrument = shippedInstrument('ideale-ambtenaar');
const typeIds = instrument.types.map((t) => t.id);
const ROUND = { id: 2, name: 'Zaal 2', startedAt: 0, endedAt: null };

function member(seq: number, round: number | null): CrowdMember {
  const a = (seq % 7) / 10 + 0.1;
  const label = a >= 0.5 ? { kind: 'leading' as const, primary: typeIds[0]! } : { kind: 'all-round' as const };
  return { seq, shares: [a, (1 - a) / 2, (1 - a) / 2], label, casus: seq % 3, round, rehearsal: false };
}

/** Members that count every time someone reads one of their fields. */
function watched(members: CrowdMember[]): { members: CrowdMember[]; reads: () => number } {
  let reads = 0;
  const proxied = members.map((m) => new Proxy(m, { get: (target, key) => (reads++, Reflect.get(target, key)) }));
  return { members: proxied, reads: () => reads };
}

const store = () => useProjector.getState();

describe('the projector store over a long day', () => {
  beforeEach(() => store().reset());

  it('with the round filter on, an arrival and every reader of the totals leave the earlier members alone', () => {
    const morning = watched(Array.from({ length: 5000 }, (_, i) => member(i, i % 2 ? 2 : null)));
    store().welcome(instrument, emptyAggregate(3), morning.members, ROUND);
    store().toggle('roundOnly');
    const before = morning.reads();
    const live: CrowdMember[] = [];
    for (let i = 0; i < 50; i++) {
      live.push(member(5000 + i, 2));
      store().arrive(emptyAggregate(3), live.at(-1)!);
      // The counter, the corner labels and a view each read the totals.
      for (let reader = 0; reader < 3; reader++) shownAggregate(store());
    }
    expect(morning.reads() - before).toBe(0);
    const inRound = [...morning.members.filter((m) => m.round === 2), ...live];
    expect(shownAggregate(store())).toEqual(aggregateMembers(inRound, typeIds));
  });

  it('an arrival costs the same in the evening as in the morning', () => {
    const timeArrivals = (already: number): number => {
      store().reset();
      const members = Array.from({ length: already }, (_, i) => member(i, 1));
      // Filtered before the snapshot arrives, so no figure walks in at all: this times the store alone.
      store().toggle('roundOnly');
      store().welcome(instrument, emptyAggregate(3), members, ROUND);
      const t0 = performance.now();
      for (let i = 0; i < 2000; i++) store().arrive(emptyAggregate(3), member(already + i, 1));
      return performance.now() - t0;
    };
    timeArrivals(0);
    const morning = timeArrivals(0);
    const evening = timeArrivals(100_000);
    console.log(`2,000 arrivals: ${morning.toFixed(1)} ms on an empty day, ${evening.toFixed(1)} ms after 100,000`);
    expect(evening).toBeLessThan(morning * 3 + 50);
  });

  describe('the replay', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] }));
    afterEach(() => vi.useRealTimers());

    it("counts each member once, also one who arrives while it runs, and ends on the day's totals", () => {
      const day = Array.from({ length: 40 }, (_, i) => member(i, null));
      store().welcome(instrument, aggregateMembers(day, typeIds), day, null);
      store().step(-1);
      expect(store().view).toBe('replay');
      vi.advanceTimersByTime((REPLAY_SECONDS / 2) * 1000);
      const halfway = shownAggregate(store())!.total;
      expect(halfway).toBeGreaterThan(15);
      expect(halfway).toBeLessThan(25);

      const late = member(40, null);
      store().arrive(aggregateMembers([...day, late], typeIds), late);
      expect(shownAggregate(store())!.total).toBe(halfway + 1);
      expect(store().replay?.total).toBe(41);

      vi.advanceTimersByTime(REPLAY_SECONDS * 1000);
      expect(store().replay).toBeNull();
      expect(shownAggregate(store())).toEqual(aggregateMembers([...day, late], typeIds));
    });
  });
});
