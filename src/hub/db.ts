import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export const DATABASE_FILE = 'ideale-ambtenaar.sqlite';

/** What happened while opening, for the log and the console. */
export interface OpenReport {
  file: string;
  /** Set when a damaged file was moved aside and a fresh one started. */
  quarantined?: string;
}

export interface OpenOptions {
  now?: () => Date;
  /**
   * The native module to load instead of better-sqlite3's own build: the Electron app passes its Electron build
   * (src/main/nativeBinding.ts). The hub itself never knows which runtime it is in.
   */
  nativeBinding?: string;
}

/**
 * Opens (and migrates) the hub's SQLite file in `dataDir`. WAL with synchronous=FULL: a commit that has returned
 * survives a crash. A file SQLite cannot read is moved aside with a timestamp and a fresh one is started, so the
 * stand never ends in a crash loop and the damaged data is kept for recovery.
 */
export function openDatabase(
  dataDir: string,
  options: OpenOptions = {},
): { db: Database.Database; report: OpenReport } {
  const now = options.now ?? (() => new Date());
  const nativeBinding = options.nativeBinding;
  loadNativeModule(nativeBinding);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  try {
    return { db: openAndMigrate(file, nativeBinding), report: { file } };
  } catch (error) {
    if (error instanceof SchemaTooNewError || !existsSync(file)) throw error;
    const quarantined = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, quarantined);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, quarantined + suffix);
    }
    return { db: openAndMigrate(file, nativeBinding), report: { file, quarantined } };
  }
}

/**
 * Loads SQLite's native module on an in-memory database first. A module built for another runtime throws at the
 * first `new Database()`; on the real file that would look like a damaged database and move a good one aside.
 */
function loadNativeModule(nativeBinding: string | undefined): void {
  try {
    new Database(':memory:', nativeBinding === undefined ? {} : { nativeBinding }).close();
  } catch (error) {
    const which = nativeBinding ?? "better-sqlite3's own build";
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`SQLite's native module could not be loaded (${which}): ${reason}`, { cause: error });
  }
}

/** A file written by a newer app version: kept as it is, never moved aside. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

function openAndMigrate(file: string, nativeBinding: string | undefined): Database.Database {
  const db = new Database(file, nativeBinding === undefined ? {} : { nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`database check failed: ${String(check)}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new SchemaTooNewError(
      `database is at schema ${current}, newer than this app (${MIGRATIONS.length}): update the app`,
    );
  }
  for (let i = current; i < MIGRATIONS.length; i++) {
    const migration = MIGRATIONS[i]!;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
