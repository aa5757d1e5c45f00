import { addMember, emptyAggregate, type Aggregate } from '../../core/aggregate';
import type { CrowdMember } from '../../core/messages';

/** How long the replay of the day takes, in seconds. */
export const REPLAY_SECONDS = 20;

/**
 * Where the replay of the day stands: how many figures have walked in so far, of how many, and their totals. The
 * numbers on screen read this while the replay runs, so they tell the same moment as the figures.
 */
export interface ReplayMoment {
  walked: number;
  total: number;
  aggregate: Aggregate;
}

/** The moment before the first figure walks in. */
export function replayStart(total: number, types: number): ReplayMoment {
  return { walked: 0, total, aggregate: emptyAggregate(types) };
}

/** How many of `count` figures have started their walk `elapsed` seconds into the replay (figure i at i/count). */
export function walkedAt(elapsed: number, count: number): number {
  if (elapsed < 0) return 0;
  return Math.min(count, Math.floor((elapsed / REPLAY_SECONDS) * count) + 1);
}

/** Adds the members from `moment.walked` up to `walked`: each member is added once over the whole replay. */
export function advanceReplay(
  moment: ReplayMoment,
  members: readonly CrowdMember[],
  walked: number,
  typeIds: readonly string[],
): ReplayMoment {
  let aggregate = moment.aggregate;
  for (let i = moment.walked; i < walked; i++) aggregate = addMember(aggregate, members[i]!, typeIds);
  return { ...moment, walked, aggregate };
}

/** A member who arrives live while the replay runs walks in at once and counts at once. */
export function arriveDuringReplay(
  moment: ReplayMoment,
  member: CrowdMember,
  typeIds: readonly string[],
): ReplayMoment {
  return { ...moment, total: moment.total + 1, aggregate: addMember(moment.aggregate, member, typeIds) };
}

/**
 * The event clock during the replay. Crowd members carry no time, so the clock comes from the hub's arrivals per span
 * of hours (each span at least the threshold): the `fraction` of the day's figures that walked in is placed on the
 * spans by their counts, and read linearly inside its span. An estimate to the span, never a visitor's own time;
 * null without spans (a day under the threshold).
 */
export function replayClock(
  spans: readonly { from: number; to: number; count: number }[],
  fraction: number,
): number | null {
  const total = spans.reduce((s, a) => s + a.count, 0);
  if (total === 0) return null;
  let left = Math.min(1, Math.max(0, fraction)) * total;
  for (const span of spans) {
    if (left <= span.count) return span.from + ((span.to - span.from) * left) / span.count;
    left -= span.count;
  }
  return spans.at(-1)!.to;
}
