import type { Relation } from './audit';

/**
 * Collects the counts of all tables of one document under shared names, so that a total printed in several tables
 * is one quantity with one decision to show or hide it, and records how the counts add up.
 *
 * Names: `all` is the number of participants; `lead|<key>` the count per column (leading type) that every crosstab
 * repeats; `<table>|<row>|*` a row total; `<table>|<row>|<col>` an inner cell.
 */
export class LinkedTables {
  readonly values = new Map<string, number>();
  readonly relations: Relation[] = [];
  /** The names of each crosstab's cells, margins included, for the per-table search for cycles. */
  readonly grids: string[][][] = [];
  private readonly seen = new Set<string>();

  /** Adds a crosstab of counts with row totals, the shared column totals and the participants. */
  crosstab(
    tableId: string,
    rowKeys: readonly (string | number)[],
    colKeys: readonly string[],
    cells: number[][],
  ): {
    keys: string[][];
    values: number[][];
  } {
    const keys = rowKeys.map((r) => [...colKeys.map((c) => `${tableId}|${r}|${c}`), `${tableId}|${r}|*`]);
    keys.push([...colKeys.map((c) => `lead|${c}`), 'all']);
    const values = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
    values.push(
      Array.from({ length: colKeys.length + 1 }, (_, c) => values.reduce((sum, row) => sum + (row[c] ?? 0), 0)),
    );
    keys.forEach((row, r) => row.forEach((k, c) => this.set(k, values[r]![c]!)));
    this.grids.push(keys);
    const last = colKeys.length;
    const rows = rowKeys.length;
    for (let r = 0; r <= rows; r++) this.relate(keys[r]![last]!, keys[r]!.slice(0, last));
    for (let c = 0; c <= last; c++)
      this.relate(
        keys[rows]![c]!,
        keys.slice(0, rows).map((row) => row[c]!),
      );
    return { keys, values };
  }

  /** Adds a list of counts that add up to the participants, and per group to a shared column total. */
  list(
    tableId: string,
    rowKeys: readonly string[],
    groups: readonly string[],
    counts: number[],
  ): {
    keys: string[][];
    values: number[][];
  } {
    const rowNames = rowKeys.map((r) => `${tableId}|${r}`);
    rowNames.forEach((k, r) => this.set(k, counts[r]!));
    const total = counts.reduce((a, b) => a + b, 0);
    this.set('all', total);
    this.relate('all', rowNames);
    for (const group of new Set(groups)) {
      const members = rowKeys.flatMap((_, r) => (groups[r] === group ? [r] : []));
      this.set(
        `lead|${group}`,
        members.reduce((sum, r) => sum + counts[r]!, 0),
      );
      this.relate(
        `lead|${group}`,
        members.map((r) => rowNames[r]!),
      );
    }
    return { keys: [...rowNames.map((k) => [k]), ['all']], values: [...counts.map((c) => [c]), [total]] };
  }

  private set(key: string, value: number): void {
    const known = this.values.get(key);
    if (known !== undefined && known !== value) throw new Error(`export count ${key} is ${known} and ${value}`);
    this.values.set(key, value);
  }

  private relate(total: string, parts: string[]): void {
    const signature = `${total}=${[...parts].sort().join('+')}`;
    if (this.seen.has(signature)) return;
    this.seen.add(signature);
    this.relations.push({ total, parts });
  }
}
