import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { DATABASE_FILE, fileProblems } from './dbFile';
import { hasTable, readSettings, scanResponses } from './dbRows';
import { MIGRATIONS } from './migrations';

/** A data folder that cannot be read as it is; the message says what to do. */
export class UnreadableDataError extends Error {
  override name = 'UnreadableDataError';
}

/**
 * Opens the hub's database for reading only, for the export command: it never migrates, moves or creates a file in
 * the data folder, and refuses (with the reason) a folder without a database, an old or new schema, or damage.
 * With a running hub (its -wal and -shm present) it reads the file in place, read-only, seeing what has been
 * committed. Without a log it reads the file's bytes into memory: a read-only connection would otherwise leave new
 * -wal and -shm files behind. A log without its index (a hub that was killed) is read from a throwaway copy.
 */
export function openForReading(dataDir: string): { db: Database.Database; close: () => void } {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    throw new UnreadableDataError(`there is no data folder at ${dataDir}: check --data`);
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new UnreadableDataError(`there is no ${DATABASE_FILE} in ${dataDir}: check --data`);
  if (statSync(file).size === 0)
    throw new UnreadableDataError(`${file} is empty: start the hub on this folder to see what it reports`);
  const problems = fileProblems(file);
  if (problems.length > 0) throw damaged(file, problems);
  const { db, close } = open(file);
  try {
    check(db, file);
  } catch (error) {
    close();
    throw error;
  }
  return { db, close };
}

function open(file: string): { db: Database.Database; close: () => void } {
  if (existsSync(`${file}-wal`) && existsSync(`${file}-shm`)) {
    const db = openSqlite(file, { readonly: true, fileMustExist: true });
    return { db, close: () => db.close() };
  }
  if (existsSync(`${file}-wal`)) {
    const dir = mkdtempSync(join(tmpdir(), 'ideale-export-'));
    copyFileSync(file, join(dir, DATABASE_FILE));
    copyFileSync(`${file}-wal`, join(dir, `${DATABASE_FILE}-wal`));
    const db = openSqlite(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    return {
      db,
      close: () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const bytes = readFileSync(file);
  // Bytes 18 and 19 say "WAL"; an in-memory copy must read as a plain file.
  bytes[18] = 1;
  bytes[19] = 1;
  const db = openSqlite(bytes, { readonly: true });
  return { db, close: () => db.close() };
}

function check(db: Database.Database, file: string): void {
  let quick: unknown;
  try {
    quick = db.pragma('quick_check', { simple: true });
  } catch (error) {
    throw damaged(file, [error instanceof Error ? error.message : String(error)]);
  }
  if (quick !== 'ok') throw damaged(file, [`database check failed: ${String(quick)}`]);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length)
    throw new UnreadableDataError(`${file} is at schema ${version}, newer than this app: update the app`);
  if (version < MIGRATIONS.length || !hasTable(db, 'responses'))
    throw new UnreadableDataError(`${file} is at an older schema: start the hub on it once to update it`);
  const problems: string[] = [];
  const { unreadable } = scanResponses(db, () => undefined);
  if (unreadable > 0) problems.push(`${unreadable} stored answers could not be read`);
  const settings = readSettings(db);
  if (settings.unreadable.length > 0) problems.push(`settings could not be read: ${settings.unreadable.join(', ')}`);
  if (problems.length > 0) throw damaged(file, problems);
}

const damaged = (file: string, problems: string[]): UnreadableDataError =>
  new UnreadableDataError(
    `${file} is damaged (${problems.join('; ')}): nothing was exported. Start the hub on this folder to keep the readable answers, then export again.`,
  );
