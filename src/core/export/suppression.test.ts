import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBridge, suppressSmallCells, withMargins } from './suppression';

/** Rank of a matrix over the reals (Gaussian elimination), for the recoverability check. */
function rank(m: number[][]): number {
  const a = m.map((row) => [...row]);
  let r = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && r < a.length; c++) {
    let pivot = r;
    while (pivot < a.length && Math.abs(a[pivot]![c]!) < 1e-9) pivot++;
    if (pivot === a.length) continue;
    [a[r], a[pivot]] = [a[pivot]!, a[r]!];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const f = a[i]![c]! / a[r]![c]!;
      for (let j = c; j < cols; j++) a[i]![j]! -= f * a[r]![j]!;
    }
    r++;
  }
  return r;
}

/**
 * Is hidden cell k uniquely determined by the shown cells and the row/column sum equations? It is iff adding the
 * unit vector e_k to the equation rows does not raise the rank.
 */
function recoverable(hidden: boolean[][]): boolean {
  const unknowns: [number, number][] = [];
  hidden.forEach((row, r) => row.forEach((h, c) => h && unknowns.push([r, c])));
  const rows = hidden.length;
  const cols = hidden[0]!.length;
  const equations: number[][] = [];
  for (let r = 0; r < rows; r++)
    equations.push(unknowns.map(([ur, uc]) => (ur === r ? (uc === cols - 1 ? -1 : 1) : 0)));
  for (let c = 0; c < cols; c++)
    equations.push(unknowns.map(([ur, uc]) => (uc === c ? (ur === rows - 1 ? -1 : 1) : 0)));
  const base = rank(equations);
  return unknowns.some((_, k) => rank([...equations, unknowns.map((__, j) => (j === k ? 1 : 0))]) === base);
}

const tableArb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([r, c]) =>
  fc.array(
    fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
      minLength: c,
      maxLength: c,
    }),
    { minLength: r, maxLength: r },
  ),
);

describe('small-cell suppression', () => {
  it('shows no count below the threshold and leaves no hidden cell recoverable from the totals', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 2, max: 10 }), (cells, threshold) => {
        const { values, hidden } = suppressSmallCells(cells, threshold);
        values.forEach((row, r) => row.forEach((v, c) => hidden[r]![c] || expect(v).toBeGreaterThanOrEqual(threshold)));
        expect(findBridge(hidden)).toBeNull();
        expect(recoverable(hidden)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('an empty table ends with its total hidden instead of looping', () => {
    expect(suppressSmallCells([], 5)).toEqual({ values: [[0]], hidden: [[true]] });
    expect(suppressSmallCells([[], []], 5).hidden.flat().every(Boolean)).toBe(true);
  });

  it('hides nothing when every count is large enough', () => {
    const { hidden } = suppressSmallCells(
      [
        [10, 20],
        [30, 40],
      ],
      5,
    );
    expect(hidden.flat().every((h) => !h)).toBe(true);
  });

  it('closes a single small cell with the cheapest rectangle of interior cells', () => {
    const { hidden } = suppressSmallCells(
      [
        [3, 20, 30],
        [12, 40, 50],
      ],
      5,
    );
    expect(hidden).toEqual([
      [true, true, false, false],
      [true, true, false, false],
      [false, false, false, false],
    ]);
  });

  it('the margins are the row, column and grand totals', () => {
    expect(
      withMargins([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2, 3],
      [3, 4, 7],
      [4, 6, 10],
    ]);
  });
});
