import { useMemo } from 'react';
import { create } from 'zustand';
import { aggregateMembers, MIN_CROWD_FOR_DISTRIBUTION, type Aggregate } from '../../core/aggregate';
import type { Instrument } from '../../core/instrument';
import type { CrowdMember } from '../../core/messages';
import type { Round } from '../../core/settings';
import type { ConnectionState } from '../common/hubClient';
import { addFigure, clearCrowd, createCrowdSim, prepareFor, WALK_SECONDS } from './crowdSim';
import { sceneSeconds } from './sceneClock';

/** Figures the scene is allocated for; one instanced mesh of this size, `count` set to the crowd. */
export const CROWD_CAPACITY = 20_000;
/** How long the replay of the day takes, in seconds. */
export const REPLAY_SECONDS = 20;

export const VIEWS = ['crowd', 'bars', 'casus', 'replay'] as const;
export type View = (typeof VIEWS)[number];

/** Per-frame numbers live here, outside React (STYLE.md principle 4). */
export const crowd = {
  sim: createCrowdSim(CROWD_CAPACITY),
  /** Bumped whenever figures changed, so the mesh uploads its attributes once. */
  version: 0,
  /** Scene time the replay started, or null. */
  replayFrom: null as number | null,
};

interface ProjectorState {
  instrument: Instrument | null;
  /** Everyone the hub told this screen about, in arrival order. */
  members: CrowdMember[];
  hubAggregate: Aggregate | null;
  round: Round | null;
  connection: ConnectionState;
  view: View;
  /** The distribution is hidden so the room can guess first. */
  hidden: boolean;
  /** The picture stands still while intake goes on; arrivals wait in `queued`. */
  frozen: boolean;
  queued: { aggregate: Aggregate; member: CrowdMember }[];
  /** Show only the current round instead of the whole day. */
  roundOnly: boolean;
  help: boolean;
  blank: boolean;
  welcome(instrument: Instrument, aggregate: Aggregate, members: readonly CrowdMember[], round: Round | null): void;
  arrive(aggregate: Aggregate, member: CrowdMember): void;
  setRound(round: Round | null): void;
  setConnection(state: ConnectionState): void;
  step(delta: 1 | -1): void;
  toggle(flag: 'hidden' | 'help' | 'blank' | 'roundOnly' | 'frozen'): void;
  reset(): void;
}

/** The members the picture shows under the current filter. */
export function visibleMembers(state: Pick<ProjectorState, 'members' | 'roundOnly' | 'round'>): CrowdMember[] {
  if (!state.roundOnly) return state.members;
  const id = state.round?.id;
  return id === undefined ? [] : state.members.filter((m) => m.round === id);
}

/** The totals under the current filter: the hub's for the whole day, recomputed from members for a round. */
export function shownAggregate(
  state: Pick<ProjectorState, 'members' | 'roundOnly' | 'round' | 'hubAggregate' | 'instrument'>,
): Aggregate | null {
  if (!state.instrument || !state.hubAggregate) return null;
  if (!state.roundOnly) return state.hubAggregate;
  return aggregateMembers(
    visibleMembers(state),
    state.instrument.types.map((t) => t.id),
  );
}

/** Puts the members in the scene; `replay` makes them walk in one after another over REPLAY_SECONDS. */
function rebuildCrowd(instrument: Instrument, members: readonly CrowdMember[], replay: boolean): void {
  const colors = instrument.types.map((t) => t.color);
  const now = sceneSeconds();
  clearCrowd(crowd.sim);
  prepareFor(crowd.sim, members.length);
  const step = members.length > 0 ? REPLAY_SECONDS / members.length : 0;
  members.forEach((m, i) => addFigure(crowd.sim, m.shares, colors, replay ? now + i * step : now - WALK_SECONDS));
  crowd.replayFrom = replay ? now : null;
  crowd.version += 1;
}

const initial = {
  instrument: null,
  members: [],
  hubAggregate: null,
  round: null,
  connection: 'connecting' as ConnectionState,
  view: 'crowd' as View,
  hidden: false,
  frozen: false,
  queued: [],
  roundOnly: false,
  help: false,
  blank: false,
};

export const useProjector = create<ProjectorState>()((set, get) => ({
  ...initial,
  welcome: (instrument, aggregate, members, round) => {
    set({ instrument, hubAggregate: aggregate, members: [...members], round, queued: [] });
    rebuildCrowd(instrument, visibleMembers(get()), false);
  },
  arrive: (aggregate, member) => {
    const { instrument, frozen } = get();
    if (!instrument) return;
    if (frozen) {
      set({ queued: [...get().queued, { aggregate, member }] });
      return;
    }
    set({ hubAggregate: aggregate, members: [...get().members, member] });
    if (visibleMembers({ ...get(), members: [member] }).length === 1) {
      addFigure(
        crowd.sim,
        member.shares,
        instrument.types.map((t) => t.color),
        sceneSeconds(),
      );
      crowd.version += 1;
    }
  },
  setRound: (round) => {
    set({ round });
    const { instrument, roundOnly } = get();
    if (instrument && roundOnly) rebuildCrowd(instrument, visibleMembers(get()), false);
  },
  setConnection: (connection) => set({ connection }),
  step: (delta) => {
    const { view, instrument } = get();
    const next = VIEWS[(VIEWS.indexOf(view) + delta + VIEWS.length) % VIEWS.length]!;
    set({ view: next });
    if (instrument && (next === 'replay' || view === 'replay'))
      rebuildCrowd(instrument, visibleMembers(get()), next === 'replay');
  },
  toggle: (flag) => {
    set({ [flag]: !get()[flag] } as Partial<ProjectorState>);
    const state = get();
    if (flag === 'frozen' && !state.frozen) {
      const queued = state.queued;
      set({ queued: [] });
      for (const { aggregate, member } of queued) get().arrive(aggregate, member);
    }
    if (flag === 'roundOnly' && state.instrument)
      rebuildCrowd(state.instrument, visibleMembers(state), state.view === 'replay');
  },
  reset: () => {
    clearCrowd(crowd.sim);
    crowd.version += 1;
    set(initial);
  },
}));

/** The aggregate under the current filter, recomputed only when its inputs change. */
export function useShownAggregate(): Aggregate | null {
  const members = useProjector((s) => s.members);
  const roundOnly = useProjector((s) => s.roundOnly);
  const round = useProjector((s) => s.round);
  const hubAggregate = useProjector((s) => s.hubAggregate);
  const instrument = useProjector((s) => s.instrument);
  return useMemo(
    () => shownAggregate({ members, roundOnly, round, hubAggregate, instrument }),
    [members, roundOnly, round, hubAggregate, instrument],
  );
}

/**
 * What every view of the distribution reads: the instrument, the totals under the current filter, and whether the
 * numbers may show (not hidden by the presenter, and a crowd large enough not to single anyone out).
 */
export function useDistribution(): { instrument: Instrument; aggregate: Aggregate; show: boolean } | null {
  const instrument = useProjector((s) => s.instrument);
  const hidden = useProjector((s) => s.hidden);
  const aggregate = useShownAggregate();
  if (!instrument || !aggregate) return null;
  return { instrument, aggregate, show: !hidden && aggregate.total >= MIN_CROWD_FOR_DISTRIBUTION };
}
