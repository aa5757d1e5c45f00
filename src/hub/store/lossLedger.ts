/**
 * The record of lost answers, kept in the data folder beside the database and not in it: the database is what gets
 * lost. Written whole to a temporary file, flushed and renamed, so a crash leaves the old record or the new one.
 * It stays until the organiser archives the day; the archive takes it along.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { lossRecordSchema, type LossRecord } from '../../core/losses';

export const LOSSES_FILE = 'ideale-ambtenaar.losses.json';
/** Ids of refused answers kept per stretch, to see later whether they arrived after all; more count as missing. */
export const MAX_REFUSED_IDS = 5000;

/** A record as kept in the file: a `write-failed` stretch keeps the ids of the answers it refused. */
const storedSchema = lossRecordSchema.extend({ ids: z.array(z.string().max(64)).max(MAX_REFUSED_IDS).optional() });
export type StoredLoss = z.infer<typeof storedSchema>;
const fileSchema = z.object({ version: z.literal(1), records: z.array(storedSchema) });

/** The records in `dataDir`; a file that cannot be read is itself one record of an unknown loss. */
export function readLosses(dataDir: string, now = Date.now()): StoredLoss[] {
  const path = join(dataDir, LOSSES_FILE);
  if (!existsSync(path)) return [];
  try {
    return fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).records;
  } catch (error) {
    return [
      {
        at: now,
        kind: 'record-unreadable',
        lost: null,
        expected: null,
        found: null,
        keptAs: LOSSES_FILE,
        until: null,
        refused: 0,
        reason: `${LOSSES_FILE} could not be read: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
      },
    ];
  }
}

/** Writes the records whole (temporary file, fsync, rename); throws when the folder or disk refuses. */
export function writeLosses(dataDir: string, records: readonly StoredLoss[]): void {
  const path = join(dataDir, LOSSES_FILE);
  const fd = openSync(`${path}.tmp`, 'w');
  try {
    writeSync(fd, JSON.stringify({ version: 1, records }, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
}

/** Adds one record to the file. A record that could not be read stays readable as it was: it is kept aside first. */
export function appendLoss(dataDir: string, record: StoredLoss): void {
  const records = readLosses(dataDir, record.at);
  if (records.some((r) => r.kind === 'record-unreadable')) keepUnreadable(dataDir, record.at);
  writeLosses(dataDir, [...records, record]);
}

function keepUnreadable(dataDir: string, at: number): void {
  const path = join(dataDir, LOSSES_FILE);
  if (existsSync(path)) renameSync(path, `${path}.unreadable-${new Date(at).toISOString().replace(/[:.]/g, '-')}`);
}

/**
 * The records as the console and the exports see them: a `write-failed` stretch counts as lost the refused answers
 * that are not in the database now (`has`); those beyond the ids it kept count as missing.
 */
export function publicLosses(records: readonly StoredLoss[], has: (id: string) => boolean): LossRecord[] {
  return records.map(({ ids, ...record }) => {
    if (record.kind !== 'write-failed') return record;
    const kept = ids ?? [];
    const missing = kept.filter((id) => !has(id)).length + Math.max(0, record.refused - kept.length);
    return { ...record, lost: missing };
  });
}

/** Moves the record to `path` (beside the day's archive); no record, nothing to move. */
export function archiveLosses(dataDir: string, path: string): boolean {
  const from = join(dataDir, LOSSES_FILE);
  if (!existsSync(from)) return false;
  renameSync(from, path);
  return true;
}
