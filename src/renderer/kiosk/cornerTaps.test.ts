import { describe, expect, it } from 'vitest';
import { createCornerTapCounter } from './cornerTaps';

describe('hidden operator exit gesture', () => {
  it('opens on the fifth tap in the corner within three seconds', () => {
    const tap = createCornerTapCounter();
    expect([0, 500, 1000, 1500, 2000].map((t) => tap(10, 20, t))).toEqual([false, false, false, false, true]);
  });
  it('does not open when the taps are spread over more than three seconds', () => {
    const tap = createCornerTapCounter();
    expect([0, 800, 1600, 2400, 3200].map((t) => tap(10, 20, t))).toEqual([false, false, false, false, false]);
  });
  it('a tap elsewhere starts the count again', () => {
    const tap = createCornerTapCounter();
    [0, 100, 200, 300].forEach((t) => tap(5, 5, t));
    expect(tap(500, 500, 400)).toBe(false);
    expect(tap(5, 5, 500)).toBe(false);
  });
});
