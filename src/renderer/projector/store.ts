import { create } from 'zustand';
import type { Aggregate } from '../../core/aggregate';
import type { Instrument } from '../../core/instrument';
import type { CrowdMember } from '../../core/messages';
import type { ConnectionState } from '../common/hubClient';
import { addFigure, clearCrowd, createCrowdSim, prepareFor, WALK_SECONDS } from './crowdSim';

/** Figures the scene is allocated for; one instanced mesh of this size, `count` set to the crowd. */
export const CROWD_CAPACITY = 20_000;

/** Per-frame numbers live here, outside React (STYLE.md principle 4). */
export const crowd = {
  sim: createCrowdSim(CROWD_CAPACITY),
  /** Bumped whenever figures were added, so the mesh uploads its attributes once. */
  version: 0,
  /** Seconds on the scene clock, kept in step by the Crowd layer. */
  clock: 0,
};

interface ProjectorState {
  instrument: Instrument | null;
  aggregate: Aggregate | null;
  connection: ConnectionState;
  /** The distribution is hidden so the room can guess first. */
  hidden: boolean;
  help: boolean;
  blank: boolean;
  welcome(instrument: Instrument, aggregate: Aggregate, members: readonly CrowdMember[]): void;
  arrive(aggregate: Aggregate, member: CrowdMember): void;
  setConnection(state: ConnectionState): void;
  toggleHidden(): void;
  toggleHelp(): void;
  toggleBlank(): void;
  reset(): void;
}

const initial = {
  instrument: null,
  aggregate: null,
  connection: 'connecting' as ConnectionState,
  hidden: false,
  help: false,
  blank: false,
};

export const useProjector = create<ProjectorState>()((set, get) => ({
  ...initial,
  welcome: (instrument, aggregate, members) => {
    const colors = instrument.types.map((t) => t.color);
    clearCrowd(crowd.sim);
    prepareFor(crowd.sim, members.length);
    // Who was there before this screen connected is already standing.
    for (const member of members) addFigure(crowd.sim, member.shares, colors, crowd.clock - WALK_SECONDS);
    crowd.version += 1;
    set({ instrument, aggregate });
  },
  arrive: (aggregate, member) => {
    const instrument = get().instrument;
    if (!instrument) return;
    addFigure(
      crowd.sim,
      member.shares,
      instrument.types.map((t) => t.color),
      crowd.clock,
    );
    crowd.version += 1;
    set({ aggregate });
  },
  setConnection: (connection) => set({ connection }),
  toggleHidden: () => set({ hidden: !get().hidden }),
  toggleHelp: () => set({ help: !get().help }),
  toggleBlank: () => set({ blank: !get().blank }),
  reset: () => {
    clearCrowd(crowd.sim);
    crowd.version += 1;
    set(initial);
  },
}));
