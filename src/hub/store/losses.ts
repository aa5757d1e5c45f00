/**
 * What the hub knows about losses while it runs: the records in the data folder (lossLedger.ts) and the stretch of
 * failing writes going on now. A failed commit turns `/healthz` and the console red at once and is recorded with the
 * ids of the real answers it refused; the first commit that succeeds again turns them green.
 */
import type { LossRecord } from '../../core/losses';
import { archiveLosses, MAX_REFUSED_IDS, publicLosses, readLosses, writeLosses, type StoredLoss } from './lossLedger';

/** Writes failing now: since when, and how many tries failed since. */
export interface WriteState {
  failing: boolean;
  since: number | null;
  failed: number;
}

export interface Losses {
  /** A commit failed; `items` are the answers it held (rehearsal ones make the hub red but are no loss). */
  failed(items: readonly { id: string; real: boolean }[], error: unknown, now?: number): void;
  /** A commit succeeded: a stretch of failures is over. */
  committed(now?: number): void;
  state(): WriteState;
  /** The records as the console and exports show them; `has` says whether an answer is in the database now. */
  list(has: (id: string) => boolean): LossRecord[];
  /** Moves the record beside an archive (at `path`) and starts an empty one; false when there was none. */
  archiveTo(path: string): boolean;
}

/**
 * Failures this close to the last one continue its record: a nearly full disk lets a small write through now and
 * then, and the organiser should read one stretch, not one record per success in between.
 */
export const STRETCH_GAP_MS = 5 * 60_000;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** The record of one stretch of failing writes, and the ids it refused (each counted once). */
interface Stretch {
  record: StoredLoss;
  ids: Set<string>;
}

function newStretch(at: number, reason: string): Stretch {
  const record: StoredLoss = {
    ...{ at, kind: 'write-failed', lost: null, expected: null, found: null, keptAs: null },
    ...{ until: at, refused: 0, reason, ids: [] },
  };
  return { record, ids: new Set() };
}

function refuse(stretch: Stretch, id: string, at: number): void {
  stretch.record.until = at;
  if (stretch.ids.has(id)) return;
  stretch.record.refused += 1;
  if (stretch.ids.size >= MAX_REFUSED_IDS) return;
  stretch.ids.add(id);
  stretch.record.ids!.push(id);
}

export function createLosses(dataDir: string, log: (line: string) => void): Losses {
  let records: StoredLoss[] = readLosses(dataDir);
  let failing: { since: number; failed: number } | null = null;
  let stretch: Stretch | null = null;
  let unsaved = false;
  const save = (): void => {
    try {
      writeLosses(dataDir, records);
      unsaved = false;
    } catch (error) {
      if (!unsaved)
        log(`LOSS RECORD NOT WRITTEN (${reasonOf(error)}): it is kept in memory and written when it can be.`);
      unsaved = true;
    }
  };
  return {
    failed: (items, error, now = Date.now()) => {
      const reason = reasonOf(error);
      if (!failing) {
        failing = { since: now, failed: 0 };
        log(`ANSWERS NOT STORED (${reason}): the devices keep them; /healthz answers 503 until one is stored again.`);
      }
      failing.failed += items.length;
      const real = items.filter((item) => item.real);
      if (real.length === 0) return;
      if (!stretch || now - stretch.record.until! > STRETCH_GAP_MS) {
        stretch = newStretch(now, reason);
        records = [...records, stretch.record];
      }
      for (const item of real) refuse(stretch, item.id, now);
      save();
    },
    committed: () => {
      if (failing) log(`ANSWERS STORED AGAIN after ${failing.failed} failed tries.`);
      failing = null;
      if (unsaved) save();
    },
    state: () => ({ failing: failing !== null, since: failing?.since ?? null, failed: failing?.failed ?? 0 }),
    list: (has) => publicLosses(records, has),
    archiveTo: (path) => {
      if (unsaved) save();
      const moved = archiveLosses(dataDir, path);
      records = [];
      stretch = null;
      unsaved = false;
      return moved;
    },
  };
}
