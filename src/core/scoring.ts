/**
 * Ipsative scoring of one response: each type's share of the points (docs/adr/0003-scoring-thresholds.md).
 *
 * Instruments 2.x (`first-and-second`): per situation a first choice earns {@link RANK_POINTS}[0] points, a second
 * {@link RANK_POINTS}[1], the rest nothing. Labels, chosen with the simulation harness (src/core/simulation.ts):
 * - leading: the top share leads the second by at least {@link RANKED_LEAD_GAP};
 * - two-sided: otherwise, when the second share stands at least {@link RANKED_SIDE_GAP} above the third;
 * - otherwise a balanced mix: a chameleon when the visitor gave the points to what each situation asks
 *   ({@link situationFit} at least {@link SWITCH_FIT}), an all-rounder when the mix holds whatever the situation.
 * A leading profile's sentence also names its runner-up as a second side when that stands at least
 * {@link NAMED_SIDE_GAP} above the next share ({@link secondSide}).
 *
 * Instruments 1.x (`first-choice`) keep their own rules: shares of single picks, chameleon when the highest and lowest
 * share lie at most {@link CHAMELEON_SPREAD} apart, leading when the top leads by {@link LEAD_GAP}, else two-sided.
 */

/** Points for a first and a second choice in a `first-and-second` instrument. */
export const RANK_POINTS = [2, 1] as const;
/** 2.x: how far the top share must lead the second for a single leading type. */
export const RANKED_LEAD_GAP = 0.225;
/** 2.x: how far the second share must stand above the third for a two-sided profile. */
export const RANKED_SIDE_GAP = 0.2;
/** 2.x: the situation fit (0 = no relation, 1 = always the asked type first) from which a balanced mix switches. */
export const SWITCH_FIT = 0.55;
/**
 * 2.x: how far a leading type's runner-up must stand above the share after it for the result to name it as a clear
 * second side ("vooral Verbinder, met een duidelijke Ruimtemaker-kant"). The distance that makes a profile two-sided;
 * the harness found no closer one that keeps pure types from being told of a side they do not have (docs/adr/0003).
 */
export const NAMED_SIDE_GAP = 0.2;

/** 1.x: how far apart the highest and lowest share may be for the mix to count as a chameleon. */
export const CHAMELEON_SPREAD = 0.2;
/** 1.x: how far the top share must lead the second for a single leading type. */
export const LEAD_GAP = 0.2;
const EPS = 1e-9;

/** The label a profile gets; type ids refer to the instrument's types. */
export type ProfileLabel =
  | { kind: 'leading'; primary: string }
  | { kind: 'two-sided'; primary: string; secondary: string; tied: boolean }
  /** A balanced mix that moves with the situation: the model's chameleon. */
  | { kind: 'chameleon' }
  /** A balanced mix whatever the situation (2.x only; 1.x cannot tell and calls every balanced mix a chameleon). */
  | { kind: 'all-round' };

/** The thresholds of the 2.x labels; the harness tries others, the product uses {@link RANKED_RULES}. */
export interface RankedRules {
  leadGap: number;
  sideGap: number;
  switchFit: number;
}
export const RANKED_RULES: RankedRules = { leadGap: RANKED_LEAD_GAP, sideGap: RANKED_SIDE_GAP, switchFit: SWITCH_FIT };

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

const rankShares = (typeIds: readonly string[], shares: readonly number[]) =>
  typeIds.map((id, i) => ({ id, share: shares[i] ?? 0, i })).sort((a, b) => b.share - a.share || a.i - b.i);

/** 1.x labels from single-pick shares: a clear leader, two sides close at the top, or a chameleon. */
export function labelShares(typeIds: readonly string[], shares: readonly number[]): ProfileLabel {
  const ranked = rankShares(typeIds, shares);
  const first = ranked[0];
  const second = ranked[1];
  if (!first || !second) throw new Error('labelShares needs at least two types');
  const last = ranked[ranked.length - 1]!;
  if (first.share - last.share <= CHAMELEON_SPREAD + EPS) return { kind: 'chameleon' };
  if (first.share - second.share >= LEAD_GAP - EPS) return { kind: 'leading', primary: first.id };
  return {
    kind: 'two-sided',
    primary: first.id,
    secondary: second.id,
    tied: Math.abs(first.share - second.share) < EPS,
  };
}

/** 2.x labels from point shares and the situation fit. */
export function labelRanked(
  typeIds: readonly string[],
  shares: readonly number[],
  fit: number,
  rules: RankedRules = RANKED_RULES,
): ProfileLabel {
  const ranked = rankShares(typeIds, shares);
  const [first, second, third] = ranked;
  if (!first || !second || !third) throw new Error('labelRanked needs at least three types');
  const lead = first.share - second.share;
  const side = second.share - third.share;
  if (lead >= rules.leadGap - EPS) return { kind: 'leading', primary: first.id };
  if (side >= rules.sideGap - EPS) {
    return {
      kind: 'two-sided',
      primary: first.id,
      secondary: second.id,
      tied: Math.abs(first.share - second.share) < EPS,
    };
  }
  return fit >= rules.switchFit - EPS ? { kind: 'chameleon' } : { kind: 'all-round' };
}

/**
 * The second side the result names beside a leading type: the runner-up when its share stands at least `gap` above
 * the next one, else null. Null for every other label: a two-sided label names both sides already, a balanced mix
 * none. The label (and so the aggregate and the exports) stays as it is; only the sentence says more.
 */
export function secondSide(
  label: ProfileLabel,
  typeIds: readonly string[],
  shares: readonly number[],
  gap: number = NAMED_SIDE_GAP,
): string | null {
  if (label.kind !== 'leading') return null;
  const [, second, third] = rankShares(typeIds, shares);
  if (!second) return null;
  return second.share - (third?.share ?? 0) >= gap - EPS ? second.id : null;
}

/** Each type's points from ranked choices (best first), in the order of `typeIds`. Unknown ids are ignored. */
export function rankedPoints(
  typeIds: readonly string[],
  orders: readonly (readonly string[])[],
  points: readonly number[] = RANK_POINTS,
): number[] {
  const totals = typeIds.map(() => 0);
  for (const order of orders) {
    order.forEach((id, rank) => {
      const i = typeIds.indexOf(id);
      if (i >= 0) totals[i] = (totals[i] ?? 0) + (points[rank] ?? 0);
    });
  }
  return totals;
}

/**
 * How much the visitor gave to what each situation asks, beyond chance: 0 when the points to the asked type are what
 * any fixed preference gives on average (the asks are balanced, so that average is the same for every mix), 1 when
 * every situation got the asked type first. Negative when the visitor went against the situations.
 */
export function situationFit(
  typeCount: number,
  answers: readonly { order: readonly string[]; asks: string }[],
  points: readonly number[] = RANK_POINTS,
): number {
  if (answers.length === 0) return 0;
  const best = points[0] ?? 1;
  const chance = points.reduce((a, b) => a + b, 0) / typeCount / best;
  let got = 0;
  for (const { order, asks } of answers) {
    const rank = order.indexOf(asks);
    got += rank >= 0 ? (points[rank] ?? 0) / best : 0;
  }
  return (got / answers.length - chance) / (1 - chance);
}

/** A stable key for a label, used in aggregates and exports. */
export function labelKey(label: ProfileLabel): string {
  switch (label.kind) {
    case 'leading':
      return `leading:${label.primary}`;
    case 'two-sided':
      return `two-sided:${label.primary}+${label.secondary}`;
    case 'chameleon':
    case 'all-round':
      return label.kind;
  }
}

/** The type that leads a label, or null for a balanced mix (chameleon or all-rounder). */
export function leadingType(label: ProfileLabel): string | null {
  return label.kind === 'chameleon' || label.kind === 'all-round' ? null : label.primary;
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
