import { findLeaks, type Relation } from './audit';
import { closeBridges } from './bridges';

/**
 * Small-cell suppression over a whole export document (docs/adr/0004-small-cell-suppression.md).
 *
 * The document is a set of named counts linked by relations (see audit.ts), so a total that three tables repeat
 * is one quantity, and hiding it in one table hides it in all. Primary: every count below the threshold is hidden,
 * zeros included. Secondary, inside each crosstab: no hidden cell may be a bridge (bridges.ts). Secondary, over
 * the document: while a reader can pin a small hidden count, or bound it below the threshold, the cheapest shown
 * count in a relation around it is hidden too (cheap: in as few relations as possible, so a cell inside a table
 * before a total that other tables repeat; then smallest), and the crosstabs are closed again. Last, a hidden
 * count of at least the threshold that the reader pins anyway is shown: it tells nothing new. Every step hides or
 * settles one more count, so the loop ends; showing nothing at all leaks nothing.
 */
export interface LinkedCounts {
  values: ReadonlyMap<string, number>;
  relations: readonly Relation[];
  /** Crosstabs as grids of count names, margins included. */
  grids: readonly (readonly (readonly string[])[])[];
}

export type { Relation };

/** The names of the counts to hide. `keep` are counts that stay shown whenever they reach the threshold. */
export function suppressLinked(counts: LinkedCounts, threshold: number, keep: readonly string[] = []): Set<string> {
  const { values, relations, grids } = counts;
  const member = new Map<string, Relation[]>();
  for (const r of relations) for (const k of [r.total, ...r.parts]) member.set(k, [...(member.get(k) ?? []), r]);
  const hidden = new Set([...values].filter(([, v]) => v < threshold).map(([k]) => k));
  const settled = new Set(keep.filter((k) => values.get(k)! >= threshold));
  const cost = (k: string): number =>
    settled.has(k) ? Infinity : (member.get(k)?.length ?? 0) * 1_000_000 + values.get(k)!;

  const closeCrosstabs = (): void => {
    for (const grid of grids) {
      const added = closeBridges(
        grid.map((row) => row.map(cost)),
        grid.map((row) => row.map((k) => hidden.has(k))),
      );
      for (const [r, c] of added) hidden.add(grid[r]![c]!);
    }
  };

  /** The cheapest shown, unsettled count in the relations around `key`, widening ring by ring. */
  const nearestCandidate = (key: string): string | null => {
    const seenRelations = new Set<Relation>();
    let ring = new Set([key]);
    while (ring.size > 0) {
      const around = [...ring].flatMap((k) => member.get(k) ?? []).filter((r) => !seenRelations.has(r));
      around.forEach((r) => seenRelations.add(r));
      const names = new Set(around.flatMap((r) => [r.total, ...r.parts]));
      const candidates = [...names].filter((k) => !hidden.has(k) && !settled.has(k));
      if (candidates.length > 0) return candidates.reduce((a, b) => (cost(b) < cost(a) ? b : a));
      ring = names;
    }
    return null;
  };

  closeCrosstabs();
  let stuck = false;
  for (let step = 0; step <= 2 * values.size + 1; step++) {
    const leaks = findLeaks(values, hidden, relations, threshold);
    if (leaks.length === 0) return hidden;
    const small = leaks.filter((k) => values.get(k)! < threshold);
    if (small.length === 0) {
      // Pinned anyway, and large enough to show: showing them tells the reader nothing new.
      for (const k of leaks) {
        hidden.delete(k);
        settled.add(k);
      }
      continue;
    }
    // One count per leak; the crosstabs then close what that opened.
    const extra = new Set(small.map(nearestCandidate).filter((k) => k !== null));
    if (extra.size > 0) {
      for (const k of extra) hidden.add(k);
      closeCrosstabs();
      continue;
    }
    // Nothing near the leaks is left to hide: hide everything not settled, once.
    if (stuck) break;
    stuck = true;
    for (const k of values.keys()) if (!settled.has(k)) hidden.add(k);
  }
  return hidden;
}
