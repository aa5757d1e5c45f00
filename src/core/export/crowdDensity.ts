import { profilePosition } from '../scoring';

/**
 * One hexagonal cell of the dense crowd plot: its centre in the unit polygon, the mean mix of the participants in it
 * (its colour) and its shade. The count itself is not kept: a cell says only in which band of {@link CrowdDensity}'s
 * `levels` it lies, so the file holds no exact count of any cell.
 */
export interface CrowdBin {
  x: number;
  y: number;
  shares: number[];
  /** Index into `levels`: the cell holds at least levels[level] participants (and fewer than the next level). */
  level: number;
}

export interface CrowdDensity {
  bins: CrowdBin[];
  /** Hexagon size (centre to corner) in the unit polygon. */
  cell: number;
  /** Lower bounds of the shades, the first one the threshold: a cell with fewer participants is not drawn. */
  levels: number[];
}

/** Hexagon size in the unit polygon: about 200 cells over a triangle, each wider than the step between two mixes. */
export const DENSITY_CELL = 0.065;
const SHADES = 5;

/**
 * Density of the crowd in hexagonal cells: each participant counts in the cell around their mix; a cell with fewer
 * participants than the threshold is not drawn; the others get one of five shades, from the threshold up to the
 * fullest cell in equal steps of the logarithm (rounded), and the colour of their mean mix.
 */
export function crowdDensity(
  members: readonly { shares: readonly number[] }[],
  threshold: number,
  cell = DENSITY_CELL,
): CrowdDensity {
  const cells = new Map<string, { q: number; r: number; count: number; sums: number[] }>();
  for (const m of members) {
    const [x, y] = profilePosition(m.shares);
    const [q, r] = hexAt(x, y, cell);
    const key = `${q},${r}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { q, r, count: 0, sums: m.shares.map(() => 0) }));
    c.count += 1;
    m.shares.forEach((s, i) => (c.sums[i]! += s));
  }
  const kept = [...cells.values()].filter((c) => c.count >= threshold);
  const max = Math.max(threshold, ...kept.map((c) => c.count));
  const levels = [
    ...new Set(Array.from({ length: SHADES }, (_, i) => Math.round(threshold * (max / threshold) ** (i / SHADES)))),
  ];
  const bins = kept
    .sort((a, b) => a.r - b.r || a.q - b.q)
    .map((c) => {
      const [x, y] = hexCentre(c.q, c.r, cell);
      let level = 0;
      while (level + 1 < levels.length && c.count >= levels[level + 1]!) level++;
      return { x, y, shares: c.sums.map((s) => s / c.count), level };
    });
  return { bins, cell, levels };
}

/** The hexagon (axial coordinates, pointy top) that holds (x, y). */
export function hexAt(x: number, y: number, size: number): [number, number] {
  const fq = ((Math.sqrt(3) / 3) * x - y / 3) / size;
  const fr = ((2 / 3) * y) / size;
  // Round in cube coordinates: the one of the three that moved most is recomputed from the other two.
  const fs = -fq - fr;
  let q = Math.round(fq);
  let r = Math.round(fr);
  const s = Math.round(fs);
  const dq = Math.abs(q - fq);
  const dr = Math.abs(r - fr);
  const ds = Math.abs(s - fs);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return [q, r];
}

/** The centre of hexagon (q, r). */
export function hexCentre(q: number, r: number, size: number): [number, number] {
  return [size * Math.sqrt(3) * (q + r / 2), size * 1.5 * r];
}
