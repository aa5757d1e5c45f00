import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../tests/support/instruments';
import { addToAggregate, aggregateMembers, emptyAggregate } from './aggregate';
import { profileOf } from './response';

const instrument = shippedInstrument('ideale-ambtenaar');
const typeIds = instrument.types.map((t) => t.id);
const responseArb = fc.record({
  answers: fc.tuple(
    ...instrument.items.map((item) => fc.constantFrom(...typeIds).map((type) => ({ item: item.id, type }))),
  ),
  casus: fc.constantFrom(...typeIds),
});

describe('aggregation', () => {
  it('is order-independent: any delivery order gives the same totals', () => {
    fc.assert(
      fc.property(
        fc
          .array(responseArb, { maxLength: 40 })
          .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([rs, shuffledRs]) => {
          const fold = (list: typeof rs) =>
            list.reduce((agg, r) => addToAggregate(agg, profileOf(r, instrument), typeIds), emptyAggregate(3));
          const a = fold(rs);
          const b = fold(shuffledRs);
          expect(b.total).toBe(a.total);
          expect(b.leading).toEqual(a.leading);
          expect(b.labels).toEqual(a.labels);
          expect(b.casus).toEqual(a.casus);
          b.shareSums.forEach((s, i) => expect(s).toBeCloseTo(a.shareSums[i]!, 9));
        },
      ),
    );
  });

  it('counts every response once in the leading types or the balanced mixes', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 40 }), (rs) => {
        const agg = rs.reduce((acc, r) => addToAggregate(acc, profileOf(r, instrument), typeIds), emptyAggregate(3));
        expect(agg.leading.reduce((x, y) => x + y, 0) + agg.balanced).toBe(rs.length);
        expect(Object.values(agg.labels).reduce((x, y) => x + y, 0)).toBe(rs.length);
        expect(agg.casus.reduce((x, y) => x + y, 0)).toBe(rs.length);
      }),
    );
  });
});

describe('aggregating public crowd members', () => {
  it('gives the same totals as aggregating the responses they came from', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 40 }), (rs) => {
        const profiles = rs.map((r) => profileOf(r, instrument));
        const direct = profiles.reduce((agg, p) => addToAggregate(agg, p, typeIds), emptyAggregate(3));
        const fromMembers = aggregateMembers(
          profiles.map((p) => ({ shares: p.shares, casus: p.casusIndex, label: p.label })),
          typeIds,
        );
        expect(fromMembers.leading).toEqual(direct.leading);
        expect(fromMembers.labels).toEqual(direct.labels);
        expect(fromMembers.casus).toEqual(direct.casus);
      }),
    );
  });
});
