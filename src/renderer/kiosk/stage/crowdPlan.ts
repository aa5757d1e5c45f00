import { insideConvex, polygonCorner } from '../../../core/scoring';

/** What a figure on the stage stands for: a leading type (its index), a balanced mix, or nobody in particular. */
export type Category = number | 'balanced' | 'neutral';

/** The aggregate as the stage needs it: totals only, never a visitor. */
export interface CrowdTotals {
  total: number;
  leading: readonly number[];
  balanced: number;
}

/** At most this many figures stand on the stage; a bigger crowd is drawn to scale. */
export const STAGE_CAP = 72;

/**
 * How many figures of each kind to draw for today's totals: at most `cap`, shared out over the leading types and the
 * balanced mixes by the largest remainder. Below the suppression threshold every figure is neutral, so a figure that
 * walks in cannot tell which type the visitor who just finished has.
 */
export function planCrowd(totals: CrowdTotals | null, suppressBelow: number, cap = STAGE_CAP): Map<Category, number> {
  const plan = new Map<Category, number>();
  const total = totals?.total ?? 0;
  if (!totals || total === 0) return plan;
  const shown = Math.min(total, cap);
  if (total < suppressBelow) return plan.set('neutral', shown);
  const counts: [Category, number][] = [
    ...totals.leading.map((c, i): [Category, number] => [i, c]),
    ['balanced', totals.balanced],
  ];
  const exact = counts.map(([, c]) => (c / total) * shown);
  const whole = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - whole[i]!, i] as const).sort((a, b) => b[0] - a[0]);
  let left = shown - whole.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    whole[i]! += 1;
  }
  counts.forEach(([category], i) => whole[i]! > 0 && plan.set(category, whole[i]!));
  return plan;
}

/** A small deterministic random source, so a redraw puts every figure back where it stood. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A spot in type space (the polygon of radius 1) for a figure of `category`: a leading type stands between the
 * middle and its corner, a balanced mix near the middle, a neutral figure anywhere inside.
 */
export function spotFor(category: Category, n: number, random: () => number): [number, number] {
  for (let tries = 0; tries < 20; tries++) {
    let x: number;
    let y: number;
    if (typeof category === 'number') {
      const [cx, cy] = polygonCorner(category, n);
      const along = 0.3 + random() * 0.45;
      const side = (random() - 0.5) * 0.5;
      x = cx * along - cy * side;
      y = cy * along + cx * side;
    } else {
      const radius = (category === 'balanced' ? 0.22 : 0.6) * Math.sqrt(random());
      const angle = random() * 2 * Math.PI;
      x = Math.cos(angle) * radius;
      y = Math.sin(angle) * radius;
    }
    if (insideConvex(x / 0.9, y / 0.9, n)) return [x, y];
  }
  return [0, 0];
}
