import type { ScoringKind } from '../instrument';
import { labelKey, labelRanked, labelShares, profilePosition } from '../scoring';
import { crowdDensity, type CrowdBin } from './crowdDensity';
import { BALANCED } from './profileLabels';

/** One counted participant as the report's crowd plot sees it. */
export interface CrowdInput {
  /** The response id: seeds the dot's shift, never shown. */
  id: string;
  shares: readonly number[];
  /** Leading type id, or BALANCED. */
  lead: string;
  /** The profile's label key (see labelKey): the row of the profile table this participant counts in. */
  profile: string;
  /** The situation fit the label was given with (2.x), or null (1.x). */
  fit: number | null;
}

/** How a dot is marked: by its leading type (index into the instrument's types), or `balanced` for no leading type. */
export type DotMark = number | 'balanced';

export interface CrowdDot {
  /** Position in the unit polygon (first corner at the top, y up), as profilePosition gives it. */
  x: number;
  y: number;
  /** The shifted mix the dot is placed and coloured by. */
  shares: number[];
  mark: DotMark;
}

/**
 * What the crowd plot draws. Only participants whose profile count the tables show are in it (`drawn` of them, a
 * sum of shown counts); `none` when that is nobody. Up to {@link DENSITY_FROM} of them as a dot each, past that as
 * density in cells of at least the threshold (crowdDensity.ts).
 */
export type CrowdPicture =
  | { kind: 'none'; drawn: 0 }
  | { kind: 'dots'; drawn: number; dots: CrowdDot[] }
  | { kind: 'density'; drawn: number; bins: CrowdBin[]; cell: number; levels: number[] };

/** From this many drawn participants on, the plot shows density instead of a dot each. */
export const DENSITY_FROM = 3000;

/** How far (in share, per type) a dot is shifted at most: about two answer points of twelve situations. */
export const DOT_SHIFT = 0.06;
/** Shifts tried per dot before it stays where its mix puts it. */
const SHIFT_TRIES = 6;

/** FNV-1a: a stable number from the response id, which the export never shows. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, so the same visitor is shifted the same way in every export. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The member's mix shifted a little, the same way in every export, but never out of the region of its own profile:
 * a shifted dot still counts where the profile table counts it, so counting dots per region gives the shown counts
 * and nothing else.
 */
function shifted(m: CrowdInput, key: number, typeIds: readonly string[], scoring: ScoringKind): number[] {
  const next = random(key);
  const region = (shares: readonly number[]): string => {
    const label =
      scoring === 'first-and-second' ? labelRanked(typeIds, shares, m.fit ?? 0) : labelShares(typeIds, shares);
    return label.kind === 'chameleon' || label.kind === 'all-round' ? BALANCED : labelKey(label);
  };
  const own = region(m.shares);
  for (let i = 0; i < SHIFT_TRIES; i++) {
    const moved = m.shares.map((s) => Math.max(0, s + (next() * 2 - 1) * DOT_SHIFT));
    const sum = moved.reduce((a, b) => a + b, 0) || 1;
    const shares = moved.map((s) => s / sum);
    if (region(shares) === own) return shares;
  }
  return [...m.shares];
}

/**
 * The report's crowd plot (docs/adr/0004-small-cell-suppression.md, "Figures in the day report"). By construction it
 * tells nothing the tables hide: it is made from the members of the profiles the tables show and nobody else, so any
 * count a reader takes from it (per region, per shape, per colour) counts shown profiles only. Below the threshold,
 * or when every profile is hidden, it draws nobody.
 */
export function crowdPicture(
  members: readonly CrowdInput[],
  typeIds: readonly string[],
  scoring: ScoringKind,
  shownProfiles: ReadonlySet<string>,
  threshold: number,
): CrowdPicture {
  if (members.length < threshold) return { kind: 'none', drawn: 0 };
  const drawn = members.filter((m) => shownProfiles.has(m.profile));
  if (drawn.length === 0) return { kind: 'none', drawn: 0 };
  if (drawn.length >= DENSITY_FROM) return { kind: 'density', drawn: drawn.length, ...crowdDensity(drawn, threshold) };
  const dots = drawn
    .map((m) => ({ m, key: hash(m.id) }))
    // An order that follows no arrival time.
    .sort((a, b) => a.key - b.key)
    .map(({ m, key }) => {
      const shares = shifted(m, key, typeIds, scoring);
      const [x, y] = profilePosition(shares);
      const mark: DotMark = m.lead === BALANCED ? 'balanced' : Math.max(0, typeIds.indexOf(m.lead));
      return { x, y, shares, mark };
    });
  return { kind: 'dots', drawn: drawn.length, dots };
}
