import type { Aggregate } from '../../src/core/aggregate';
import type { Instrument } from '../../src/core/instrument';
import type { CrowdMember, HubMessage } from '../../src/core/messages';
import { labelKey, leadingType } from '../../src/core/scoring';
import type { TalkCounts } from '../../src/core/talkCounts';
import { solve, type Reading, type Relation } from './linearReader';

/**
 * A reader of everything one projector is sent, written apart from the hub's rule (core/talkCounts.ts contextGroups):
 * the aggregate (participants, counts per leading type, per label, per casus), every crowd member's label, and the
 * talk counts (groups per context option with their leading types, the options held back, the split situation, the
 * arrivals per span). Per context question it knows the table of options (and "no answer", which is never sent)
 * against leading types: each row adds up to its size, each column to the day's count for that type, all rows to the
 * participants. What the view says in words it may know too: an option not shown is "nog te weinig" (fewer than the
 * threshold), one held back is at least the threshold.
 */
export interface ProjectorLeak {
  name: string;
  low: number;
  high: number;
  /** `small`: a group that is not shown is bounded to 1 .. threshold − 1 people; `pinned`: a positive count is pinned. */
  why: 'small' | 'pinned';
}

/** What one projector holds at one moment: the latest aggregate, every crowd member so far, the latest talk counts. */
export interface ProjectorView {
  aggregate: Aggregate;
  crowd: CrowdMember[];
  talk: TalkCounts;
}

/** The moments in a projector's messages: one at each `talk` (the hub sends one after the welcome and each arrival). */
export function projectorViews(messages: readonly HubMessage[]): ProjectorView[] {
  const views: ProjectorView[] = [];
  let aggregate: Aggregate | null = null;
  let crowd: CrowdMember[] = [];
  for (const m of messages) {
    if (m.type === 'welcome') {
      aggregate = m.aggregate;
      crowd = [...m.crowd];
    } else if (m.type === 'update') {
      aggregate = m.aggregate;
      if (!crowd.some((c) => c.seq === m.member.seq)) crowd.push(m.member);
    } else if (m.type === 'talk' && aggregate) views.push({ aggregate, crowd: [...crowd], talk: m.talk });
  }
  return views;
}

const NO_ANSWER = '(geen antwoord)';

/** The numbers and relations of one view; `words` adds the bounds the context view states for options not shown. */
export function readProjector(view: ProjectorView, instrument: Instrument, words: boolean): Reading {
  const names = new Set<string>();
  const shown = new Map<string, number>();
  const relations: Relation[] = [];
  const bounds = new Map<string, { low: number; high: number }>();
  const see = (name: string, value: number | null): void => {
    names.add(name);
    if (value !== null) shown.set(name, value);
  };
  const columns = [...instrument.types.map((t) => t.id), 'balanced'];
  const { aggregate, crowd, talk } = view;
  const t = talk.threshold;

  see('deelnemers', aggregate.total);
  see('menigte', crowd.length);
  relations.push({ total: 'deelnemers', parts: ['menigte'] });
  columns.forEach((c, i) => {
    see(`kolom:${c}`, i < instrument.types.length ? aggregate.leading[i]! : aggregate.balanced);
    see(`menigte:${c}`, crowd.filter((m) => (leadingType(m.label) ?? 'balanced') === c).length);
    relations.push({ total: `kolom:${c}`, parts: [`menigte:${c}`] });
  });
  relations.push({ total: 'deelnemers', parts: columns.map((c) => `kolom:${c}`) });
  // Per label: they add up per leading type; balanced is chameleons and all-rounders.
  const labelNames = new Map<string, string[]>();
  for (const m of crowd) {
    const key = labelKey(m.label);
    const column = leadingType(m.label) ?? 'balanced';
    see(`label:${key}`, aggregate.labels[key] ?? 0);
    if (!labelNames.get(column)?.includes(`label:${key}`))
      labelNames.set(column, [...(labelNames.get(column) ?? []), `label:${key}`]);
  }
  for (const [column, parts] of labelNames) relations.push({ total: `kolom:${column}`, parts });
  aggregate.casus.forEach((n, i) => see(`casus:${i}`, n));
  relations.push({ total: 'deelnemers', parts: aggregate.casus.map((_, i) => `casus:${i}`) });

  if (talk.split) {
    talk.split.counts.forEach((n, i) => see(`split:${i}`, n));
    relations.push({ total: 'deelnemers', parts: talk.split.counts.map((_, i) => `split:${i}`) });
  }
  talk.arrivals.forEach((a, i) => see(`uur:${i}`, a.count));
  if (talk.arrivals.length > 0) relations.push({ total: 'deelnemers', parts: talk.arrivals.map((_, i) => `uur:${i}`) });

  for (const q of instrument.context) {
    const groups = talk.context[q.id] ?? {};
    const held = talk.withheld[q.id] ?? [];
    const rows = [...q.options.map((o) => o.id), NO_ANSWER];
    for (const row of rows) {
      const group = groups[row];
      const rowName = `${q.id}:${row}`;
      see(rowName, group ? group.size : null);
      columns.forEach((c, i) => see(`${rowName}:${c}`, group ? group.counts[i]! : null));
      relations.push({ total: rowName, parts: columns.map((c) => `${rowName}:${c}`) });
      if (words && !group && row !== NO_ANSWER)
        bounds.set(rowName, held.includes(row) ? { low: t, high: Infinity } : { low: 0, high: t - 1 });
    }
    relations.push({ total: 'deelnemers', parts: rows.map((r) => `${q.id}:${r}`) });
    for (const c of columns) relations.push({ total: `kolom:${c}`, parts: rows.map((r) => `${q.id}:${r}:${c}`) });
  }
  return { names, shown, relations, bounds };
}

/**
 * What the reader learns about the groups a projector does not show. Without the view's words, a group not shown (an
 * option, or those who skipped) must not be bounded to fewer than the threshold, unless it could be the whole day
 * (which the crowd shows anyway) or nobody; with them, no count of a group not shown is pinned to a positive number.
 */
export function attackProjector(view: ProjectorView, instrument: Instrument): ProjectorLeak[] {
  const t = view.talk.threshold;
  const leaks: ProjectorLeak[] = [];
  const plain = readProjector(view, instrument, false);
  const bare = solve(plain);
  for (const q of instrument.context) {
    for (const row of [...q.options.map((o) => o.id), NO_ANSWER]) {
      const name = `${q.id}:${row}`;
      if (plain.shown.has(name)) continue;
      const low = bare.low.get(name)!;
      const high = bare.high.get(name)!;
      if (high > 0 && high < t && high < view.aggregate.total) leaks.push({ name, low, high, why: 'small' });
    }
  }
  const worded = readProjector(view, instrument, true);
  const told = solve(worded);
  for (const name of worded.names) {
    if (worded.shown.has(name) || !instrument.context.some((q) => name.startsWith(`${q.id}:`))) continue;
    const low = told.low.get(name)!;
    const high = told.high.get(name)!;
    if (low === high && low > 0) leaks.push({ name, low, high, why: 'pinned' });
  }
  return leaks;
}
