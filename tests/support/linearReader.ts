/**
 * A reader of published counts who wants the hidden ones back, shared by the export's attacker and the projector's.
 * It knows named numbers (some shown), relations "total = sum of parts" between them, and perhaps bounds the page
 * states in words; counts are never negative. From those it derives what it can: a relation with one unknown gives
 * it away, linear combinations of relations (Gaussian elimination) give more, and bounds narrow the rest, repeated
 * until nothing more is learned.
 */
export interface Relation {
  total: string;
  parts: string[];
}

/** What one release shows: its named numbers (shown or not), the relations between them, and stated bounds. */
export interface Reading {
  names: Set<string>;
  shown: Map<string, number>;
  relations: Relation[];
  /** Bounds the release states without a number ("fewer than 5"); absent names are only known to be at least 0. */
  bounds?: Map<string, { low: number; high: number }>;
}

/** Every bound the relations allow, after elimination and bound propagation have learned all they can. */
export function solve({ names, shown, relations, bounds }: Reading): {
  low: Map<string, number>;
  high: Map<string, number>;
} {
  const known = new Map(shown);
  const low = new Map<string, number>();
  const high = new Map<string, number>();
  for (const n of names) {
    low.set(n, known.get(n) ?? bounds?.get(n)?.low ?? 0);
    high.set(n, known.get(n) ?? bounds?.get(n)?.high ?? Infinity);
  }
  for (let round = 0; round < 100; round++) {
    propagateBounds(relations, low, high);
    let learned = false;
    for (const n of names) {
      if (!known.has(n) && low.get(n) === high.get(n)) {
        known.set(n, low.get(n)!);
        learned = true;
      }
    }
    for (const [n, v] of eliminate(relations, known)) {
      known.set(n, v);
      low.set(n, v);
      high.set(n, v);
      learned = true;
    }
    if (!learned) break;
  }
  return { low, high };
}

/** Interval bounds through every relation total = sum(parts), counts never negative, until nothing moves. */
function propagateBounds(relations: Relation[], low: Map<string, number>, high: Map<string, number>): void {
  for (let pass = 0; pass < 1000; pass++) {
    let moved = false;
    const raise = (n: string, v: number): void => {
      if (v > low.get(n)!) {
        low.set(n, v);
        moved = true;
      }
    };
    const lower = (n: string, v: number): void => {
      if (v < high.get(n)!) {
        high.set(n, v);
        moved = true;
      }
    };
    for (const { total, parts } of relations) {
      const sumLow = parts.reduce((s, p) => s + low.get(p)!, 0);
      const sumHigh = parts.reduce((s, p) => s + high.get(p)!, 0);
      raise(total, sumLow);
      lower(total, sumHigh);
      for (const p of parts) {
        raise(p, low.get(total)! - (sumHigh - high.get(p)!));
        lower(p, high.get(total)! - (sumLow - low.get(p)!));
      }
    }
    if (!moved) return;
  }
}

/** Gaussian elimination over the unknowns: an unknown is pinned when a reduced row names it alone. */
function eliminate(relations: Relation[], known: Map<string, number>): Map<string, number> {
  const unknowns = [...new Set(relations.flatMap((r) => [r.total, ...r.parts]))].filter((n) => !known.has(n));
  const index = new Map(unknowns.map((n, i) => [n, i]));
  const rows: number[][] = [];
  for (const { total, parts } of relations) {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    const add = (n: string, sign: number): void => {
      const i = index.get(n);
      if (i === undefined) row[unknowns.length]! -= sign * known.get(n)!;
      else row[i]! += sign;
    };
    add(total, -1);
    for (const p of parts) add(p, 1);
    if (row.some((v, i) => i < unknowns.length && v !== 0)) rows.push(row);
  }
  let pivotRow = 0;
  for (let c = 0; c < unknowns.length && pivotRow < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= pivotRow && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [rows[pivotRow], rows[p]] = [rows[p]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const f = pivot[c]!;
    for (let j = 0; j <= unknowns.length; j++) pivot[j]! /= f;
    // The relations are sparse: only the pivot row's nonzero entries change the other rows.
    const nonzero = pivot.flatMap((v, j) => (Math.abs(v) > 1e-12 ? [j] : []));
    rows.forEach((row, i) => {
      if (i === pivotRow || Math.abs(row[c]!) < 1e-9) return;
      const g = row[c]!;
      for (const j of nonzero) row[j]! -= g * pivot[j]!;
    });
    pivotRow++;
  }
  const found = new Map<string, number>();
  for (const row of rows) {
    const nonzero = row.slice(0, unknowns.length).flatMap((v, i) => (Math.abs(v) > 1e-9 ? [i] : []));
    if (nonzero.length === 1) found.set(unknowns[nonzero[0]!]!, Math.round(row[unknowns.length]! / row[nonzero[0]!]!));
  }
  return found;
}
