import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { checkNativeModule, openSqlite, useNativeBinding } from './sqlite';
import type { RecoveryNote } from '../../core/messages';
import { checkFolderWritable, DATABASE_FILE, fileProblems, readLastCount, writeLastCount } from './dbFile';
import { hasTable, readSettings, scanResponses } from './dbRows';
import { appendLoss, LOSSES_FILE, type StoredLoss } from './lossLedger';
import { MIGRATIONS } from './migrations';
import { committedCount, salvageInto } from './salvage';
import { walCutShort } from './walFile';

export { DATABASE_FILE } from './dbFile';

/** What happened while opening, for the log and the console. */
export interface OpenReport {
  file: string;
  /** Set when a damaged file was moved aside and a fresh one started. */
  quarantined?: string;
  /** Set when the file was damaged or holds fewer answers than were recorded before. */
  recovery?: RecoveryNote;
  /** Set when answers were lost (or may have been): recorded in the data folder's losses file. */
  loss?: StoredLoss;
  /** False when the loss could not be recorded: the log says so, and the next start finds it again. */
  lossRecorded?: boolean;
  /** What was wrong, one line each, for the log. */
  problems: string[];
  /** What was seen and is harmless (a log torn by a stop before its commit), one line each, for the log. */
  notes: string[];
  /** False when a test write failed: the file or its folder cannot be written, or the disk is full. */
  writable: boolean;
}

export interface OpenOptions {
  now?: () => Date;
  /** Opens the file read-only, as SQLite does by itself when the file cannot be written (tests run as root). */
  readOnly?: boolean;
  /** The native module to load instead of better-sqlite3's own build (see sqlite.ts). */
  nativeBinding?: string;
}

/**
 * Opens (and migrates) the hub's SQLite file in `dataDir`. WAL with synchronous=FULL: a commit that has returned
 * survives a crash. Every start reads every answer and setting through the schema; a damaged file is moved aside
 * with a timestamp and everything readable in it is carried into a fresh one, so the stand never ends in a crash
 * loop and nothing readable is left behind. A folder the hub may not write is said so, and nothing is moved. A loss
 * is recorded in the data folder (lossLedger.ts) before the count beside the database is brought down to it.
 */
export function openDatabase(
  dataDir: string,
  options: OpenOptions = {},
): { db: Database.Database; report: OpenReport } {
  const now = options.now ?? (() => new Date());
  useNativeBinding(options.nativeBinding);
  checkNativeModule();
  mkdirSync(dataDir, { recursive: true });
  checkFolderWritable(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const expected = readLastCount(dataDir);
  const report: OpenReport = { file, problems: [], notes: [], writable: true };
  const walCut = existsSync(file) && inspect(file, expected, report);
  let db = report.problems.length === 0 ? tryOpen(file, report.problems, options.readOnly ?? false) : null;
  if (db === null) db = setAsideAndSalvage(file, report, expected, now());
  else report.recovery = fewerNote(count(db), expected, now());
  report.loss = lossOf(report, expected, walCut);
  if (report.loss) report.lossRecorded = recordLoss(dataDir, report.loss, report);
  report.writable = writeCheck(db, report.recovery, now());
  if (report.writable && report.lossRecorded !== false) writeLastCount(dataDir, count(db));
  return { db, report };
}

/** Damage seen without SQLite, into `report`; true when the log was cut short (and answers went with it). */
function inspect(file: string, expected: number | null, report: OpenReport): boolean {
  report.problems.push(...fileProblems(file));
  const cut = walCutShort(file);
  if (!cut) return false;
  const replayed = committedCount(file);
  // The count is written after every commit, before its answers are acknowledged: as many as it says means the
  // broken frame belonged to a commit that never returned.
  if (expected !== null && replayed !== null && replayed >= expected) {
    report.notes.push(
      `the write-ahead log ends ${cut.extra} bytes into a frame, torn by the stop before its commit: all ${expected} answers counted before are there`,
    );
    return false;
  }
  report.problems.push(
    `the write-ahead log is cut short: it ends ${cut.extra} bytes into a frame of ${cut.frameSize} bytes`,
  );
  return true;
}

/** Opens and checks the file; null when it is damaged. Trouble that is not damage is thrown, and nothing moves. */
function tryOpen(file: string, problems: string[], readOnly: boolean): Database.Database | null {
  try {
    return openChecked(file, problems, readOnly);
  } catch (error) {
    if (error instanceof SchemaTooNewError || !existsSync(file)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (!isDamage(error))
      throw new Error(`${file} could not be opened (${message}). It was not moved: this is not damage to the file.`, {
        cause: error,
      });
    problems.push(message);
    return null;
  }
}

/** SQLite's codes for trouble around the file (rights, disk, locks, memory) rather than in it. */
const NOT_DAMAGE = /^SQLITE_(CANTOPEN|READONLY|PERM|IOERR|BUSY|LOCKED|FULL|NOMEM|AUTH)/;
const isDamage = (error: unknown): boolean => !NOT_DAMAGE.test((error as { code?: unknown }).code?.toString() ?? '');

/** Sets the damaged file (and its log) aside with a timestamp and carries what can be read into a fresh one. */
function setAsideAndSalvage(file: string, report: OpenReport, expected: number | null, now: Date): Database.Database {
  const quarantined = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, quarantined);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, quarantined + suffix);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${file} is damaged (${report.problems.join('; ')}) and could not be set aside: ${message}`, {
      cause: error,
    });
  }
  const db = openAndMigrate(file);
  const walDamaged = report.problems.some((p) => p.includes('write-ahead log'));
  const salvage = salvageInto(db, quarantined, walDamaged);
  report.quarantined = quarantined;
  report.recovery = {
    at: now.getTime(),
    kind: 'damaged',
    readable: count(db),
    unreadable: salvage.unreadable,
    expected,
    keptAs: basename(quarantined),
    settingsLost: salvage.settingsLost,
  };
  return db;
}

function fewerNote(found: number, expected: number | null, now: Date): RecoveryNote | undefined {
  if (expected === null || found >= expected) return undefined;
  const common = { at: now.getTime(), unreadable: 0, keptAs: null, settingsLost: [] };
  return { ...common, kind: 'fewer', readable: found, expected };
}

/** What the start lost: null when nothing (a damaged file whose every answer was carried over is no loss). */
function lossOf(report: OpenReport, expected: number | null, walCut: boolean): StoredLoss | undefined {
  const note = report.recovery;
  if (!note) return undefined;
  const short = expected === null ? 0 : Math.max(0, expected - note.readable);
  const lost = note.kind === 'fewer' ? short : expected === null && walCut ? null : Math.max(short, note.unreadable);
  if (lost === 0) return undefined;
  const kind = note.kind === 'fewer' ? 'fewer' : walCut ? 'wal-cut' : 'damaged';
  const reason =
    note.kind === 'fewer'
      ? `the database holds ${note.readable} answers, ${expected} recorded before`
      : report.problems.join('; ');
  return {
    ...{ at: note.at, kind, lost, expected, found: note.readable, keptAs: note.keptAs },
    ...{ until: null, refused: 0, reason: reason.slice(0, 500) },
  };
}

/** Adds the loss to the record; false (said in the log) when the folder or disk refused it. */
function recordLoss(dataDir: string, loss: StoredLoss, report: OpenReport): boolean {
  try {
    appendLoss(dataDir, loss);
    return true;
  } catch (error) {
    report.problems.push(
      `the loss could not be recorded in ${LOSSES_FILE} (${error instanceof Error ? error.message : String(error)})`,
    );
    return false;
  }
}

/** A file written by a newer app version: kept as it is, never moved aside. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

const count = (db: Database.Database): number =>
  (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;

/** One real commit at start (the recovery note, or the start time): a file that cannot be written says so now. */
function writeCheck(db: Database.Database, recovery: RecoveryNote | undefined, now: Date): boolean {
  try {
    const set = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    db.transaction(() => {
      set.run('started-at', now.toISOString());
      if (recovery) set.run('recovery', JSON.stringify(recovery));
    })();
    return true;
  } catch {
    return false;
  }
}

/** Opens, checks every row through the schema, and migrates; null (closed) when a problem was found. */
function openChecked(file: string, problems: string[], readOnly: boolean): Database.Database | null {
  const db = openSqlite(file, readOnly ? { readonly: true, fileMustExist: true } : {});
  try {
    configure(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') problems.push(`database check failed: ${String(check)}`);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new SchemaTooNewError(
        `database is at schema ${current}, newer than this app (${MIGRATIONS.length}): update the app`,
      );
    }
    if (problems.length === 0 && hasTable(db, 'responses')) {
      const { unreadable } = scanResponses(db, () => undefined);
      if (unreadable > 0) problems.push(`${unreadable} stored answers could not be read`);
    }
    if (problems.length === 0 && hasTable(db, 'settings')) {
      const { unreadable } = readSettings(db);
      if (unreadable.length > 0) problems.push(`settings could not be read: ${unreadable.join(', ')}`);
    }
    if (problems.length > 0) {
      db.close();
      return null;
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openAndMigrate(file: string): Database.Database {
  const db = openSqlite(file);
  try {
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    const migration = MIGRATIONS[i]!;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
