/**
 * Ipsative scoring of one response: each type's share of the picks.
 *
 * Thresholds (see docs/adr/0003-scoring-thresholds.md):
 * - chameleon: the highest and lowest share lie at most {@link CHAMELEON_SPREAD} apart;
 *   with 12 items and 3 types that is 4-4-4 and 5-4-3 (5-5-2 is a hybrid: one side is clearly small).
 * - leading type: the top share is at least {@link LEAD_GAP} ahead of the second (3 answers of 12).
 * - hybrid otherwise: two types close together at the top ("Verbinder met een flinke Ondernemer-kant").
 */

/** How far apart the highest and lowest share may be for the mix to count as a chameleon. */
export const CHAMELEON_SPREAD = 0.2;
/** How far the top share must lead the second for a single leading type. */
export const LEAD_GAP = 0.2;
const EPS = 1e-9;

/** The label a profile gets; type ids refer to the instrument's types. */
export type ProfileLabel =
  | { kind: 'leading'; primary: string }
  | { kind: 'hybrid'; primary: string; secondary: string; tied: boolean }
  | { kind: 'chameleon' };

/** Counts each type's picks, in the order of `typeIds`. Unknown ids are ignored. */
export function countPicks(typeIds: readonly string[], picks: readonly string[]): number[] {
  const counts = typeIds.map(() => 0);
  for (const pick of picks) {
    const i = typeIds.indexOf(pick);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Shares (0..1, summing to 1) from counts; an empty response is an equal split. */
export function sharesFromCounts(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 1 / counts.length);
  return counts.map((c) => c / total);
}

/**
 * Whole percentages that sum to exactly 100 (largest remainder); ties in the remainder go to the earlier type,
 * which only decides where a single rounding point lands.
 */
export function roundedPercentages(shares: readonly number[]): number[] {
  const raw = shares.map((s) => Math.max(0, s) * 100);
  const sum = raw.reduce((a, b) => a + b, 0);
  const scaled = sum > 0 ? raw.map((r) => (r * 100) / sum) : raw.map(() => 100 / raw.length);
  const floors = scaled.map((r) => Math.floor(r + EPS));
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((r, i) => ({ i, rest: r - (floors[i] ?? 0) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/** Labels a mix: a clear leader, a hybrid of the top two, or a chameleon. */
export function labelShares(typeIds: readonly string[], shares: readonly number[]): ProfileLabel {
  const ranked = typeIds
    .map((id, i) => ({ id, share: shares[i] ?? 0, i }))
    .sort((a, b) => b.share - a.share || a.i - b.i);
  const first = ranked[0];
  const second = ranked[1];
  if (!first || !second) throw new Error('labelShares needs at least two types');
  const last = ranked[ranked.length - 1]!;
  if (first.share - last.share <= CHAMELEON_SPREAD + EPS) return { kind: 'chameleon' };
  if (first.share - second.share >= LEAD_GAP - EPS) return { kind: 'leading', primary: first.id };
  return { kind: 'hybrid', primary: first.id, secondary: second.id, tied: Math.abs(first.share - second.share) < EPS };
}

/** A stable key for a label, used in aggregates and exports. */
export function labelKey(label: ProfileLabel): string {
  switch (label.kind) {
    case 'leading':
      return `leading:${label.primary}`;
    case 'hybrid':
      return `hybrid:${label.primary}+${label.secondary}`;
    case 'chameleon':
      return 'chameleon';
  }
}

/** The type that leads a label, or null for a chameleon. */
export function leadingType(label: ProfileLabel): string | null {
  return label.kind === 'chameleon' ? null : label.primary;
}

/** Corner `i` of a regular polygon with `n` corners on the unit circle, the first at the top. */
export function polygonCorner(i: number, n: number): [number, number] {
  const angle = Math.PI / 2 + (i * 2 * Math.PI) / n;
  return [Math.cos(angle), Math.sin(angle)];
}

/** The profile's point in type space: the share-weighted average of the corners (ternary plot for 3 types). */
export function profilePosition(shares: readonly number[]): [number, number] {
  const n = shares.length;
  let x = 0;
  let y = 0;
  shares.forEach((s, i) => {
    const [cx, cy] = polygonCorner(i, n);
    x += s * cx;
    y += s * cy;
  });
  return [x, y];
}

/** Mixes `#rrggbb` colours by weight: the model's colour-channel image made literal. */
export function mixColors(colors: readonly string[], weights: readonly number[]): string {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const rgb = [0, 1, 2].map((channel) =>
    colors.reduce(
      (acc, hex, i) => acc + parseInt(hex.slice(1 + channel * 2, 3 + channel * 2), 16) * ((weights[i] ?? 0) / total),
      0,
    ),
  );
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** What the visitor's situation asks compared with their own mix. */
export type CasusGap =
  | { kind: 'match'; type: string }
  | { kind: 'stretch'; type: string; share: number }
  | { kind: 'gap'; type: string; share: number };

/**
 * Compares the casus answer with the mix: `match` when the situation asks the visitor's leading side, `gap` when it
 * asks a side below an equal split, `stretch` in between.
 */
export function casusGap(typeIds: readonly string[], shares: readonly number[], casusType: string): CasusGap {
  const i = typeIds.indexOf(casusType);
  const share = shares[i] ?? 0;
  const top = Math.max(...shares);
  if (share >= top - EPS) return { kind: 'match', type: casusType };
  if (share < 1 / typeIds.length - EPS) return { kind: 'gap', type: casusType, share };
  return { kind: 'stretch', type: casusType, share };
}

/** Is (x, y) inside the unit regular polygon with `n` corners (edges included)? */
export function insideConvex(x: number, y: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const [ax, ay] = polygonCorner(i, n);
    const [bx, by] = polygonCorner((i + 1) % n, n);
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < -EPS) return false;
  }
  return true;
}
