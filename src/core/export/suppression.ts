/**
 * Small-cell suppression for a count table shown with its row totals, column totals and grand total.
 *
 * Primary: every count below the threshold is hidden, margins included. Secondary: a hidden cell must not be
 * recoverable from the shown totals. Seen as a bipartite graph (rows and columns, margins included, as nodes; hidden
 * cells as edges), the linear system of row and column sums pins a hidden cell exactly when its edge lies on no
 * cycle. So while some hidden cell is a bridge, the cheapest rectangle through it is hidden too (fewest and
 * smallest extra cells, totals last). Every cell then lies on a cycle; each round hides at least one more cell,
 * so the loop ends.
 */

/** A count table with its margins: `cells[r][c]` for r < rows, c < cols; the margins are computed. */
export interface SuppressedTable {
  /** (rows + 1) × (cols + 1): the last row holds column totals, the last column row totals. */
  values: number[][];
  hidden: boolean[][];
}

export function withMargins(cells: readonly (readonly number[])[]): number[][] {
  const cols = cells[0]?.length ?? 0;
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: cols + 1 }, (_, c) => rows.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  return [...rows, totals];
}

export function suppressSmallCells(cells: readonly (readonly number[])[], threshold: number): SuppressedTable {
  const values = withMargins(cells);
  const hidden = values.map((row) => row.map((v) => v < threshold));
  for (;;) {
    const bridge = findBridge(hidden);
    if (!bridge) return { values, hidden };
    const extra = cheapestRectangle(values, hidden, bridge[0], bridge[1]);
    // No rectangle exists only in a table without a second row or column (an empty table): nothing more to hide.
    if (extra.length === 0) return { values, hidden };
    for (const [rr, cc] of extra) hidden[rr]![cc] = true;
  }
}

/** The cells still to hide so that (r, c) becomes a corner of a hidden rectangle, chosen at least cost. */
function cheapestRectangle(values: number[][], hidden: boolean[][], r: number, c: number): [number, number][] {
  const rows = values.length;
  const cols = values[0]!.length;
  const cost = (rr: number, cc: number): number => {
    if (hidden[rr]![cc]) return 0;
    const margin = (rr === rows - 1 ? 1 : 0) + (cc === cols - 1 ? 1 : 0);
    return 1_000_000 * (1 + margin) + values[rr]![cc]!;
  };
  let best: [number, number][] = [];
  let bestCost = Infinity;
  for (let r2 = 0; r2 < rows; r2++) {
    for (let c2 = 0; c2 < cols; c2++) {
      if (r2 === r || c2 === c) continue;
      const corners: [number, number][] = [
        [r, c2],
        [r2, c],
        [r2, c2],
      ];
      const total = corners.reduce((sum, [rr, cc]) => sum + cost(rr, cc), 0);
      if (total < bestCost) {
        bestCost = total;
        best = corners.filter(([rr, cc]) => !hidden[rr]![cc]);
      }
    }
  }
  return best;
}

/** A hidden cell whose edge is a bridge (recoverable from the totals), or null. */
export function findBridge(hidden: boolean[][]): [number, number] | null {
  const rows = hidden.length;
  const cols = hidden[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (hidden[r]![c] && !connectedWithout(hidden, r, c)) return [r, c];
    }
  }
  return null;
}

/** Is row node r still connected to column node c through hidden cells other than (r, c)? */
function connectedWithout(hidden: boolean[][], r0: number, c0: number): boolean {
  const rows = hidden.length;
  const cols = hidden[0]?.length ?? 0;
  const seenRows = new Set<number>([r0]);
  const seenCols = new Set<number>();
  const queue: ['r' | 'c', number][] = [['r', r0]];
  while (queue.length > 0) {
    const [kind, index] = queue.pop()!;
    if (kind === 'r') {
      for (let c = 0; c < cols; c++) {
        if (!hidden[index]![c] || (index === r0 && c === c0) || seenCols.has(c)) continue;
        if (c === c0) return true;
        seenCols.add(c);
        queue.push(['c', c]);
      }
    } else {
      for (let r = 0; r < rows; r++) {
        if (!hidden[r]![index] || (r === r0 && index === c0) || seenRows.has(r)) continue;
        seenRows.add(r);
        queue.push(['r', r]);
      }
    }
  }
  return false;
}
