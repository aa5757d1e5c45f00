import type { CountTable, ExportTables } from './tables';

/** A count as a figure may show it: the number, or null where the tables hide it. */
export type Shown = number | null;

export interface ReportFigures {
  participants: Shown;
  /** Per leading type (the instrument's types, then balanced): the column totals every crosstab repeats. */
  leads: { label: string; count: Shown }[];
  /** Per type: how many say their situation asks it (casus row total), beside the mean share of the type. */
  asksVersusMix: { label: string; asks: Shown; mix: number | null }[];
  /** Per hour: arrivals, and the running total where the shown counts settle it. */
  hours: { label: string; count: Shown; cumulative: Shown }[];
  /** Outside a round (the stand), then every round: size and count per leading type. */
  rounds: { label: string; total: Shown; perLead: Shown[]; mix: (number | null)[] | null }[];
  /** Per profile: its label key (see labelKey), the table's label, the kind, the count where shown. */
  profiles: { key: string; label: string; kind: 'leading' | 'two-sided' | 'balanced'; count: Shown }[];
}

const cell = (t: CountTable, r: number, c: number): Shown => (t.hidden[r]![c] ? null : t.values[r]![c]!);
const table = (tables: ExportTables, id: string): CountTable => {
  const found = tables.counts.find((t) => t.id === id);
  if (!found) throw new Error(`the export has no table ${id}`);
  return found;
};

/**
 * What the day report may draw, read from the suppressed tables only: every number is one the tables show, and a
 * running total only where the shown counts (with the participants) already settle it.
 */
export function reportFigures(tables: ExportTables): ReportFigures {
  const casus = table(tables, 'casus');
  const rows = casus.rowLabels.length;
  const cols = casus.colLabels.length - 1;
  const participants = cell(casus, rows, cols);
  const leads = casus.colLabels.slice(0, -1).map((label, c) => ({ label, count: cell(casus, rows, c) }));
  const overall = tables.means.means[0] ?? [];
  const asksVersusMix = casus.rowLabels.map((label, r) => ({
    label,
    asks: cell(casus, r, cols),
    mix: overall[r] ?? null,
  }));

  const uren = table(tables, 'uren');
  const perHour = uren.rowLabels.map((label, r) => ({ label, count: cell(uren, r, uren.colLabels.length - 1) }));
  const hours = perHour.map((h, i) => {
    const before = perHour.slice(0, i + 1);
    const after = perHour.slice(i + 1);
    const sum = (list: typeof perHour): number => list.reduce((a, b) => a + (b.count ?? 0), 0);
    const cumulative = before.every((b) => b.count !== null)
      ? sum(before)
      : participants !== null && after.every((a) => a.count !== null)
        ? participants - sum(after)
        : null;
    return { ...h, cumulative };
  });

  const rondes = table(tables, 'rondes');
  const rondeCols = rondes.colLabels.length - 1;
  const rounds = rondes.rowLabels.map((label, r) => {
    // The mean mix lists everyone, then the rounds in the same order as this table (whose first row is the stand).
    const mix = r > 0 && tables.means.n[r] !== null && tables.means.n[r] !== undefined ? tables.means.means[r]! : null;
    return {
      label,
      total: cell(rondes, r, rondeCols),
      perLead: Array.from({ length: rondeCols }, (_, c) => cell(rondes, r, c)),
      mix,
    };
  });

  const profielen = table(tables, 'profielen');
  const profiles = profielen.rowLabels.map((label, r) => {
    const key = profielen.rowKeys?.[r] ?? '';
    const kind: 'leading' | 'two-sided' | 'balanced' = key.startsWith('leading:')
      ? 'leading'
      : key.startsWith('two-sided:')
        ? 'two-sided'
        : 'balanced';
    return { key, label, kind, count: cell(profielen, r, 0) };
  });
  return { participants, leads, asksVersusMix, hours, rounds, profiles };
}
