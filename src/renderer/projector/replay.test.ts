import { describe, expect, it } from 'vitest';
import { replayClock } from './replay';

const H = 3_600_000;
const NINE = Date.UTC(2025, 5, 12, 7);

describe('the replay clock', () => {
  const spans = [
    { from: NINE, to: NINE + H, count: 10 },
    { from: NINE + H, to: NINE + 3 * H, count: 30 },
  ];

  it('runs through the spans at the pace of their arrivals', () => {
    expect(replayClock(spans, 0)).toBe(NINE);
    // A quarter of the figures are the first span's ten: the clock stands at its end.
    expect(replayClock(spans, 0.25)).toBe(NINE + H);
    // Halfway through the second span's thirty.
    expect(replayClock(spans, (10 + 15) / 40)).toBe(NINE + 2 * H);
    expect(replayClock(spans, 1)).toBe(NINE + 3 * H);
  });

  it('never runs backwards and stays within the day', () => {
    let last = -Infinity;
    for (let f = -0.2; f <= 1.2; f += 0.01) {
      const at = replayClock(spans, f)!;
      expect(at).toBeGreaterThanOrEqual(last);
      expect(at).toBeGreaterThanOrEqual(NINE);
      expect(at).toBeLessThanOrEqual(NINE + 3 * H);
      last = at;
    }
  });

  it('has no clock for a day under the threshold (no spans)', () => {
    expect(replayClock([], 0.5)).toBeNull();
  });
});
