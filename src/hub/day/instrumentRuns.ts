/**
 * The record of which instrument@version ran when, and of answers refused for one that did not; instrumentGate.ts
 * decides with it what may be stored.
 */
import type { Instrument } from '../../core/instrument';
import type { ResponseStore } from '../store/responseStore';

/** The settings key: instrument@version → when the hub last noted it running (ms), kept across restarts. */
export const RUNS_SETTING = 'instrument-runs';
/** The refused count's key for answers naming an instrument the hub does not have. */
export const UNKNOWN_INSTRUMENT = 'unknown';
/** How often the running instrument is noted again, so one that runs past midnight counts for the new day too. */
export const NOTE_RUNNING_MS = 60_000;

/** Which instrument@version the hub noted running, and when; answers refused since the start, per instrument. */
export interface InstrumentRuns {
  /** Notes `ref` as running at `now`; writes only when its last note is older than `midnight` (once a day). */
  note(ref: string, now: number, midnight: number): void;
  /** Whether `ref` was noted running at or after `since`. */
  ranSince(ref: string, since: number): boolean;
  /** Counts one answer refused for `ref` (an instrument@version, or UNKNOWN_INSTRUMENT). */
  refuse(ref: string): void;
  /** Answers refused since the hub started, per instrument@version. */
  refused(): ReadonlyMap<string, number>;
}

export const refOf = (instrument: Pick<Instrument, 'id' | 'version'>): string =>
  `${instrument.id}@${instrument.version}`;

/**
 * The record, read once from the settings and kept in memory. A note that cannot be written (a read-only database)
 * is logged and held in memory: the gate then works until a restart, and answers are not being stored anyway.
 */
export function createInstrumentRuns(store: ResponseStore, log: (line: string) => void): InstrumentRuns {
  const runs = new Map<string, number>(Object.entries(readRuns(store.getSetting(RUNS_SETTING))));
  const refused = new Map<string, number>();
  return {
    note: (ref, now, midnight) => {
      if ((runs.get(ref) ?? -Infinity) >= midnight) return;
      runs.set(ref, now);
      try {
        store.setSetting(RUNS_SETTING, JSON.stringify(Object.fromEntries(runs)));
      } catch (error) {
        log(`Could not note ${ref} as running today: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    ranSince: (ref, since) => (runs.get(ref) ?? -Infinity) >= since,
    refuse: (ref) => refused.set(ref, (refused.get(ref) ?? 0) + 1),
    refused: () => refused,
  };
}

function readRuns(saved: string | undefined): Record<string, number> {
  try {
    const value = JSON.parse(saved ?? '{}') as unknown;
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return {};
  }
}
