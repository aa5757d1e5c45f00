import { profilePosition } from '../scoring';
import { BALANCED } from './profileLabels';

/** One counted participant as the report's crowd plot sees it: an id to seed the shift, the mix, the leading type. */
export interface CrowdInput {
  id: string;
  shares: readonly number[];
  /** Leading type id, or BALANCED. */
  lead: string;
}

/**
 * How a dot is marked: by its leading type (index into the instrument's types), `balanced` for no leading type, or
 * `other` for every dot whose leading type's count the tables hide (the sum of those groups follows from the shown
 * totals anyway, so one shared mark tells nothing new).
 */
export type DotMark = number | 'balanced' | 'other';

export interface CrowdDot {
  /** Position in the unit polygon (first corner at the top, y up), as profilePosition gives it. */
  x: number;
  y: number;
  /** The shifted mix the dot is placed and coloured by. */
  shares: number[];
  mark: DotMark;
}

/** How far (in share, per type) a dot is shifted at most: about two answer points of twelve situations. */
export const DOT_SHIFT = 0.06;

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
 * The dots of the report's crowd plot: one per counted participant, or none at all below the threshold
 * (docs/adr/0004-small-cell-suppression.md). Each mix is shifted a little, the same way in every export, so no dot
 * gives away a visitor's exact answers and counting dots near a label's border gives no exact count of a profile the
 * tables hide; the dots are drawn in an order that follows no arrival time.
 */
export function crowdDots(
  members: readonly CrowdInput[],
  typeIds: readonly string[],
  shownLeads: ReadonlySet<string>,
  threshold: number,
): CrowdDot[] {
  if (members.length < threshold) return [];
  return members
    .map((m) => ({ m, key: hash(m.id) }))
    .sort((a, b) => a.key - b.key)
    .map(({ m, key }) => {
      const next = random(key);
      const moved = m.shares.map((s) => Math.max(0, s + (next() * 2 - 1) * DOT_SHIFT));
      const sum = moved.reduce((a, b) => a + b, 0) || 1;
      const shares = moved.map((s) => s / sum);
      const [x, y] = profilePosition(shares);
      const mark: DotMark = !shownLeads.has(m.lead)
        ? 'other'
        : m.lead === BALANCED
          ? 'balanced'
          : Math.max(0, typeIds.indexOf(m.lead));
      return { x, y, shares, mark };
    });
}
