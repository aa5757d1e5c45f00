import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { checkWal } from './walFile';

export const DATABASE_FILE = 'ideale-ambtenaar.sqlite';
/** Beside the database: how many answers it held when last seen, so a file that lost them does not pass silently. */
export const LAST_COUNT_FILE = 'ideale-ambtenaar.last-count.json';

const walSize = (file: string): number => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

/**
 * What can be seen of damage without SQLite: a file cut short (SQLite reads the missing end as zeros, and
 * quick_check can still say ok) and commits in the write-ahead log behind a damaged frame (SQLite skips them
 * silently). Returns one line per problem.
 */
export function fileProblems(file: string): string[] {
  const problems: string[] = [];
  const size = statSync(file).size;
  if (size > 0 && size < 100) problems.push(`the file is only ${size} bytes long`);
  if (size >= 100) {
    const header = Buffer.alloc(100);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
      problems.push('the file is not an SQLite database');
      return problems;
    }
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    const pagesValid = header.readUInt32BE(92) === header.readUInt32BE(24) && pages > 0;
    // With a log beside it the file may lag its header until the log is copied back (a checkpoint cut short).
    if (pageSize >= 512 && walSize(file) === 0) {
      const expected = pages * pageSize;
      if (size % pageSize !== 0 || (pagesValid && size < expected))
        problems.push(`the file is ${Math.max(expected - size, size % pageSize)} bytes shorter than its header says`);
    }
  }
  const wal = checkWal(file);
  if (wal && wal.skippedCommits > 0)
    problems.push(
      `the write-ahead log is damaged: ${wal.skippedCommits} commits lie behind a broken frame (${wal.replayed} of ${wal.frames} frames readable)`,
    );
  return problems;
}

/** The answer count recorded beside the database, or null when none was recorded. */
export function readLastCount(dataDir: string): number | null {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, LAST_COUNT_FILE), 'utf8')) as { responses?: unknown };
    const value = saved.responses;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

/** The count file's fixed length: every write covers the whole of it, so no old tail is left behind. */
const COUNT_BYTES = 128;

/**
 * Records the answer count. It is written after every commit, so it is written in place, in one write of a fixed
 * length: a crash leaves the old count or the new one, never half (a kill cannot split one small write), and it
 * costs a tenth of a millisecond where writing aside and renaming made ext4 flush the file each time (about 5 ms,
 * as much as the commit itself). A power cut that tears it makes it unreadable, which counts as unknown, never as
 * fewer. The first write creates it aside and renames it.
 */
export function writeLastCount(dataDir: string, responses: number): void {
  const path = join(dataDir, LAST_COUNT_FILE);
  const body = JSON.stringify({ responses, at: new Date().toISOString() }).padEnd(COUNT_BYTES, ' ');
  try {
    writeFileSync(path, body, { flag: 'r+' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    try {
      writeFileSync(`${path}.tmp`, body);
      renameSync(`${path}.tmp`, path);
    } catch {
      // A folder that cannot be written is reported by the database's own write check.
    }
  }
}

/** What keeps the recorded count up to date; see {@link createCountNote}. */
export interface CountNote {
  /** Counts again and writes when the count changed since the last note (a timer, a wipe, the close). */
  note(): void;
  /** `stored` new answers were just committed: written at once, before they are acknowledged. */
  add(stored: number): void;
}

/**
 * Keeps the recorded count up to date. After every commit that stored answers the count is written before they are
 * acknowledged, so it never lags what was acknowledged: a start that finds fewer answers than it says has lost some,
 * and one that finds as many has lost none (a log torn by a stop held nothing acknowledged). Never written for a
 * database that cannot be written (its file would then claim answers the database never took).
 */
export function createCountNote(dataDir: string, count: () => number, writable: boolean): CountNote {
  let last = -1;
  return {
    note: () => {
      if (!writable) return;
      const now = count();
      if (now !== last) writeLastCount(dataDir, now);
      last = now;
    },
    add: (stored) => {
      if (!writable || stored === 0) return;
      last = (last < 0 ? count() - stored : last) + stored;
      writeLastCount(dataDir, last);
    },
  };
}

/** The data folder may not be written by the hub's user: nothing in it is damaged, and nothing was moved. */
export class FolderNotWritableError extends Error {
  override name = 'FolderNotWritableError';
}

function whoAmI(): string {
  try {
    const me = userInfo();
    return me.uid >= 0 ? `${me.username} (uid ${me.uid})` : me.username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/**
 * Tries to create a file in the data folder before SQLite does. SQLite needs the folder for its log, and without it
 * fails in ways that look like damage; here the reason is plain: which folder, which user, what to do.
 */
export function checkFolderWritable(dataDir: string): void {
  const probe = join(dataDir, `.ideale-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // A full disk is not this: the start's write test reports it, and the hub serves what it has.
    if (!['EACCES', 'EPERM', 'EROFS'].includes(code)) return;
    throw new FolderNotWritableError(
      `The hub cannot write the data folder ${dataDir} as user ${whoAmI()} (${code}). The database in it is not damaged and nothing was moved. Let this user write that folder (or start with --data on a folder it may write), then start again.`,
    );
  }
}
