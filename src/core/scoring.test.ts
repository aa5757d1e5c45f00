import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  casusGap,
  countPicks,
  insideConvex,
  labelRanked,
  labelShares,
  mixColors,
  polygonCorner,
  profilePosition,
  rankedPoints,
  roundedPercentages,
  secondSide,
  sharesFromCounts,
  situationFit,
  NAMED_SIDE_GAP,
  SWITCH_FIT,
} from './scoring';

const TYPE_IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
/** A random instrument size (3 to 6 types) with a random set of picks. */
const picksArb = fc.integer({ min: 3, max: 6 }).chain((n) =>
  fc.record({
    ids: fc.constant(TYPE_IDS.slice(0, n)),
    picks: fc.array(fc.constantFrom(...TYPE_IDS.slice(0, n)), { minLength: 1, maxLength: 30 }),
  }),
);

describe('shares', () => {
  it('sum to 1, are never negative, and the shown percentages sum to exactly 100', () => {
    fc.assert(
      fc.property(picksArb, ({ ids, picks }) => {
        const shares = sharesFromCounts(countPicks(ids, picks));
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        expect(shares.every((s) => s >= 0)).toBe(true);
        const percents = roundedPercentages(shares);
        expect(percents.reduce((a, b) => a + b, 0)).toBe(100);
        percents.forEach((p, i) => expect(Math.abs(p - shares[i]! * 100)).toBeLessThan(1));
      }),
      { numRuns: 2000 },
    );
  });

  it('do not depend on the order of the picks (the shuffled screen order)', () => {
    fc.assert(
      fc.property(picksArb, fc.integer(), ({ ids, picks }, seed) => {
        const reordered = [...picks].sort((x, y) => ((x.charCodeAt(0) * seed) % 7) - ((y.charCodeAt(0) * seed) % 7));
        expect(sharesFromCounts(countPicks(ids, reordered))).toEqual(sharesFromCounts(countPicks(ids, picks)));
      }),
    );
  });

  it('relabelling the types permutes shares and label the same way', () => {
    fc.assert(
      fc.property(
        picksArb.chain((p) =>
          fc.record({ p: fc.constant(p), perm: fc.shuffledSubarray(p.ids, { minLength: p.ids.length }) }),
        ),
        ({ p, perm }) => {
          const rename = (id: string): string => perm[p.ids.indexOf(id)]!;
          const shares = sharesFromCounts(countPicks(p.ids, p.picks));
          const renamedShares = sharesFromCounts(countPicks(p.ids, p.picks.map(rename)));
          p.ids.forEach((id, i) => expect(renamedShares[p.ids.indexOf(rename(id))]).toBeCloseTo(shares[i]!, 12));
          const label = labelShares(p.ids, shares);
          const renamed = labelShares(p.ids, renamedShares);
          expect(renamed.kind).toBe(label.kind);
          if (label.kind === 'leading' && renamed.kind === 'leading')
            expect(renamed.primary).toBe(rename(label.primary));
          if (label.kind === 'two-sided' && renamed.kind === 'two-sided' && !label.tied) {
            expect(renamed.primary).toBe(rename(label.primary));
          }
        },
      ),
    );
  });
});

describe('position in type space', () => {
  it('always lies inside the polygon, for 3 to 6 types', () => {
    fc.assert(
      fc.property(picksArb, ({ ids, picks }) => {
        const shares = sharesFromCounts(countPicks(ids, picks));
        const [x, y] = profilePosition(shares);
        expect(insideConvex(x, y, ids.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a pure type sits on its corner and an equal split in the middle', () => {
    expect(profilePosition([1, 0, 0])[0]).toBeCloseTo(polygonCorner(0, 3)[0], 12);
    expect(profilePosition([1, 0, 0])[1]).toBeCloseTo(1, 12);
    const [x, y] = profilePosition([0.25, 0.25, 0.25, 0.25]);
    expect(Math.hypot(x, y)).toBeLessThan(1e-12);
  });

  it('mixes colours by share', () => {
    expect(mixColors(['#ff0000', '#0000ff'], [0.5, 0.5])).toBe('#800080');
    expect(mixColors(['#0072b2', '#e69f00', '#009e73'], [1, 0, 0])).toBe('#0072b2');
  });
});

describe('1.x labels at the edges of their thresholds (12 items, 3 types)', () => {
  const ids = ['b', 'o', 'v'];
  const label = (b: number, o: number, v: number) => labelShares(ids, sharesFromCounts([b, o, v]));
  it.each([
    [4, 4, 4, { kind: 'chameleon' }],
    [5, 4, 3, { kind: 'chameleon' }],
    [5, 5, 2, { kind: 'two-sided', primary: 'b', secondary: 'o', tied: true }],
    [6, 5, 1, { kind: 'two-sided', primary: 'b', secondary: 'o', tied: false }],
    [6, 4, 2, { kind: 'two-sided', primary: 'b', secondary: 'o', tied: false }],
    [2, 4, 6, { kind: 'two-sided', primary: 'v', secondary: 'o', tied: false }],
    [6, 3, 3, { kind: 'leading', primary: 'b' }],
    [3, 7, 2, { kind: 'leading', primary: 'o' }],
    [0, 0, 12, { kind: 'leading', primary: 'v' }],
  ])('%i-%i-%i', (b, o, v, expected) => {
    expect(label(b, o, v)).toEqual(expected);
  });

  it('four types: 4-3-3-2 is a chameleon, 5-3-2-2 is not', () => {
    const four = ['a', 'b', 'c', 'd'];
    expect(labelShares(four, sharesFromCounts([4, 3, 3, 2])).kind).toBe('chameleon');
    expect(labelShares(four, sharesFromCounts([5, 3, 2, 2]))).toEqual({
      kind: 'two-sided',
      primary: 'a',
      secondary: 'b',
      tied: false,
    });
  });
});

describe('casus gap', () => {
  const ids = ['b', 'o', 'v'];
  it('match, stretch and gap', () => {
    expect(casusGap(ids, [0.5, 0.33, 0.17], 'b')).toEqual({ kind: 'match', type: 'b' });
    expect(casusGap(ids, [0.5, 0.34, 0.16], 'o')).toEqual({ kind: 'stretch', type: 'o', share: 0.34 });
    expect(casusGap(ids, [0.5, 0.34, 0.16], 'v')).toEqual({ kind: 'gap', type: 'v', share: 0.16 });
  });
});

describe('2.x: first and second choice', () => {
  const ids = ['b', 'o', 'v'];
  it('a first choice earns 2 points, a second 1, the rest nothing', () => {
    expect(
      rankedPoints(ids, [
        ['b', 'o'],
        ['v', 'b'],
      ]),
    ).toEqual([3, 1, 2]);
  });

  it('a two-sided visitor is named by both sides, not by the first reflex', () => {
    // Always Bureaucraat first and Verbinder second: one pick per item would read 12-0-0, "vooral Bureaucraat".
    const shares = sharesFromCounts(
      rankedPoints(
        ids,
        Array.from({ length: 12 }, (_, i) => (i < 7 ? ['b', 'v'] : ['v', 'b'])),
      ),
    );
    expect(labelRanked(ids, shares, 0)).toEqual({ kind: 'two-sided', primary: 'b', secondary: 'v', tied: false });
  });

  it('a balanced mix is a chameleon when it follows the situations and an all-rounder when it does not', () => {
    const shares = [1 / 3, 1 / 3, 1 / 3];
    expect(labelRanked(ids, shares, SWITCH_FIT)).toEqual({ kind: 'chameleon' });
    expect(labelRanked(ids, shares, SWITCH_FIT - 0.01)).toEqual({ kind: 'all-round' });
  });

  it('situation fit is 0 for any fixed preference and 1 when the asked type always comes first', () => {
    const asks = ['b', 'b', 'o', 'o', 'v', 'v'];
    // Someone who always ranks b, o, v: 2+2+1+1+0+0 points to the asked types, which is exactly chance.
    expect(
      situationFit(
        3,
        asks.map((a) => ({ asks: a, order: ['b', 'o'] })),
      ),
    ).toBeCloseTo(0, 12);
    expect(
      situationFit(
        3,
        asks.map((a) => ({ asks: a, order: [a, a === 'b' ? 'o' : 'b'] })),
      ),
    ).toBeCloseTo(1, 12);
  });

  it('labels do not depend on which type is which (relabelling permutes them)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.shuffledSubarray(ids, { minLength: 2, maxLength: 2 }), { minLength: 12, maxLength: 12 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (orders, fit) => {
          const rename = (id: string): string => ({ b: 'o', o: 'v', v: 'b' })[id]!;
          const label = labelRanked(ids, sharesFromCounts(rankedPoints(ids, orders)), fit);
          const renamed = labelRanked(
            ids,
            sharesFromCounts(
              rankedPoints(
                ids,
                orders.map((o) => o.map(rename)),
              ),
            ),
            fit,
          );
          expect(renamed.kind).toBe(label.kind);
          if (label.kind === 'leading' && renamed.kind === 'leading')
            expect(renamed.primary).toBe(rename(label.primary));
        },
      ),
    );
  });
});

describe('2.x: the second side a leading type is named with', () => {
  const three = ['b', 'o', 'v'];
  const four = ['b', 'o', 'v', 'r'];
  /** Shares from points (36 in all for twelve situations), labelled and given their second side as the product does. */
  const side = (ids: string[], points: number[]): [string, string | null] => {
    const shares = sharesFromCounts(points);
    const label = labelRanked(ids, shares, 0);
    return [label.kind, secondSide(label, ids, shares)];
  };

  it.each([
    // The visitors the result told only "vooral Verbinder": 61/36/3/0 and 67/33/0.
    [four, [1, 0, 22, 13], ['leading', 'r']],
    [three, [12, 0, 24], ['leading', 'b']],
    // The runner-up at least 0.20 above the next: 8 points of 36 is, 7 (0.194) is not yet.
    [three, [3, 11, 22], ['leading', 'o']],
    [three, [4, 11, 21], ['leading', null]],
    // A pure type whose second choices spread: no side to name.
    [three, [22, 7, 7], ['leading', null]],
    [four, [18, 6, 6, 6], ['leading', null]],
    // Two runners-up level: neither stands out.
    [four, [18, 9, 9, 0], ['leading', null]],
  ] as const)('%j %j', (ids, points, expected) => {
    expect(side([...ids], [...points])).toEqual(expected);
  });

  it('is null for every label but a leading one: two-sided names both already, a balanced mix none', () => {
    expect(side(three, [16, 14, 6])).toEqual(['two-sided', null]);
    expect(side(three, [12, 12, 12])).toEqual(['all-round', null]);
    expect(secondSide({ kind: 'chameleon' }, three, [0.4, 0.35, 0.25])).toBeNull();
  });

  it('names the runner-up, never another type, and follows the types when they are renamed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.shuffledSubarray(four, { minLength: 2, maxLength: 2 }), { minLength: 12, maxLength: 12 }),
        (orders) => {
          const shares = sharesFromCounts(rankedPoints(four, orders));
          const label = labelRanked(four, shares, 0);
          const named = secondSide(label, four, shares);
          if (named === null) return;
          expect(label.kind).toBe('leading');
          const sorted = [...shares].sort((x, y) => y - x);
          expect(shares[four.indexOf(named)]).toBe(sorted[1]);
          expect(sorted[1]! - sorted[2]!).toBeGreaterThanOrEqual(NAMED_SIDE_GAP - 1e-9);
          const rename = (id: string): string => ({ b: 'o', o: 'v', v: 'r', r: 'b' })[id]!;
          const renamedShares = sharesFromCounts(
            rankedPoints(
              four,
              orders.map((o) => o.map(rename)),
            ),
          );
          expect(secondSide(labelRanked(four, renamedShares, 0), four, renamedShares)).toBe(rename(named));
        },
      ),
    );
  });
});
