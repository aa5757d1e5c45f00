import type { ExportTables } from '../../src/core/export/tables';
import { solve, type Reading, type Relation } from './linearReader';

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

const GRAND = 'deelnemers';

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
