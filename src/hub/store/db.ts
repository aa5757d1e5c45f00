import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { checkNativeModule, openSqlite, useNativeBinding } from './sqlite';
import type { RecoveryNote } from '../../core/messages';
import { DATABASE_FILE, fileProblems, readLastCount, writeLastCount } from './dbFile';
import { hasTable, readSettings, scanResponses } from './dbRows';
import { MIGRATIONS } from './migrations';
import { salvageInto } from './salvage';

export { DATABASE_FILE } from './dbFile';

/** What happened while opening, for the log and the console. */
export interface OpenReport {
  file: string;
  /** Set when a damaged file was moved aside and a fresh one started. */
  quarantined?: string;
  /** Set when the file was damaged or holds fewer answers than were recorded before. */
  recovery?: RecoveryNote;
  /** What was wrong, one line each, for the log. */
  problems: string[];
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
 * loop and nothing readable is left behind.
 */
export function openDatabase(
  dataDir: string,
  options: OpenOptions = {},
): { db: Database.Database; report: OpenReport } {
  const now = options.now ?? (() => new Date());
  useNativeBinding(options.nativeBinding);
  checkNativeModule();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const expected = readLastCount(dataDir);
  const problems = existsSync(file) ? fileProblems(file) : [];
  let db: Database.Database | null = null;
  if (problems.length === 0) {
    try {
      db = openChecked(file, problems, options.readOnly ?? false);
    } catch (error) {
      if (error instanceof SchemaTooNewError || !existsSync(file)) throw error;
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const report: OpenReport = { file, problems, writable: true };
  if (db === null) {
    const quarantined = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, quarantined);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, quarantined + suffix);
    }
    db = openAndMigrate(file);
    const walDamaged = problems.some((p) => p.includes('write-ahead log'));
    const salvage = salvageInto(db, quarantined, walDamaged);
    report.quarantined = quarantined;
    report.recovery = {
      at: now().getTime(),
      kind: 'damaged',
      readable: count(db),
      unreadable: salvage.unreadable,
      expected,
      keptAs: basename(quarantined),
      settingsLost: salvage.settingsLost,
    };
  } else {
    const found = count(db);
    if (expected !== null && found < expected)
      report.recovery = {
        at: now().getTime(),
        kind: 'fewer',
        readable: found,
        unreadable: 0,
        expected,
        keptAs: null,
        settingsLost: [],
      };
  }
  report.writable = writeCheck(db, report.recovery, now());
  if (report.writable) writeLastCount(dataDir, count(db));
  return { db, report };
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
