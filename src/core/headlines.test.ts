import { describe, expect, it } from 'vitest';
import { emptyAggregate, type Aggregate } from './aggregate';
import { dayHeadline, gapHeadline, gaps, groupHeadline, leadingHeadline, noticeable, splitHeadline } from './headlines';

/** An aggregate of `total` people: leading counts, balanced, mean shares and casus shares given as fractions. */
function crowd(leading: number[], balanced: number, who?: number[], asks?: number[]): Aggregate {
  const total = leading.reduce((a, b) => a + b, balanced);
  const n = leading.length;
  return {
    ...emptyAggregate(n),
    total,
    leading,
    balanced,
    shareSums: (who ?? leading.map(() => 1 / n)).map((w) => w * total),
    casus: (asks ?? leading.map(() => 1 / n)).map((a) => Math.round(a * total)),
  };
}

describe('headlines', () => {
  it('never claim a difference under 5 points, however large the crowd', () => {
    expect(noticeable(0.049, 0)).toBe(false);
    expect(noticeable(0.05, 0.001)).toBe(true);
    expect(noticeable(-0.08, 0.05)).toBe(false);
    expect(noticeable(-0.11, 0.05)).toBe(true);
  });

  it('say nothing below the suppression threshold', () => {
    expect(leadingHeadline(crowd([4, 0, 0], 0), 5)).toBeNull();
    expect(leadingHeadline(crowd([8, 1, 0], 0), 10)).toBeNull();
    expect(gapHeadline(crowd([4, 0, 0], 0, [1, 0, 0], [0, 0, 1]), 5)).toBeNull();
    expect(groupHeadline({ a: { size: 4, counts: [4, 0, 0, 0] } }, crowd([10, 10, 10], 0), 5)).toBeNull();
    expect(splitHeadline({ item: 'terras', size: 4, counts: [2, 1, 1] }, 5)).toBeNull();
    expect(dayHeadline([{ from: 0, to: 1, count: 4 }], 5)).toBeNull();
    // The projector's own minimum holds even when the organiser sets a lower threshold.
    expect(leadingHeadline(crowd([3, 0, 0], 0), 2)).toBeNull();
  });

  it('name the leading type only when it leads by more than noise', () => {
    expect(leadingHeadline(crowd([60, 30, 10], 0), 5)).toEqual({ kind: 'leads', category: 0, share: 0.6 });
    // 12 against 10 of 30: 7 points, but two standard errors are about 31 points at this size.
    expect(leadingHeadline(crowd([12, 10, 8], 0), 5)).toEqual({ kind: 'close', categories: [0, 1] });
    // The same shares in a crowd of 3,000 are a real lead.
    expect(leadingHeadline(crowd([1200, 1000, 800], 0), 5)?.kind).toBe('leads');
    expect(leadingHeadline(crowd([2, 2, 1], 20), 5)).toEqual({ kind: 'leads', category: 'balanced', share: 0.8 });
  });

  it('claim the largest gap between who we are and what our work asks, and none within noise', () => {
    const big = crowd([40, 30, 30], 0, [0.2, 0.3, 0.5], [0.4, 0.3, 0.3]);
    expect(gapHeadline(big, 5)).toEqual({ kind: 'gap', type: 0, diff: expect.closeTo(-0.2, 5) });
    expect(gaps(big).map((g) => g.claimed)).toEqual([true, false, true]);
    // The same 20 points in a crowd of ten is within noise.
    expect(gapHeadline(crowd([4, 3, 3], 0, [0.2, 0.3, 0.5], [0.4, 0.3, 0.3]), 5)).toEqual({ kind: 'fits' });
  });

  it('say which group differs from the rest, only for groups at the threshold and beyond noise', () => {
    const day = crowd([50, 30, 20], 0);
    const groups = {
      gemeente: { size: 40, counts: [10, 20, 10, 0] },
      rijk: { size: 30, counts: [25, 3, 2, 0] },
      waterschap: { size: 3, counts: [3, 0, 0, 0] },
    };
    expect(groupHeadline(groups, day, 5)).toEqual({
      kind: 'group-differs',
      option: 'rijk',
      category: 0,
      share: expect.closeTo(25 / 30, 5),
      rest: expect.closeTo(25 / 70, 5),
    });
    expect(groupHeadline({ gemeente: { size: 10, counts: [5, 3, 2, 0] } }, crowd([10, 6, 4], 0), 5)).toEqual({
      kind: 'groups-alike',
    });
  });

  it('call the most divided situation divided unless one choice is clearly ahead', () => {
    expect(splitHeadline({ item: 'terras', size: 30, counts: [11, 10, 9] }, 5)).toEqual({
      kind: 'divided',
      item: 'terras',
    });
    expect(splitHeadline({ item: 'terras', size: 300, counts: [200, 60, 40] }, 5)).toMatchObject({
      kind: 'leans',
      type: 0,
    });
  });

  it('name the busiest hour only when it beats the next by more than counting noise', () => {
    const spans = (counts: number[]) => counts.map((count, i) => ({ from: i, to: i + 1, count }));
    expect(dayHeadline(spans([10, 40, 12]), 5)).toEqual({ kind: 'busiest', from: 1, to: 2, count: 40 });
    expect(dayHeadline(spans([20, 22, 19]), 5)).toEqual({ kind: 'steady' });
  });
});
