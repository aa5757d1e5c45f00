import { localize, type Instrument } from '../instrument';
import { profileOf, type Profile, type SurveyResponse } from '../response';
import { labelKey, leadingType } from '../scoring';
import type { Round } from '../settings';
import { suppressSmallCells } from './suppression';

/** One response as the export sees it: no id, no language, no single answers; only what the tables count. */
export interface ExportRow {
  profile: Profile;
  casus: string;
  context: Record<string, string>;
  round: number | null;
  /** Hour of day (0-23) when the hub received it. */
  hour: number;
}

/** A crosstab of counts with its totals; `hidden` marks suppressed cells (margins included). */
export interface CountTable {
  id: string;
  title: string;
  rowHeader: string;
  rowLabels: string[];
  colLabels: string[];
  /** (rows + 1) × (cols + 1): the last row and column are totals. */
  values: number[][];
  hidden: boolean[][];
}

/** Mean shares per type (percent, one decimal) for groups large enough to show. */
export interface MeanTable {
  id: string;
  title: string;
  rowLabels: string[];
  colLabels: string[];
  n: (number | null)[];
  means: (number | null)[][];
}

export interface CodebookEntry {
  variable: string;
  code: string;
  nl: string;
  en: string;
}

export interface ExportTables {
  counts: CountTable[];
  means: MeanTable;
  codebook: CodebookEntry[];
}

/** The column of profiles without a leading type (chameleons and all-rounders). */
const BALANCED = 'balanced';

/** Scores a response for the export: the profile is kept, the single answers are not. */
export function exportRow(
  response: Pick<SurveyResponse, 'answers' | 'casus' | 'context'>,
  instrument: Instrument,
  round: number | null,
  hour: number,
): ExportRow {
  return { profile: profileOf(response, instrument), casus: response.casus, context: response.context, round, hour };
}

/** Builds every aggregate table of the export, suppressed at `threshold`. Pure: same rows, same tables. */
export function buildExportTables(
  instrument: Instrument,
  rows: readonly ExportRow[],
  rounds: readonly Round[],
  threshold: number,
): ExportTables {
  const types = instrument.types;
  const typeIds = types.map((t) => t.id);
  const name = (id: string): string => localize(types.find((t) => t.id === id)!.name, 'nl');
  const profiles = rows.map((row) => row.profile);
  const leadOf = profiles.map((p) => leadingType(p.label) ?? BALANCED);
  const leadKeys = [...typeIds, BALANCED];
  const leadLabels = [...types.map((t) => name(t.id)), 'In balans'];

  const crosstab = (
    id: string,
    title: string,
    rowHeader: string,
    rowKeys: readonly (string | number)[],
    rowLabels: string[],
    rowOf: (i: number) => string | number,
  ): CountTable => {
    const cells = rowKeys.map(() => leadKeys.map(() => 0));
    rows.forEach((_, i) => {
      const r = rowKeys.indexOf(rowOf(i));
      const c = leadKeys.indexOf(leadOf[i]!);
      if (r >= 0 && c >= 0) cells[r]![c]! += 1;
    });
    const { values, hidden } = suppressSmallCells(cells, threshold);
    return { id, title, rowHeader, rowLabels, colLabels: [...leadLabels, 'Totaal'], values, hidden };
  };

  // Profiles: every label key that can occur, in a stable order.
  const labelKeys = [
    ...typeIds.map((t) => `leading:${t}`),
    ...typeIds.flatMap((a) => typeIds.filter((b) => b !== a).map((b) => `two-sided:${a}+${b}`)),
    'chameleon',
    ...(instrument.scoring === 'first-and-second' ? ['all-round'] : []),
  ];
  const labelText = (key: string): string => {
    if (key === 'chameleon') return 'Kameleon';
    if (key === 'all-round') return 'Allrounder';
    const [kind, ids] = key.split(':') as [string, string];
    if (kind === 'leading') return name(ids);
    const [a, b] = ids.split('+') as [string, string];
    const bare = (id: string): string => name(id).replace(/^De /, '');
    return `${bare(a)} met ${bare(b)}-kant`;
  };
  const labelCounts = new Map<string, number>();
  for (const p of profiles) labelCounts.set(labelKey(p.label), (labelCounts.get(labelKey(p.label)) ?? 0) + 1);
  const profileCells = labelKeys.map((key) => [labelCounts.get(key) ?? 0]);
  const profileTable = suppressSmallCells(profileCells, threshold);

  const hours = [...new Set(rows.map((r) => r.hour))].sort((a, b) => a - b);
  const counts: CountTable[] = [
    {
      id: 'profielen',
      title: 'Profielen (leidend type, twee kanten, kameleon of allrounder)',
      rowHeader: 'Profiel',
      rowLabels: labelKeys.map(labelText),
      // One column: its row totals would only repeat it.
      colLabels: ['Aantal'],
      values: profileTable.values.map((row) => row.slice(0, 1)),
      hidden: profileTable.hidden.map((row) => row.slice(0, 1)),
    },
    crosstab(
      'casus',
      'Leidend type naar wat de eigen situatie vraagt (casus)',
      'Situatie vraagt',
      typeIds,
      types.map((t) => name(t.id)),
      (i) => rows[i]!.casus,
    ),
    crosstab(
      'rondes',
      'Leidend type per ronde',
      'Ronde',
      [0, ...rounds.map((r) => r.id)],
      ['Buiten een ronde', ...rounds.map((r) => r.name)],
      (i) => rows[i]!.round ?? 0,
    ),
    crosstab(
      'uren',
      'Leidend type per uur',
      'Uur',
      hours,
      hours.map((h) => `${String(h).padStart(2, '0')}:00-${String(h + 1).padStart(2, '0')}:00`),
      (i) => rows[i]!.hour,
    ),
    ...instrument.context.map((q) =>
      crosstab(
        `context-${q.id}`,
        `Leidend type naar ${localize(q.prompt, 'nl').replace(/\?$/, '').toLowerCase()}`,
        localize(q.prompt, 'nl'),
        [...q.options.map((o) => o.id), ''],
        [...q.options.map((o) => localize(o.label, 'nl')), 'Niet ingevuld'],
        (i) => rows[i]!.context[q.id] ?? '',
      ),
    ),
  ];

  // Mean mix: everyone, then per round; a group below the threshold shows nothing.
  const groups: { label: string; members: number[] }[] = [
    { label: 'Iedereen', members: rows.map((_, i) => i) },
    ...rounds.map((r) => ({ label: r.name, members: rows.flatMap((row, i) => (row.round === r.id ? [i] : [])) })),
  ];
  const means: MeanTable = {
    id: 'gemiddelde-mix',
    title: 'Gemiddelde mix (procent)',
    rowLabels: groups.map((g) => g.label),
    colLabels: types.map((t) => name(t.id)),
    n: groups.map((g) => (g.members.length >= threshold ? g.members.length : null)),
    means: groups.map((g) =>
      typeIds.map((_, t) =>
        g.members.length >= threshold
          ? Math.round((g.members.reduce((sum, i) => sum + profiles[i]!.shares[t]!, 0) / g.members.length) * 1000) / 10
          : null,
      ),
    ),
  };

  const codebook: CodebookEntry[] = [
    ...types.map((t) => ({ variable: 'type', code: t.id, nl: localize(t.name, 'nl'), en: localize(t.name, 'en') })),
    {
      variable: 'type',
      code: BALANCED,
      nl: 'In balans: geen leidend type (kameleons en allrounders)',
      en: 'Balanced: no leading type (chameleons and all-rounders)',
    },
    {
      variable: 'profiel',
      code: 'chameleon',
      nl:
        instrument.scoring === 'first-and-second'
          ? 'Kameleon: een mix in balans die meebeweegt met wat de situatie vraagt'
          : 'Kameleon: alle kanten ongeveer even sterk',
      en:
        instrument.scoring === 'first-and-second'
          ? 'Chameleon: a balanced mix that moves with what the situation asks'
          : 'Chameleon: all sides about equally strong',
    },
    ...(instrument.scoring === 'first-and-second'
      ? [
          {
            variable: 'profiel',
            code: 'all-round',
            nl: 'Allrounder: een mix in balans, welke situatie het ook is',
            en: 'All-rounder: a balanced mix, whatever the situation',
          },
        ]
      : []),
    ...instrument.context.flatMap((q) =>
      q.options.map((o) => ({ variable: q.id, code: o.id, nl: localize(o.label, 'nl'), en: localize(o.label, 'en') })),
    ),
    {
      variable: 'x',
      code: 'x',
      nl: `Onderdrukt: minder dan ${threshold}, of af te leiden uit de totalen`,
      en: `Suppressed: below ${threshold}, or derivable from the totals`,
    },
  ];
  return { counts, means, codebook };
}
