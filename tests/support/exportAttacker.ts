import type { ExportTables } from '../../src/core/export/tables';

/**
 * A reader who wants the hidden numbers back. It knows only what the document shows: each table's rows and columns
 * add up to the printed totals, a column with the same label is the same count in every table, every table's
 * corner is the number of participants, the mean mix repeats the participants and each round's size, and the
 * profiles add up per leading type. From those relations it derives what it can: a relation with one unknown gives
 * it away, linear combinations of relations (elimination) give more, and bounds (no count below zero) narrow the
 * rest. A hidden cell leaks when its value is pinned, or when its upper bound is below the threshold.
 */
export interface Leak {
  name: string;
  low: number;
  high: number;
}

interface Relation {
  total: string;
  parts: string[];
}

const GRAND = 'deelnemers';

/** What one document shows: its named numbers (shown or not) and the relations between them. */
interface Reading {
  names: Set<string>;
  shown: Map<string, number>;
  relations: Relation[];
}

export function readDocument(doc: ExportTables, prefix = ''): Reading {
  const shown = new Map<string, number>();
  const names = new Set<string>();
  const relations: Relation[] = [];
  const grand = `${prefix}${GRAND}`;
  const see = (name: string, value: number | null): void => {
    names.add(name);
    if (value !== null) shown.set(name, value);
  };

  for (const t of doc.counts) {
    const rows = t.rowLabels.length;
    const cols = t.colLabels.length - 1;
    if (cols === 0) {
      // A list with a total: its rows add up to the participants, and per group to that group's column totals.
      const rowNames = t.rowLabels.map((label) => `${prefix}${t.id}:${label}`);
      rowNames.forEach((n, r) => see(n, t.hidden[r]![0] ? null : t.values[r]![0]!));
      see(grand, t.hidden[rows]![0] ? null : t.values[rows]![0]!);
      relations.push({ total: grand, parts: rowNames });
      const groups = new Map<string, string[]>();
      t.rowGroups?.forEach((g, r) => groups.set(g, [...(groups.get(g) ?? []), rowNames[r]!]));
      for (const [g, parts] of groups) relations.push({ total: `${prefix}kolom:${g}`, parts });
      continue;
    }
    const name = (r: number, c: number): string => {
      if (r === rows && c === cols) return grand;
      if (r === rows) return `${prefix}kolom:${t.colLabels[c]}`;
      if (c === cols) return `${prefix}${t.id}:rij:${t.rowLabels[r]}`;
      return `${prefix}${t.id}:${r}:${c}`;
    };
    for (let r = 0; r <= rows; r++)
      for (let c = 0; c <= cols; c++) see(name(r, c), t.hidden[r]![c] ? null : t.values[r]![c]!);
    for (let r = 0; r <= rows; r++)
      relations.push({ total: name(r, cols), parts: Array.from({ length: cols }, (_, c) => name(r, c)) });
    for (let c = 0; c <= cols; c++)
      relations.push({ total: name(rows, c), parts: Array.from({ length: rows }, (_, r) => name(r, c)) });
  }
  doc.means.rowLabels.forEach((label, k) =>
    see(k === 0 ? grand : `${prefix}rondes:rij:${label}`, doc.means.n[k] ?? null),
  );
  return { names, shown, relations };
}

/** Every bound the relations allow, after elimination and bound propagation have learned all they can. */
function solve({ names, shown, relations }: Reading): { low: Map<string, number>; high: Map<string, number> } {
  const known = new Map(shown);
  const low = new Map<string, number>();
  const high = new Map<string, number>();
  for (const n of names) {
    low.set(n, known.get(n) ?? 0);
    high.set(n, known.get(n) ?? Infinity);
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

/** Hidden cells of one document that its own relations pin down or show to be below the threshold. */
export function attackDocument(doc: ExportTables, threshold: number): Leak[] {
  const reading = readDocument(doc);
  const { low, high } = solve(reading);
  const leaks: Leak[] = [];
  for (const n of reading.names) {
    if (reading.shown.has(n)) continue;
    const lo = low.get(n)!;
    const hi = high.get(n)!;
    if (lo === hi || hi < threshold) leaks.push({ name: n, low: lo, high: hi });
  }
  return leaks;
}

/**
 * Two exports of the same day, taken before and after some visitors: the newcomers form a table of their own
 * (every count after = before + newcomers, newcomers never negative, with the same relations). Returns the bounds
 * on the newcomers' counts, by the name of the number in the documents (e.g. "casus:rij:De Bureaucraat").
 */
export function attackDifference(
  before: ExportTables,
  after: ExportTables,
): Map<string, { low: number; high: number }> {
  const a = readDocument(before, 'a:');
  const b = readDocument(after, 'b:');
  const d = readDocument(after, 'd:');
  const names = new Set([...a.names, ...b.names, ...d.names]);
  const relations = [...a.relations, ...b.relations, ...d.relations];
  for (const n of d.names) {
    const bare = n.slice(2);
    // A row that the first export did not have yet (an hour) counted nobody then.
    const parts = a.names.has(`a:${bare}`) ? [`a:${bare}`, n] : [n];
    relations.push({ total: `b:${bare}`, parts });
  }
  const { low, high } = solve({ names, shown: new Map([...a.shown, ...b.shown]), relations });
  const result = new Map<string, { low: number; high: number }>();
  for (const n of d.names) result.set(n.slice(2), { low: low.get(n)!, high: high.get(n)! });
  return result;
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
