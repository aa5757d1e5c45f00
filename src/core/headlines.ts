import type { Aggregate } from './aggregate';
import type { TalkCounts, TalkGroup } from './talkCounts';

/**
 * The finding of each projector view in one sentence, decided from the data. The wording lives in the locales; this
 * module only decides what may be claimed. Two rules hold for every claim:
 *
 * - **Nothing below the threshold.** With fewer participants than the suppression threshold (settings.suppressBelow,
 *   and never fewer than the projector's own minimum), or a group smaller than it, there is no headline at all.
 * - **No difference within noise.** A difference between two shares is claimed only when it is at least
 *   max(5 percentage points, 2 standard errors) of that difference for a crowd of this size. Two standard errors is
 *   the usual 95 % band; the 5-point floor keeps a large crowd from hearing "more" about a difference nobody in the
 *   room would call one. Below both it is "about the same".
 */
export const MIN_CLAIMED_DIFFERENCE = 0.05;
export const NOISE_FACTOR = 2;

/** Whether `diff` is a difference worth saying, given its standard error. */
export function noticeable(diff: number, standardError: number): boolean {
  return Math.abs(diff) >= Math.max(MIN_CLAIMED_DIFFERENCE, NOISE_FACTOR * standardError) - 1e-12;
}

/** A type index, or `'balanced'` for the mixes without a leading type. */
export type Category = number | 'balanced';

export type Headline =
  /** One category clearly ahead of the next: "Vandaag vooral Verbinders (43%)". */
  | { kind: 'leads'; category: Category; share: number }
  /** The two largest within noise of each other: "Verbinders en Bureaucraten houden elkaar in evenwicht". */
  | { kind: 'close'; categories: [Category, Category] }
  /** "We zijn meer Verbinder dan ons werk vraagt" (diff > 0) or "Ons werk vraagt meer Ondernemer dan we zijn". */
  | { kind: 'gap'; type: number; diff: number }
  /** Every type's gap within noise: "Wie we zijn past bij wat ons werk vraagt". */
  | { kind: 'fits' }
  /** One group differs from everyone else: "Bij Waterschap meer Bureaucraten (60%) dan bij de rest (30%)". */
  | { kind: 'group-differs'; option: string; category: Category; share: number; rest: number }
  /** Every shown group within noise of the rest: "Elke groep lijkt op de rest". */
  | { kind: 'groups-alike' }
  /** The most divided situation, no choice clearly ahead: "Bij Het terras was de zaal verdeeld". */
  | { kind: 'divided'; item: string }
  /** Even the most divided situation had a clear first choice: "Zelfs bij Het terras koos 48% eerst Verbinder". */
  | { kind: 'leans'; item: string; type: number; share: number }
  /** One span of the day clearly the busiest: "Het drukst was het tussen 11:00 en 12:00 (38)". */
  | { kind: 'busiest'; from: number; to: number; count: number }
  /** No span clearly busier than the next: "De deelnemers kwamen de hele dag door". */
  | { kind: 'steady' };

const categoryAt = (i: number, types: number): Category => (i === types ? 'balanced' : i);

/** The two largest entries (index and count), the first on a tie. */
function topTwo(counts: readonly number[]): [number, number] {
  let first = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[first]!) first = i;
  let second = first === 0 ? 1 : 0;
  for (let i = 0; i < counts.length; i++) if (i !== first && counts[i]! > counts[second]!) second = i;
  return [first, second];
}

/**
 * Which of two categories of one multinomial sample leads: standard error of p1 − p2 is
 * sqrt((p1 + p2 − (p1 − p2)²) / n).
 */
function leadOf(counts: readonly number[], n: number, types: number): Headline {
  const [a, b] = topTwo(counts);
  const pa = counts[a]! / n;
  const pb = counts[b]! / n;
  const se = Math.sqrt(Math.max(0, pa + pb - (pa - pb) ** 2) / n);
  return noticeable(pa - pb, se)
    ? { kind: 'leads', category: categoryAt(a, types), share: pa }
    : { kind: 'close', categories: [categoryAt(a, types), categoryAt(b, types)] };
}

/** The smallest crowd a headline speaks about. */
const floor = (threshold: number, minimum: number): number => Math.max(threshold, minimum);

/** The crowd and the bars: which leading type (or balanced) the crowd has most of. */
export function leadingHeadline(aggregate: Aggregate, threshold: number, minimum = 5): Headline | null {
  if (aggregate.total < floor(threshold, minimum)) return null;
  return leadOf([...aggregate.leading, aggregate.balanced], aggregate.total, aggregate.leading.length);
}

/**
 * Who we are versus what our work asks, per type: the crowd's mean share against the share of casus answers. The
 * standard error treats the two as independent and bounds a mean share's variance by p(1 − p) (its largest for a
 * value in [0, 1]), so it errs towards "about the same". The largest noticeable gap is the headline.
 */
export function gapHeadline(aggregate: Aggregate, threshold: number, minimum = 5): Headline | null {
  const n = aggregate.total;
  if (n < floor(threshold, minimum)) return null;
  let best: Headline = { kind: 'fits' };
  let bestSize = 0;
  aggregate.shareSums.forEach((sum, i) => {
    const who = sum / n;
    const asks = (aggregate.casus[i] ?? 0) / n;
    const diff = who - asks;
    const se = Math.sqrt((who * (1 - who) + asks * (1 - asks)) / n);
    if (noticeable(diff, se) && Math.abs(diff) > bestSize) {
      best = { kind: 'gap', type: i, diff };
      bestSize = Math.abs(diff);
    }
  });
  return best;
}

/** Per type, the gap between who we are and what our work asks, and whether it is more than noise. */
export function gaps(aggregate: Aggregate): { who: number; asks: number; diff: number; claimed: boolean }[] {
  const n = aggregate.total;
  return aggregate.shareSums.map((sum, i) => {
    const who = n ? sum / n : 0;
    const asks = n ? (aggregate.casus[i] ?? 0) / n : 0;
    const se = n ? Math.sqrt((who * (1 - who) + asks * (1 - asks)) / n) : Infinity;
    return { who, asks, diff: who - asks, claimed: n > 0 && noticeable(who - asks, se) };
  });
}

/**
 * One context question: each shown group against everyone else in the crowd (the day's leading counts less the
 * group), by two-sample standard error. The largest noticeable difference is the headline.
 */
export function groupHeadline(
  groups: Record<string, TalkGroup>,
  aggregate: Aggregate,
  threshold: number,
): Headline | null {
  const shown = Object.entries(groups).filter(([, g]) => g.size >= threshold);
  if (shown.length === 0) return null;
  const whole = [...aggregate.leading, aggregate.balanced];
  const types = aggregate.leading.length;
  let best: Headline = { kind: 'groups-alike' };
  let bestSize = 0;
  for (const [option, group] of shown) {
    const restSize = aggregate.total - group.size;
    if (restSize < threshold) continue;
    group.counts.forEach((count, c) => {
      const p = count / group.size;
      const q = Math.max(0, (whole[c] ?? 0) - count) / restSize;
      const se = Math.sqrt((p * (1 - p)) / group.size + (q * (1 - q)) / restSize);
      if (noticeable(p - q, se) && Math.abs(p - q) > bestSize) {
        best = { kind: 'group-differs', option, category: categoryAt(c, types), share: p, rest: q };
        bestSize = Math.abs(p - q);
      }
    });
  }
  return best;
}

/** The situation that split the room most: divided, or leaning after all. */
export function splitHeadline(split: TalkCounts['split'], threshold: number): Headline | null {
  if (!split || split.size < threshold) return null;
  const lead = leadOf(split.counts, split.size, split.counts.length);
  return lead.kind === 'leads' && typeof lead.category === 'number'
    ? { kind: 'leans', item: split.item, type: lead.category, share: lead.share }
    : { kind: 'divided', item: split.item };
}

/**
 * The busiest span of the day, claimed only when it beats the next by more than counting noise: arrivals per span
 * are Poisson, so the difference of two counts has a standard error of sqrt(c1 + c2), compared here as a share of
 * all arrivals.
 */
export function dayHeadline(arrivals: TalkCounts['arrivals'], threshold: number): Headline | null {
  const total = arrivals.reduce((s, a) => s + a.count, 0);
  if (total < threshold || arrivals.length === 0) return null;
  if (arrivals.length === 1) return { kind: 'steady' };
  const [a, b] = topTwo(arrivals.map((s) => s.count));
  const ca = arrivals[a]!.count;
  const cb = arrivals[b]!.count;
  const span = arrivals[a]!;
  return noticeable((ca - cb) / total, Math.sqrt(ca + cb) / total)
    ? { kind: 'busiest', from: span.from, to: span.to, count: ca }
    : { kind: 'steady' };
}
