import { randomInt } from 'node:crypto';
import { findInstrument, type IdealType, type Instrument } from '../../core/instrument';
import { JOIN_CODE_ALPHABET } from '../../core/lan';
import {
  WORKSHOP_PAGE,
  WORKSHOP_PHASES,
  WORKSHOP_PARAM,
  type ParticipantState,
  type WorkshopPhase,
  type WorkshopScreen,
  type WorkshopSetup,
  type WorkshopSummary,
} from '../../core/workshop';
import { NOTHING_SHOWN, workshopScreen, type ShownState } from '../../core/workshopViews';
import type { Peer } from '../net/peer';
import type { WorkshopRow, WorkshopStore } from './workshopStore';

/** 8 characters of the join code's alphabet (40 bits), as the room code: typed or scanned off the shared screen. */
export const WORKSHOP_CODE_LENGTH = 8;
/** Close code for a participant's socket when its workshop is deleted. */
export const WORKSHOP_ENDED = 4004;

export function newWorkshopCode(): string {
  let code = '';
  for (let i = 0; i < WORKSHOP_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export function normalizeWorkshopCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== WORKSHOP_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** The shared screen's message: the workshop shown (null: none), its instrument's types and how to join. */
export interface ScreenNow {
  screen: WorkshopScreen | null;
  types: readonly IdealType[];
  join: { url: string | null; code: string } | null;
}

/** What the workshop room needs of the hub around it. */
export interface WorkshopDeps {
  store: WorkshopStore;
  instruments: readonly Instrument[];
  peers: ReadonlySet<Peer>;
  /** The participant page's address on the venue network, or null while network mode is off. */
  baseUrl(): string | null;
  sendScreen(now: ScreenNow): void;
  sendParticipant(peer: Peer, state: ParticipantState): void;
  now(): number;
}

/**
 * The workshops (docs/adr/0011-workshop-mode.md): made and deleted by the facilitator, stepped through their phases,
 * and shown on the shared screen one at a time. What the screen shows of each is kept per workshop, so its pictures
 * move only in steps (core/workshopViews.ts) for as long as the hub runs.
 */
export interface WorkshopRoom {
  readonly store: WorkshopStore;
  create(setup: WorkshopSetup): WorkshopRow | null;
  summaries(): WorkshopSummary[];
  byCode(code: string): WorkshopRow | null;
  get(id: string): WorkshopRow | null;
  instrumentOf(workshop: WorkshopRow): Instrument | null;
  setPhase(id: string, phase: WorkshopPhase): boolean;
  /** Moves a workshop one phase on (1) or back (-1), staying within the four; tells the screen and participants. */
  step(id: string, by: 1 | -1): void;
  /** Shows a workshop on the shared screen (null: back to the talk). */
  show(id: string | null): boolean;
  onScreen(): string | null;
  /** The screen of a workshop over all its participants now, without step memory (for the report). */
  reportScreen(id: string): WorkshopScreen | null;
  /** Sends the shared screen and every participant of `id` what changed. */
  changed(id: string): void;
  /** The shared screen's message for a projector that just said hello. */
  screenNow(): ScreenNow;
  stateOf(workshop: WorkshopRow, participant: string): ParticipantState;
  remove(id: string): { removed: boolean; walTruncated: boolean };
}

export function createWorkshopRoom(deps: WorkshopDeps): WorkshopRoom {
  const shown = new Map<string, ShownState>();
  let screenId: string | null = null;
  const { store } = deps;
  const instrumentOf = (w: WorkshopRow): Instrument | null => workshopInstrument(deps.instruments, w);
  const screenNow = (): ScreenNow => {
    const w = screenId ? store.get(screenId) : null;
    const next = w ? screenOf(store, instrumentOf(w), w, shown.get(w.id) ?? NOTHING_SHOWN) : null;
    if (!w || !next) return { screen: null, types: [], join: null };
    shown.set(w.id, next.shown);
    const url = summaryOf(store, w, deps.baseUrl(), screenId).url;
    return { screen: next.screen, types: instrumentOf(w)!.types, join: { url, code: w.code } };
  };
  const stateOf = (w: WorkshopRow, participant: string): ParticipantState => participantStateOf(store, w, participant);
  /** Sends the screen (when it shows `id`, or showed it) and each of the workshop's participants what changed. */
  const announce = (id: string): void => {
    const w = store.get(id);
    if (screenId === id || !w) {
      deps.sendScreen(screenNow());
    }
    if (!w) return;
    for (const peer of deps.peers)
      if (peer.workshop === id && peer.participant && peer.role === 'participant')
        deps.sendParticipant(peer, stateOf(w, store.participantKey(id, peer.participant)));
  };
  return {
    store,
    create: (setup) => createWorkshop(deps, setup),
    summaries: () => store.list().map((w) => summaryOf(store, w, deps.baseUrl(), screenId)),
    byCode: (code) => store.list().find((w) => w.code === code) ?? null,
    get: store.get,
    instrumentOf,
    setPhase: (id, phase) => store.get(id) !== null && (store.setPhase(id, phase), true),
    show: (id) => {
      if (id !== null && !store.get(id)) return false;
      screenId = id;
      deps.sendScreen(screenNow());
      return true;
    },
    onScreen: () => screenId,
    reportScreen: (id) => {
      const w = store.get(id);
      return w ? (screenOf(store, instrumentOf(w), w, NOTHING_SHOWN)?.screen ?? null) : null;
    },
    changed: announce,
    step: (id, by) => {
      stepPhase(store, id, by);
      announce(id);
    },
    screenNow,
    stateOf,
    remove: (id) => {
      const result = store.remove(id);
      shown.delete(id);
      if (screenId === id) screenId = null;
      announce(id);
      for (const peer of deps.peers) if (peer.workshop === id) peer.socket.close(WORKSHOP_ENDED, 'workshop deleted');
      return result;
    },
  };
}

/** One phase on or back, never past the first or the last. */
function stepPhase(store: WorkshopStore, id: string, by: 1 | -1): void {
  const w = store.get(id);
  const next = w ? WORKSHOP_PHASES[WORKSHOP_PHASES.indexOf(w.phase) + by] : undefined;
  if (next) store.setPhase(id, next);
}

/** A new workshop on the newest version of its instrument, with a fresh code; null for an unknown instrument. */
function createWorkshop(deps: WorkshopDeps, setup: WorkshopSetup): WorkshopRow | null {
  const instrument = findInstrument(deps.instruments, setup.instrument);
  return instrument ? deps.store.create(setup, instrument, newWorkshopCode(), deps.now()) : null;
}

/** The version of the instrument a workshop runs (it keeps the one that was newest when it was made). */
const workshopInstrument = (instruments: readonly Instrument[], w: WorkshopRow): Instrument | null =>
  findInstrument(instruments, `${w.instrumentId}@${w.instrumentVersion}`) ?? null;

/** The shared screen of a workshop from what it showed last; null when its instrument is not loaded. */
function screenOf(
  store: WorkshopStore,
  instrument: Instrument | null,
  w: WorkshopRow,
  memory: ShownState,
): { screen: WorkshopScreen; shown: ShownState } | null {
  return instrument ? workshopScreen(w, instrument.types, store.participants(w.id), memory) : null;
}

/** What a participant's page knows: their own rows and the workshop's phase. */
function participantStateOf(store: WorkshopStore, w: WorkshopRow, participant: string): ParticipantState {
  const row = store.participant(w.id, participant);
  return {
    workshop: { name: w.name, date: w.date, phase: w.phase, nicknames: w.nicknames, closed: w.closed },
    answered: row?.answered ?? false,
    nickname: row?.nickname ?? null,
    case: row?.case ?? null,
    commitment: row?.commitment ?? null,
  };
}

/** A workshop as the console lists it: counts only, never what anyone gave. */
function summaryOf(
  store: WorkshopStore,
  w: WorkshopRow,
  base: string | null,
  screenId: string | null,
): WorkshopSummary {
  const people = store.participants(w.id);
  return {
    id: w.id,
    name: w.name,
    date: w.date,
    instrument: `${w.instrumentId}@${w.instrumentVersion}`,
    phase: w.phase,
    code: w.code,
    url: base ? `${base}/${WORKSHOP_PAGE}/?${WORKSHOP_PARAM}=${w.code}` : null,
    nicknames: w.nicknames,
    countInCrowd: w.countInCrowd,
    joined: people.length,
    answered: people.filter((p) => p.shares !== null).length,
    onScreen: screenId === w.id,
    closed: w.closed,
  };
}
