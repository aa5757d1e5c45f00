import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addFigure,
  createCrowdSim,
  FIGURE_HEIGHT,
  FIGURE_WIDTH,
  figureHeightFor,
  insidePolygon,
  lowerBoundary,
  positionAt,
  takeDirty,
  WALK_SECONDS,
} from './crowdSim';

const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];
const sharesArb = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }).map((c) => {
    const total = c.reduce((a, b) => a + b, 0) || 1;
    return total === 0 ? c.map(() => 1 / n) : c.map((x) => x / total);
  });

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('crowd simulation', () => {
  it('every figure settles inside the polygon and no two figures overlap, for 3 to 6 types', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 6 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(sharesArb(n), { minLength: 1, maxLength: 300 }))),
        ([n, crowd]) => {
          const sim = createCrowdSim(400);
          crowd.forEach((shares) => addFigure(sim, shares, COLORS, 0, seeded(7)));
          const later = 100;
          const points = Array.from({ length: sim.count }, (_, i) => positionAt(sim, i, later));
          for (const [x, y] of points) expect(insidePolygon(x, y, n, sim.radius)).toBe(true);
          for (let i = 0; i < points.length; i++) {
            for (let j = i + 1; j < points.length; j++) {
              const d = Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
              expect(d).toBeGreaterThan(sim.spacing * 0.99);
              // Silhouettes do not overlap either: side by side, or one row behind the other with room for a head.
              const dx = Math.abs(points[i]![0] - points[j]![0]);
              const dy = Math.abs(points[i]![1] - points[j]![1]);
              expect(dx >= FIGURE_WIDTH * sim.spacing || dy >= FIGURE_HEIGHT * sim.spacing).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a new figure walks in from the lower edge and settles at its place after the walk', () => {
    const sim = createCrowdSim(10);
    const i = addFigure(sim, [1, 0, 0], COLORS, 5, seeded(1));
    const [startX, startY] = positionAt(sim, i, 5);
    expect(startY).toBeCloseTo(lowerBoundary(startX, 3, sim.radius));
    expect(startY).toBeCloseTo(-sim.radius / 2);
    const settled = positionAt(sim, i, 5 + WALK_SECONDS);
    expect(positionAt(sim, i, 5 + WALK_SECONDS + 10)).toEqual(settled);
    // A pure bureaucrat stands near the top corner.
    expect(settled[1]).toBeGreaterThan(sim.radius * 0.8);
  });

  it('every walk stays inside the polygon, so no figure crosses the labels around it, for 3 to 6 types', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 6 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(sharesArb(n), { maxLength: 80 }))),
        fc.integer({ min: 1, max: 1000 }),
        ([n, crowd], seed) => {
          const sim = createCrowdSim(200);
          const random = seeded(seed);
          crowd.forEach((shares, k) => addFigure(sim, shares, COLORS, k * 0.3, random));
          const at: [number, number] = [0, 0];
          for (let i = 0; i < sim.count; i++)
            for (let step = 0; step <= 8; step++) {
              positionAt(sim, i, sim.start[i]! + (step / 8) * WALK_SECONDS, at);
              expect(insidePolygon(at[0], at[1], n, sim.radius, -1e-6)).toBe(true);
            }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sizes figures to the crowd: large for 50, smaller for 5,000, never below a readable floor', () => {
    const r = 10;
    expect(figureHeightFor(50, r)).toBeCloseTo(r * 0.16);
    expect(figureHeightFor(5, r)).toBe(figureHeightFor(50, r));
    expect(figureHeightFor(5000, r)).toBeLessThan(figureHeightFor(50, r) / 2.5);
    expect(figureHeightFor(5000, r)).toBeGreaterThan(r * 0.03);
    expect(figureHeightFor(1_000_000, r)).toBe(r * 0.03);
    for (let c = 1; c < 20_000; c = Math.ceil(c * 1.3))
      expect(figureHeightFor(c + 1, r)).toBeLessThanOrEqual(figureHeightFor(c, r));
    // On a 1080p projector (about 29 px per unit): 46 px for 50 people, still 15 px in a crowd of 5,000.
    expect(figureHeightFor(50, r) * 29).toBeGreaterThan(45);
    expect(figureHeightFor(5000, r) * 29).toBeGreaterThan(15);
  });

  it('hybrids stand between their corners and chameleons in the middle', () => {
    const sim = createCrowdSim(10);
    const hybrid = addFigure(sim, [0.5, 0.5, 0], COLORS, 0, seeded(2));
    const chameleon = addFigure(sim, [1 / 3, 1 / 3, 1 / 3], COLORS, 0, seeded(3));
    const [hx, hy] = positionAt(sim, hybrid, 99);
    const [cx, cy] = positionAt(sim, chameleon, 99);
    expect(Math.hypot(cx, cy)).toBeLessThan(sim.spacing * 1.5);
    expect(hx).toBeLessThan(0);
    expect(hy).toBeGreaterThan(0);
  });

  it('colours a figure by its mix and stops at capacity', () => {
    const sim = createCrowdSim(2);
    addFigure(sim, [1, 0, 0], COLORS, 0);
    expect(Array.from(sim.color.slice(0, 3)).map((c) => Math.round(c * 255))).toEqual([0, 0x72, 0xb2]);
    addFigure(sim, [0, 1, 0], COLORS, 0);
    expect(addFigure(sim, [0, 0, 1], COLORS, 0)).toBe(-1);
    expect(sim.count).toBe(2);
  });

  it('places 10,000 figures, all inside and apart', () => {
    const sim = createCrowdSim(10_000);
    const random = seeded(11);
    for (let k = 0; k < 10_000; k++) {
      const c = [random(), random() * 0.5, random() * 0.8];
      const t = c[0]! + c[1]! + c[2]!;
      addFigure(
        sim,
        c.map((x) => x / t),
        COLORS,
        0,
        random,
      );
    }
    expect(sim.count).toBe(10_000);
    expect(new Set(Array.from({ length: sim.count }, (_, i) => `${sim.to[i * 2]},${sim.to[i * 2 + 1]}`)).size).toBe(
      10_000,
    );
  });

  it('names every figure an arrival changed, so only those go to the GPU', () => {
    fc.assert(
      fc.property(fc.array(sharesArb(3), { minLength: 1, maxLength: 400 }), (crowd) => {
        const sim = createCrowdSim(500);
        let single = 0;
        crowd.forEach((shares, k) => {
          const before = [sim.from, sim.to, sim.start, sim.phase, sim.color].map((a) => a.slice());
          takeDirty(sim);
          addFigure(sim, shares, COLORS, k * 0.1, seeded(k + 1));
          const { from, to } = takeDirty(sim);
          const after = [sim.from, sim.to, sim.start, sim.phase, sim.color];
          after.forEach((array, a) => {
            const size = array.length / sim.capacity;
            for (let j = 0; j < array.length; j++)
              if (array[j] !== before[a]![j]) {
                const figure = Math.floor(j / size);
                expect(figure).toBeGreaterThanOrEqual(from);
                expect(figure).toBeLessThan(to);
              }
          });
          if (to - from === 1) single += 1;
        });
        // Most arrivals touch one figure; re-layouts are the exception.
        expect(single).toBeGreaterThan(crowd.length / 2);
        expect(takeDirty(sim)).toEqual({ from: 0, to: 0 });
      }),
      { numRuns: 40 },
    );
  });
});
