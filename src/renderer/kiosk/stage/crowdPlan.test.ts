import { describe, expect, it } from 'vitest';
import { insideConvex } from '../../../core/scoring';
import { planCrowd, seeded, spotFor, STAGE_CAP } from './crowdPlan';

describe('the stage draws the crowd from the totals alone', () => {
  it('nobody yet: no figures', () => {
    expect(planCrowd(null, 5).size).toBe(0);
    expect(planCrowd({ total: 0, leading: [0, 0, 0], balanced: 0 }, 5).size).toBe(0);
  });

  it('below the threshold every figure is neutral, so none tells a type', () => {
    expect([...planCrowd({ total: 4, leading: [0, 0, 4], balanced: 0 }, 5)]).toEqual([['neutral', 4]]);
  });

  it('from the threshold on, one figure per visitor by leading type and balanced mix', () => {
    expect([...planCrowd({ total: 6, leading: [1, 0, 3], balanced: 2 }, 5)]).toEqual([
      [0, 1],
      [2, 3],
      ['balanced', 2],
    ]);
  });

  it('a large crowd is drawn to scale within the cap, the shares kept', () => {
    const plan = planCrowd({ total: 1000, leading: [500, 250, 150], balanced: 100 }, 5);
    expect([...plan.values()].reduce((a, b) => a + b, 0)).toBe(STAGE_CAP);
    expect(plan.get(0)).toBe(36);
    expect(plan.get(1)).toBe(18);
  });

  it('every spot lies inside the polygon, for 3 to 6 types', () => {
    for (let n = 3; n <= 6; n++) {
      const random = seeded(n);
      for (const category of [0, n - 1, 'balanced', 'neutral'] as const) {
        for (let k = 0; k < 200; k++) {
          const [x, y] = spotFor(category, n, random);
          expect(insideConvex(x, y, n)).toBe(true);
        }
      }
    }
  });
});
