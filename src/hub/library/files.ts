import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The instrument folder in the data folder (docs/adr/0009-instruments-in-the-console.md): published versions as
 * `<id>-<version>.json` (written once, never changed), the draft of each instrument as `drafts/<id>.json`, and the
 * retired instruments in `retired.json`. Every file is written whole beside its place and renamed over it, after an
 * fsync, so a stop mid-write leaves the old file or the new one, never half of one.
 */
export const LIBRARY_DIR = 'instruments';
export const DRAFTS_DIR = 'drafts';
export const RETIRED_FILE = 'retired.json';

export function writeWhole(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename itself is kept only once the folder is on disk (not on Windows, where a folder cannot be opened).
  if (process.platform !== 'win32') {
    const dir = openSync(join(file, '..'), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** The `.json` files of a folder (none when it does not exist yet). */
export function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A file's JSON, or the reason it could not be read. */
export function readJson(file: string): { ok: true; data: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, data: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
