import { localize, type Instrument } from '../instrument';
import { profileOf, type Profile, type SurveyResponse } from '../response';
import { labelKey, leadingType } from '../scoring';
import type { Round } from '../settings';
import { LinkedTables } from './linkedTables';
import { BALANCED, profileLabels } from './profileLabels';
import { suppressLinked } from './suppression';

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
  /**
   * For a list whose rows add up per group to the column totals of the crosstabs (the profiles, per leading
   * type): the column label each row counts towards.
   */
  rowGroups?: string[];
  /** For the profile list: each row's label key (see labelKey), so a report can tell the kinds of profile apart. */
  rowKeys?: string[];
}

/** A count table before suppression, with the shared name of every count (see LinkedTables). */
type Draft = Omit<CountTable, 'hidden'> & { keys: string[][] };

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

/** Scores a response for the export: the profile is kept, the single answers are not. */
export function exportRow(
  response: Pick<SurveyResponse, 'answers' | 'casus' | 'context'>,
  instrument: Instrument,
  round: number | null,
  hour: number,
): ExportRow {
  return { profile: profileOf(response, instrument), casus: response.casus, context: response.context, round, hour };
}

/**
 * How many responses an export counts: whole groups of `size`, the first ones in arrival order. Two exports then
 * differ by a group of at least `size` visitors, never by one (docs/adr/0004-small-cell-suppression.md).
 */
export function countedSize(available: number, size: number): number {
  return Math.floor(available / size) * size;
}

/**
 * Builds every aggregate table of the export, suppressed at `threshold` over the document as a whole. Counts the
 * first responses in whole groups of `threshold` (see countedSize). Pure: same rows, same tables.
 */
export function buildExportTables(
  instrument: Instrument,
  allRows: readonly ExportRow[],
  rounds: readonly Round[],
  threshold: number,
): ExportTables {
  const rows = allRows.slice(0, countedSize(allRows.length, threshold));
  const types = instrument.types;
  const typeIds = types.map((t) => t.id);
  const name = (id: string): string => localize(types.find((t) => t.id === id)!.name, 'nl');
  const profiles = rows.map((row) => row.profile);
  const leadOf = profiles.map((p) => leadingType(p.label) ?? BALANCED);
  const leadKeys = [...typeIds, BALANCED];
  const leadLabels = [...types.map((t) => name(t.id)), 'In balans'];
  const linked = new LinkedTables();

  const crosstab = (
    id: string,
    title: string,
    rowHeader: string,
    rowKeys: readonly (string | number)[],
    rowLabels: string[],
    rowOf: (i: number) => string | number,
  ): Draft => {
    const cells = rowKeys.map(() => leadKeys.map(() => 0));
    rows.forEach((_, i) => {
      const r = rowKeys.indexOf(rowOf(i));
      const c = leadKeys.indexOf(leadOf[i]!);
      if (r >= 0 && c >= 0) cells[r]![c]! += 1;
    });
    const { keys, values } = linked.crosstab(id, rowKeys, leadKeys, cells);
    return { id, title, rowHeader, rowLabels, colLabels: [...leadLabels, 'Totaal'], keys, values };
  };

  const hours = [...new Set(rows.map((r) => r.hour))].sort((a, b) => a - b);
  const drafts: Draft[] = [
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

  // Profiles: every label that can occur, in a stable order, then any other label the scoring gave.
  const profileRows = profileLabels(instrument, profiles);
  const labelCounts = new Map<string, number>();
  for (const p of profiles) labelCounts.set(labelKey(p.label), (labelCounts.get(labelKey(p.label)) ?? 0) + 1);
  const profileList = linked.list(
    'profielen',
    profileRows.map((p) => p.key),
    profileRows.map((p) => p.lead),
    profileRows.map((p) => labelCounts.get(p.key) ?? 0),
  );
  drafts.unshift({
    id: 'profielen',
    title: 'Profielen (leidend type, twee kanten, kameleon of allrounder)',
    rowHeader: 'Profiel',
    rowLabels: profileRows.map((p) => p.text),
    // One column: its row totals would only repeat it.
    colLabels: ['Aantal'],
    rowGroups: profileRows.map((p) => leadLabels[leadKeys.indexOf(p.lead)]!),
    rowKeys: profileRows.map((p) => p.key),
    ...profileList,
  });

  const hidden = suppressLinked(linked, threshold, ['all']);
  const counts: CountTable[] = drafts.map(({ keys, ...table }) => ({
    ...table,
    hidden: keys.map((row) => row.map((k) => hidden.has(k))),
  }));

  // Mean mix: everyone, then per round. It repeats the group's size, so a group whose size the count tables hide
  // shows nothing here either.
  const groups: { label: string; key: string; members: number[] }[] = [
    { label: 'Iedereen', key: 'all', members: rows.map((_, i) => i) },
    ...rounds.map((r) => ({
      label: r.name,
      key: `rondes|${r.id}|*`,
      members: rows.flatMap((row, i) => (row.round === r.id ? [i] : [])),
    })),
  ];
  const shows = (g: { key: string; members: number[] }): boolean => g.members.length >= threshold && !hidden.has(g.key);
  const means: MeanTable = {
    id: 'gemiddelde-mix',
    title: 'Gemiddelde mix (procent)',
    rowLabels: groups.map((g) => g.label),
    colLabels: types.map((t) => name(t.id)),
    n: groups.map((g) => (shows(g) ? g.members.length : null)),
    means: groups.map((g) =>
      typeIds.map((_, t) =>
        shows(g)
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
      nl: `Onderdrukt: minder dan ${threshold}, of af te leiden uit wat deze export verder laat zien`,
      en: `Suppressed: below ${threshold}, or derivable from what else this export shows`,
    },
    {
      variable: 'geteld',
      code: String(threshold),
      nl: `Geteld in hele groepen van ${threshold}, op volgorde van binnenkomst: wie na de laatste volle groep kwam, telt mee in een volgende export`,
      en: `Counted in whole groups of ${threshold}, in order of arrival: whoever came after the last full group counts in a later export`,
    },
  ];
  return { counts, means, codebook };
}
