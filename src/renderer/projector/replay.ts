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
