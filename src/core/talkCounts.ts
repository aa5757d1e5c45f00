import { z } from 'zod';
import type { Instrument } from './instrument';
import { answerOrder, type SurveyResponse } from './response';
import { leadingType, type ProfileLabel } from './scoring';

/**
 * The counts behind the talk's group views, kept by the hub beside the aggregate. Only counts: no response id, no
 * time per visitor. `TalkTally` is the hub's exact, private tally; `TalkCounts` is what projectors get, cut to the
 * suppression threshold (docs/adr/0004): a group smaller than the threshold is left out, never sent as a small number,
 * and never left to be worked out from the rest of what a projector gets (see `contextGroups`).
 */
export interface TalkTally {
  /** Question id → option id → per leading type (instrument order), then balanced (no leading type) last. */
  context: Record<string, Record<string, number[]>>;
  /** Item id → first choices per type (instrument order). */
  firsts: Record<string, number[]>;
  /**
   * Start of the hour (ms) → arrivals in it. Whole hours of UTC, which are the event's whole hours in every time zone
   * with a whole-hour offset; the projector reads them in the event's zone (settings.timeZone) when it shows them.
   */
  hours: Record<string, number>;
}

export function emptyTally(instrument: Pick<Instrument, 'types' | 'items' | 'context'>): TalkTally {
  const n = instrument.types.length;
  const zeros = (k: number): number[] => Array.from({ length: k }, () => 0);
  return {
    context: Object.fromEntries(
      instrument.context.map((q) => [q.id, Object.fromEntries(q.options.map((o) => [o.id, zeros(n + 1)]))]),
    ),
    firsts: Object.fromEntries(instrument.items.map((it) => [it.id, zeros(n)])),
    hours: {},
  };
}

/** What the tally needs of one stored response: its answers, context, label and arrival. */
export interface TallyInput {
  response: Pick<SurveyResponse, 'answers' | 'context'>;
  label: ProfileLabel;
  receivedAt: number;
}

/**
 * Adds one response in place: O(items + context questions), so an arrival costs the same all day. Addition commutes,
 * so the tally does not depend on the order responses arrive in (tested against a fresh count of the same set).
 */
export function tally(t: TalkTally, instrument: Instrument, input: TallyInput): void {
  const typeIds = instrument.types.map((ty) => ty.id);
  const lead = leadingType(input.label);
  const column = lead === null ? typeIds.length : typeIds.indexOf(lead);
  for (const [question, option] of Object.entries(input.response.context)) {
    const row = t.context[question]?.[option];
    if (row && column >= 0) row[column] = row[column]! + 1;
  }
  for (const answer of input.response.answers) {
    const row = t.firsts[answer.item];
    const first = typeIds.indexOf(answerOrder(answer)[0]!);
    if (row && first >= 0) row[first] = row[first]! + 1;
  }
  const hour = String(Math.floor(input.receivedAt / HOUR_MS) * HOUR_MS);
  t.hours[hour] = (t.hours[hour] ?? 0) + 1;
}

const HOUR_MS = 3_600_000;

const count = z.number().int().nonnegative();
/** A group on the projector: its size and its counts, or absent when it is smaller than the threshold. */
const groupSchema = z.object({ size: count, counts: z.array(count) });
export type TalkGroup = z.infer<typeof groupSchema>;

export const talkCountsSchema = z.object({
  /** The threshold these counts were cut to. */
  threshold: z.number().int().positive(),
  /** Question id → option id → group; options under the threshold are left out. */
  context: z.record(z.string(), z.record(z.string(), groupSchema)),
  /**
   * Question id → options of at least the threshold that are left out all the same, so that the groups not shown and
   * those who skipped the question make, together, nobody or at least the threshold (docs/adr/0004).
   */
  withheld: z.record(z.string(), z.array(z.string())),
  /** The situation whose first choices were most evenly divided, with those choices; null under the threshold. */
  split: z.object({ item: z.string(), size: count, counts: z.array(count) }).nullable(),
  /** Arrivals in spans of whole hours (ms), each span holding at least the threshold; empty under it. */
  arrivals: z.array(z.object({ from: z.number(), to: z.number(), count })),
});
export type TalkCounts = z.infer<typeof talkCountsSchema>;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** How evenly counts are divided: Shannon entropy over log(k), 1 for an even split, 0 when everyone agrees. */
export function evenness(counts: readonly number[]): number {
  const total = sum(counts);
  if (total === 0 || counts.length < 2) return 0;
  const h = counts.reduce((acc, c) => (c > 0 ? acc - (c / total) * Math.log(c / total) : acc), 0);
  return h / Math.log(counts.length);
}

/** The item whose first choices were most evenly divided (the first in instrument order on a tie), or null. */
export function mostDividedItem(firsts: Record<string, number[]>, order: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const id of order) {
    const counts = firsts[id];
    if (!counts || sum(counts) === 0) continue;
    const score = evenness(counts);
    if (score > bestScore + 1e-12) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Hours merged into spans of at least `threshold` arrivals, in order: an hour with fewer joins the next one, and a
 * short tail joins the span before it. The spans add up to every arrival, or there are none (fewer than `threshold`).
 */
export function arrivalSpans(
  hours: Record<string, number>,
  threshold: number,
): { from: number; to: number; count: number }[] {
  const sorted = Object.entries(hours)
    .map(([k, c]) => [Number(k), c] as const)
    .filter(([, c]) => c > 0)
    .sort((a, b) => a[0] - b[0]);
  const spans: { from: number; to: number; count: number }[] = [];
  let open: { from: number; to: number; count: number } | null = null;
  for (const [from, c] of sorted) {
    open = open
      ? { from: open.from, to: from + HOUR_MS, count: open.count + c }
      : { from, to: from + HOUR_MS, count: c };
    if (open.count >= threshold) {
      spans.push(open);
      open = null;
    }
  }
  if (open) {
    const last = spans.pop();
    if (last) spans.push({ from: last.from, to: open.to, count: last.count + open.count });
  }
  return spans;
}

/**
 * One context question's groups as a projector may get them. Every projector also knows the day's count per leading
 * type (each crowd member's label), so whatever is not shown here follows as one block: the day minus the shown
 * groups, per leading type. That block (the options left out, with everyone who skipped the question) must therefore
 * be nobody or at least `threshold` people, like any shown group; a block of 1 to threshold − 1 would show a small
 * group's size and leading types (20 + 12 shown of 35: the other 3 all lead Verbinder). When it would be, the smallest
 * shown group joins it (`withheld`): one is enough, since it holds at least `threshold` itself. A day smaller than
 * the threshold shows no group, and the block is then the day itself, which the crowd shows anyway.
 */
export function contextGroups(
  options: Record<string, number[]>,
  population: number,
  threshold: number,
): { groups: Record<string, TalkGroup>; withheld: string[] } {
  const shown = Object.entries(options)
    .map(([id, counts]) => ({ id, counts, size: sum(counts) }))
    .filter((g) => g.size >= threshold);
  const rest = population - sum(shown.map((g) => g.size));
  const withheld: string[] = [];
  if (rest > 0 && rest < threshold && shown.length > 0) {
    const smallest = shown.reduce((a, b) => (b.size < a.size ? b : a));
    withheld.push(smallest.id);
    shown.splice(shown.indexOf(smallest), 1);
  }
  return {
    groups: Object.fromEntries(shown.map((g) => [g.id, { size: g.size, counts: [...g.counts] }])),
    withheld,
  };
}

/** The counts a projector may show: every group and span at least `threshold` strong. Pure; the tally is untouched. */
export function publicTalk(t: TalkTally, instrument: Pick<Instrument, 'items'>, threshold: number): TalkCounts {
  const population = sum(Object.values(t.hours));
  const context: TalkCounts['context'] = {};
  const withheld: TalkCounts['withheld'] = {};
  for (const [question, options] of Object.entries(t.context)) {
    const cut = contextGroups(options, population, threshold);
    context[question] = cut.groups;
    if (cut.withheld.length > 0) withheld[question] = cut.withheld;
  }
  const item = mostDividedItem(
    t.firsts,
    instrument.items.map((it) => it.id),
  );
  const firsts = item ? t.firsts[item]! : [];
  return {
    threshold,
    context,
    withheld,
    split: item && sum(firsts) >= threshold ? { item, size: sum(firsts), counts: [...firsts] } : null,
    arrivals: arrivalSpans(t.hours, threshold),
  };
}
