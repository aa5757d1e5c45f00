import { describe, expect, it } from 'vitest';
import { placeLabels } from './labels';

const colors = ['#0072B2', '#E69F00', '#009E73'];

describe('named marks on the shared screen', () => {
  it('keeps the labels of two alike mixes apart, each by its own point', () => {
    const placed = placeLabels(
      [
        { nickname: 'Anna', shares: [0.5, 0.3, 0.2] },
        { nickname: 'Bram', shares: [0.5, 0.3, 0.2] },
      ],
      colors,
    );
    expect(placed.map((p) => p.nickname).sort()).toEqual(['Anna', 'Bram']);
    expect(Math.abs(placed[0]!.labelY - placed[1]!.labelY)).toBeGreaterThanOrEqual(15);
    expect(placed[0]!.x).toBe(placed[1]!.x);
  });

  it('puts a label left of its point near the right edge, so it stays on the drawing', () => {
    const [right] = placeLabels([{ nickname: 'Verbindingsofficier', shares: [0, 0, 1] }], colors);
    expect(right!.labelX).toBeLessThan(right!.x);
  });
});
