/**
 * Secondary suppression inside one crosstab shown with its margins. Seen as a bipartite graph (rows and columns,
 * margins included, as nodes; hidden cells as edges), the row and column sums pin a hidden cell exactly when its
 * edge lies on no cycle (a bridge). So while some hidden cell is a bridge, the cheapest rectangle through it is
 * hidden too. Cells that may not be hidden cost Infinity; a bridge with no affordable rectangle is left for the
 * whole-document loop (suppression.ts).
 */
export function closeBridges(cost: number[][], hidden: boolean[][]): [number, number][] {
  const added: [number, number][] = [];
  const skipped = new Set<string>();
  for (;;) {
    const bridge = findBridge(hidden, skipped);
    if (!bridge) return added;
    const extra = cheapestRectangle(cost, hidden, bridge[0], bridge[1]);
    if (extra.length === 0 || extra.some(([rr, cc]) => cost[rr]![cc] === Infinity)) {
      skipped.add(`${bridge[0]},${bridge[1]}`);
      continue;
    }
    for (const [rr, cc] of extra) {
      hidden[rr]![cc] = true;
      added.push([rr, cc]);
    }
  }
}

/**
 * The cells still to hide so that (r, c) becomes a corner of a hidden rectangle, at least cost; empty when every
 * rectangle needs a cell that may not be hidden (cost Infinity).
 */
function cheapestRectangle(cost: number[][], hidden: boolean[][], r: number, c: number): [number, number][] {
  const rows = hidden.length;
  const cols = hidden[0]!.length;
  const price = (rr: number, cc: number): number => (hidden[rr]![cc] ? 0 : cost[rr]![cc]!);
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
      const total = corners.reduce((sum, [rr, cc]) => sum + price(rr, cc), 0);
      if (total < bestCost) {
        bestCost = total;
        best = corners.filter(([rr, cc]) => !hidden[rr]![cc]);
      }
    }
  }
  return best;
}

/** A hidden cell whose edge is a bridge (recoverable from the totals), or null. */
function findBridge(hidden: boolean[][], skipped: ReadonlySet<string>): [number, number] | null {
  const rows = hidden.length;
  const cols = hidden[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (hidden[r]![c] && !skipped.has(`${r},${c}`) && !connectedWithout(hidden, r, c)) return [r, c];
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
