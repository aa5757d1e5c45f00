/**
 * What a reader can work out about the hidden counts of an export from the counts it shows.
 *
 * The counts are named quantities linked by relations `total = sum(parts)`: a table's rows and columns, but also a
 * total that several tables repeat (the participants, the count per leading type, a round's size). A reader knows
 * every relation and that no count is negative. From that, a hidden count can be pinned (a relation with one
 * unknown, or a combination of relations: Gaussian elimination) or bounded (interval propagation through each
 * relation). Both are iterated, since a pinned count tightens the bounds and a bound can pin a count.
 */

export interface Relation {
  total: string;
  parts: readonly string[];
}

export interface Bounds {
  low: number;
  high: number;
}

const EPS = 1e-9;

/** The tightest bounds the reader reaches for every quantity; shown ones are their own value. */
export function boundsFromShown(
  values: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  relations: readonly Relation[],
): Map<string, Bounds> {
  const keys = [...values.keys()];
  const index = new Map(keys.map((k, i) => [k, i]));
  const low = keys.map((k) => (hidden.has(k) ? 0 : values.get(k)!));
  const high = keys.map((k) => (hidden.has(k) ? Infinity : values.get(k)!));
  const links = relations.map((r) => ({ total: index.get(r.total)!, parts: r.parts.map((p) => index.get(p)!) }));

  for (let round = 0; round < keys.length + 1; round++) {
    propagate(links, low, high);
    const pinned = eliminate(links, low, high);
    if (pinned.size === 0) break;
    for (const [i, v] of pinned) {
      low[i] = v;
      high[i] = v;
    }
  }
  return new Map(keys.map((k, i) => [k, { low: low[i]!, high: high[i]! }]));
}

/** Hidden quantities the reader pins exactly, or knows to be below the threshold. */
export function findLeaks(
  values: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  relations: readonly Relation[],
  threshold: number,
): string[] {
  const bounds = boundsFromShown(values, hidden, relations);
  return [...hidden].filter((k) => {
    const b = bounds.get(k)!;
    return b.low === b.high || b.high < threshold;
  });
}

type Link = { total: number; parts: number[] };

function propagate(links: Link[], low: number[], high: number[]): void {
  for (let pass = 0; pass < 10_000; pass++) {
    let moved = false;
    const tighten = (i: number, lo: number, hi: number): void => {
      if (lo > low[i]!) {
        low[i] = lo;
        moved = true;
      }
      if (hi < high[i]!) {
        high[i] = hi;
        moved = true;
      }
    };
    for (const { total, parts } of links) {
      let sumLow = 0;
      let sumHigh = 0;
      for (const p of parts) {
        sumLow += low[p]!;
        sumHigh += high[p]!;
      }
      tighten(total, sumLow, sumHigh);
      for (const p of parts) {
        const othersHigh =
          sumHigh === Infinity && high[p] === Infinity ? otherHigh(parts, p, high) : sumHigh - high[p]!;
        tighten(p, low[total]! - othersHigh, high[total]! - (sumLow - low[p]!));
      }
    }
    if (!moved) return;
  }
}

/** The sum of the other parts' upper bounds, when this part's own bound is infinite (Infinity - Infinity). */
function otherHigh(parts: number[], skip: number, high: number[]): number {
  let sum = 0;
  for (const q of parts) if (q !== skip) sum += high[q]!;
  return sum;
}

/** Unknowns that a linear combination of the relations pins, with their value. */
function eliminate(links: Link[], low: number[], high: number[]): Map<number, number> {
  const isKnown = (i: number): boolean => low[i] === high[i];
  const unknowns = [...new Set(links.flatMap((l) => [l.total, ...l.parts]))].filter((i) => !isKnown(i));
  if (unknowns.length === 0) return new Map();
  const column = new Map(unknowns.map((u, c) => [u, c]));
  const width = unknowns.length;
  const rows: number[][] = [];
  for (const { total, parts } of links) {
    const row = new Array<number>(width + 1).fill(0);
    const add = (i: number, sign: number): void => {
      const c = column.get(i);
      if (c === undefined) row[width]! -= sign * low[i]!;
      else row[c]! += sign;
    };
    add(total, -1);
    for (const p of parts) add(p, 1);
    if (row.some((v, c) => c < width && v !== 0)) rows.push(row);
  }
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    let p = r;
    while (p < rows.length && Math.abs(rows[p]![c]!) < EPS) p++;
    if (p === rows.length) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]!;
    const f = pivot[c]!;
    for (let j = c; j <= width; j++) pivot[j]! /= f;
    // The relations are sparse: only the pivot row's nonzero entries change the other rows.
    const nonzero: number[] = [];
    for (let j = c; j <= width; j++) if (Math.abs(pivot[j]!) > EPS * EPS) nonzero.push(j);
    for (let i = 0; i < rows.length; i++) {
      const g = rows[i]![c]!;
      if (i === r || Math.abs(g) < EPS) continue;
      const row = rows[i]!;
      for (const j of nonzero) row[j]! -= g * pivot[j]!;
    }
    r++;
  }
  const pinned = new Map<number, number>();
  for (const row of rows.slice(0, r)) {
    let only = -1;
    let count = 0;
    for (let c = 0; c < width && count < 2; c++) {
      if (Math.abs(row[c]!) > EPS) {
        only = c;
        count++;
      }
    }
    if (count === 1) pinned.set(unknowns[only]!, Math.round(row[width]! / row[only]!));
  }
  return pinned;
}
