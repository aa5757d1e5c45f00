import { create } from 'zustand';
import {
  addMember,
  aggregateMembers,
  emptyAggregate,
  MIN_CROWD_FOR_DISTRIBUTION,
  type Aggregate,
} from '../../core/aggregate';
import type { Instrument } from '../../core/instrument';
import type { CrowdMember } from '../../core/messages';
import { DEFAULT_SETTINGS, type Round, type Settings } from '../../core/settings';
import type { TalkCounts } from '../../core/talkCounts';
import type { ConnectionState } from '../common/connectionState';
import { addFigure, clearCrowd, createCrowdSim, prepareFor, WALK_SECONDS } from './crowdSim';
import { advanceReplay, arriveDuringReplay, REPLAY_SECONDS, replayStart, walkedAt, type ReplayMoment } from './replay';
import { sceneSeconds } from './sceneClock';
import { VIEWS, WHOLE_DAY_VIEWS, type View } from './talkViews';

export { REPLAY_SECONDS };

/** Figures the scene is allocated for; one instanced mesh of this size, `count` set to the crowd. */
export const CROWD_CAPACITY = 20_000;

export { VIEWS, type View } from './talkViews';

/**
 * What grows with the day lives here, outside React (docs/CONTRIBUTING.md, "State"): the figures as typed arrays, and
 * the members in one array that grows in place, so an arrival copies nothing and re-renders only what shows it.
 */
export const crowd = {
  sim: createCrowdSim(CROWD_CAPACITY),
  /** Bumped whenever figures changed, so the mesh uploads its attributes once. */
  version: 0,
  /** Everyone the hub told this screen about, in arrival order. */
  members: [] as CrowdMember[],
  /** Arrivals held back while the picture is frozen. */
  queued: [] as { aggregate: Aggregate; member: CrowdMember }[],
  /** The members the running replay walks in, in order, and when it started. */
  replay: null as { members: readonly CrowdMember[]; from: number } | null,
};

interface ProjectorState {
  instrument: Instrument | null;
  hubAggregate: Aggregate | null;
  round: Round | null;
  /** The current round's members added up as they arrive, so the round filter costs nothing per arrival. */
  roundAggregate: Aggregate | null;
  /** Any simulated visitor among the members. */
  rehearsal: boolean;
  /** Where the replay stands while it runs; null otherwise. */
  replay: ReplayMoment | null;
  connection: ConnectionState;
  /** The threshold and the event's time zone, from the console's settings. */
  settings: Pick<Settings, 'suppressBelow' | 'timeZone'>;
  /** The hub's group counts for the talk (whole day), already cut to the threshold. */
  talk: TalkCounts | null;
  /** The newest live arrival, ringed as it walks in: its figure and when it arrived (scene seconds). */
  newest: { index: number; at: number } | null;
  view: View;
  /** Which context question the context view shows. */
  contextIndex: number;
  /** The distribution is hidden so the room can guess first. */
  hidden: boolean;
  /** The picture stands still while intake goes on; arrivals wait in `crowd.queued`. */
  frozen: boolean;
  queuedCount: number;
  /** Show only the current round instead of the whole day. */
  roundOnly: boolean;
  help: boolean;
  blank: boolean;
  welcome(
    instrument: Instrument,
    aggregate: Aggregate,
    members: readonly CrowdMember[],
    round: Round | null,
    settings?: Settings,
  ): void;
  setTalk(talk: TalkCounts): void;
  setSettings(settings: Settings): void;
  arrive(aggregate: Aggregate, member: CrowdMember): void;
  setRound(round: Round | null): void;
  setConnection(state: ConnectionState): void;
  step(delta: 1 | -1): void;
  toggle(flag: 'hidden' | 'help' | 'blank' | 'roundOnly' | 'frozen'): void;
  reset(): void;
}

type Filter = Pick<ProjectorState, 'roundOnly' | 'round'>;

const isShown = (state: Filter, member: CrowdMember): boolean =>
  !state.roundOnly || (state.round !== null && member.round === state.round.id);

/** The members the picture shows under the current filter. */
export function visibleMembers(state: Filter): CrowdMember[] {
  return state.roundOnly ? crowd.members.filter((m) => isShown(state, m)) : crowd.members;
}

/**
 * The totals on screen: the replay's moment while it runs, else the hub's for the day or the round's (not in a view
 * that counts the whole day only, whose counter must tell the same crowd as its bars).
 */
export function shownAggregate(
  state: Pick<ProjectorState, 'instrument' | 'hubAggregate' | 'roundOnly' | 'roundAggregate' | 'replay' | 'view'>,
): Aggregate | null {
  if (!state.instrument || !state.hubAggregate) return null;
  if (state.replay) return state.replay.aggregate;
  return state.roundOnly && !WHOLE_DAY_VIEWS.has(state.view) ? state.roundAggregate : state.hubAggregate;
}

const typeIdsOf = (instrument: Instrument): string[] => instrument.types.map((t) => t.id);

function aggregateOfRound(instrument: Instrument, round: Round | null): Aggregate {
  if (!round) return emptyAggregate(instrument.types.length);
  return aggregateMembers(
    crowd.members.filter((m) => m.round === round.id),
    typeIdsOf(instrument),
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
  // A copy: members who arrive during the replay walk in at once and must not count twice.
  crowd.replay = replay ? { members: [...members], from: now } : null;
  crowd.version += 1;
}

/** How often the replay's numbers follow its figures. */
const REPLAY_TICK_MS = 250;
let replayTimer: ReturnType<typeof setInterval> | undefined;

const initial = {
  instrument: null,
  hubAggregate: null,
  round: null,
  roundAggregate: null,
  rehearsal: false,
  replay: null,
  connection: 'connecting' as ConnectionState,
  settings: { suppressBelow: DEFAULT_SETTINGS.suppressBelow, timeZone: DEFAULT_SETTINGS.timeZone },
  talk: null as TalkCounts | null,
  newest: null as { index: number; at: number } | null,
  view: 'crowd' as View,
  contextIndex: 0,
  hidden: false,
  frozen: false,
  queuedCount: 0,
  roundOnly: false,
  help: false,
  blank: false,
};

export const useProjector = create<ProjectorState>()((set, get) => {
  const stopReplay = (): void => {
    clearInterval(replayTimer);
    replayTimer = undefined;
    crowd.replay = null;
    if (get().replay) set({ replay: null });
  };
  const followReplay = (): void => {
    const { replay, instrument } = get();
    const run = crowd.replay;
    if (!replay || !run || !instrument) return stopReplay();
    const walked = walkedAt(sceneSeconds() - run.from, run.members.length);
    if (walked >= run.members.length) return stopReplay();
    if (walked > replay.walked) set({ replay: advanceReplay(replay, run.members, walked, typeIdsOf(instrument)) });
  };
  /** Lays out the crowd again; in the replay view the day walks in anew and the numbers follow. */
  const restage = (instrument: Instrument, replay: boolean): void => {
    stopReplay();
    const members = visibleMembers(get());
    rebuildCrowd(instrument, members, replay);
    if (!replay || members.length === 0) return;
    set({ replay: replayStart(members.length, instrument.types.length) });
    followReplay();
    replayTimer = setInterval(followReplay, REPLAY_TICK_MS);
  };

  return {
    ...initial,
    welcome: (instrument, aggregate, members, round, settings) => {
      crowd.members = [...members];
      crowd.queued = [];
      if (settings) get().setSettings(settings);
      set({
        newest: null,
        instrument,
        hubAggregate: aggregate,
        round,
        roundAggregate: aggregateOfRound(instrument, round),
        rehearsal: members.some((m) => m.rehearsal),
        queuedCount: 0,
      });
      restage(instrument, false);
    },
    arrive: (aggregate, member) => {
      const state = get();
      const { instrument } = state;
      if (!instrument) return;
      if (state.frozen) {
        crowd.queued.push({ aggregate, member });
        set({ queuedCount: crowd.queued.length });
        return;
      }
      crowd.members.push(member);
      const typeIds = typeIdsOf(instrument);
      const inRound = state.round !== null && member.round === state.round.id;
      const shown = isShown(state, member);
      const now = sceneSeconds();
      const index = shown
        ? addFigure(
            crowd.sim,
            member.shares,
            instrument.types.map((t) => t.color),
            now,
          )
        : -1;
      if (index >= 0) crowd.version += 1;
      set({
        ...(index >= 0 && { newest: { index, at: now } }),
        hubAggregate: aggregate,
        ...(inRound && {
          roundAggregate: addMember(state.roundAggregate ?? emptyAggregate(typeIds.length), member, typeIds),
        }),
        ...(member.rehearsal && !state.rehearsal && { rehearsal: true }),
        ...(shown && state.replay && { replay: arriveDuringReplay(state.replay, member, typeIds) }),
      });
    },
    setTalk: (talk) => set({ talk }),
    setSettings: ({ suppressBelow, timeZone }) => set({ settings: { suppressBelow, timeZone } }),
    setRound: (round) => {
      const { instrument, roundOnly, view } = get();
      set({ round, roundAggregate: instrument ? aggregateOfRound(instrument, round) : null });
      if (instrument && roundOnly) restage(instrument, view === 'replay');
    },
    setConnection: (connection) => set({ connection }),
    step: (delta) => {
      const { view, instrument, contextIndex } = get();
      const questions = instrument?.context.length ?? 0;
      // The context view shows one question at a time: the next key goes to the next question first.
      if (view === 'context' && contextIndex + delta >= 0 && contextIndex + delta < questions) {
        set({ contextIndex: contextIndex + delta });
        return;
      }
      const views = VIEWS.filter((v) => v !== 'context' || questions > 0);
      const next = views[(views.indexOf(view) + delta + views.length) % views.length]!;
      set({ view: next, contextIndex: delta === 1 ? 0 : Math.max(0, questions - 1), newest: null });
      if (instrument && (next === 'replay' || view === 'replay')) restage(instrument, next === 'replay');
    },
    toggle: (flag) => {
      set({ [flag]: !get()[flag] } as Partial<ProjectorState>);
      const state = get();
      if (flag === 'frozen' && !state.frozen) {
        const queued = crowd.queued;
        crowd.queued = [];
        set({ queuedCount: 0 });
        for (const { aggregate, member } of queued) get().arrive(aggregate, member);
      }
      if (flag === 'roundOnly' && state.instrument) set({ newest: null });
      if (flag === 'roundOnly' && state.instrument) restage(state.instrument, state.view === 'replay');
    },
    reset: () => {
      stopReplay();
      clearCrowd(crowd.sim);
      crowd.members = [];
      crowd.queued = [];
      crowd.version += 1;
      set(initial);
    },
  };
});

/** The aggregate under the current filter (the replay's moment while it runs). */
export function useShownAggregate(): Aggregate | null {
  return useProjector(shownAggregate);
}

/** Whether the figures may show: not hidden, and a crowd large enough not to single anyone out. */
export function crowdShows(state: Parameters<typeof shownAggregate>[0] & Pick<ProjectorState, 'hidden'>): boolean {
  return !state.hidden && (shownAggregate(state)?.total ?? 0) >= MIN_CROWD_FOR_DISTRIBUTION;
}

/**
 * What every view of the distribution reads: the instrument, the totals under the current filter, and whether the
 * numbers may show (not hidden by the presenter, and a crowd large enough not to single anyone out).
 */
export function useDistribution(): { instrument: Instrument; aggregate: Aggregate; show: boolean } | null {
  const instrument = useProjector((s) => s.instrument);
  const show = useProjector(crowdShows);
  const aggregate = useShownAggregate();
  if (!instrument || !aggregate) return null;
  return { instrument, aggregate, show };
}
