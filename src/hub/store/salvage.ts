import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { hasTable, readSettings, scanResponses } from './dbRows';
import { rechainWal } from './walFile';

export interface Salvage {
  /** Rows that were seen but could not be read (at most; a damaged page may hide how many it held). */
  unreadable: number;
  /** Setting keys carried over, and those that could not be read. */
  settingsKept: string[];
  settingsLost: string[];
}

/**
 * Carries what can still be read from a damaged database (kept aside at `damaged`, with its -wal) into `fresh`:
 * rounds, every readable answer and every readable setting. It reads from throwaway copies, so the damaged file
 * stays exactly as it was found. When the log has commits behind a broken frame, a second copy with the log's
 * checksums chained again is read too; answers are keyed by their id, so reading both only adds what was missing.
 */
export function salvageInto(fresh: Database.Database, damaged: string, walDamaged: boolean): Salvage {
  const result: Salvage = { unreadable: 0, settingsKept: [], settingsLost: [] };
  const passes = walDamaged ? [false, true] : [false];
  for (const rechain of passes) {
    const dir = mkdtempSync(join(tmpdir(), 'ideale-salvage-'));
    try {
      const copy = join(dir, 'copy.sqlite');
      copyFileSync(damaged, copy);
      if (existsSync(`${damaged}-wal`)) {
        const wal = readFileSync(`${damaged}-wal`);
        writeFileSync(`${copy}-wal`, rechain ? (rechainWal(wal) ?? wal) : wal);
      }
      const pass = readInto(fresh, copy);
      result.unreadable = Math.max(result.unreadable, pass.unreadable);
      for (const key of pass.settingsKept) if (!result.settingsKept.includes(key)) result.settingsKept.push(key);
      result.settingsLost = pass.settingsLost.filter((key) => !result.settingsKept.includes(key));
    } catch {
      // Not even the schema could be read from this copy: nothing more to carry.
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return result;
}

function readInto(fresh: Database.Database, copy: string): Salvage {
  const old = openSqlite(copy, { fileMustExist: true });
  try {
    const rounds = new Set<number>();
    if (hasTable(old, 'rounds')) {
      const insertRound = fresh.prepare(
        'INSERT INTO rounds (id, name, started_at, ended_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
      );
      try {
        for (const r of old.prepare('SELECT id, name, started_at, ended_at FROM rounds').iterate() as Iterable<{
          id: number;
          name: string;
          started_at: number;
          ended_at: number | null;
        }>) {
          insertRound.run(r.id, r.name, r.started_at, r.ended_at);
          rounds.add(r.id);
        }
      } catch {
        // Rounds are names and times: answers keep their place without them.
      }
    }
    let unreadable = 0;
    if (hasTable(old, 'responses')) {
      const insert = fresh.prepare(
        `INSERT INTO responses (id, instrument_id, instrument_version, received_at, lang, answers, casus, context, round_id, rehearsal, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      );
      fresh.transaction(() => {
        unreadable = scanResponses(old, (row) => {
          const round = row.round_id !== undefined && row.round_id !== null && rounds.has(row.round_id);
          insert.run(
            row.id,
            row.instrument_id,
            row.instrument_version,
            row.received_at,
            row.lang,
            row.answers,
            row.casus,
            row.context,
            round ? row.round_id : null,
            row.rehearsal === 1 ? 1 : 0,
            typeof row.source === 'string' ? row.source : null,
          );
        }).unreadable;
      })();
    }
    carrySetAside(old, fresh);
    const settings = hasTable(old, 'settings') ? readSettings(old) : { values: new Map(), unreadable: [] };
    const setSetting = fresh.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of settings.values) setSetting.run(key, value);
    return { unreadable, settingsKept: [...settings.values.keys()], settingsLost: settings.unreadable };
  } finally {
    old.close();
  }
}

/** The addresses the organiser set aside stay aside: their answers must not come back into the export. */
function carrySetAside(old: Database.Database, fresh: Database.Database): void {
  if (!hasTable(old, 'audience_set_aside')) return;
  const insert = fresh.prepare('INSERT INTO audience_set_aside (source, at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  try {
    for (const r of old.prepare('SELECT source, at FROM audience_set_aside').iterate() as Iterable<{
      source: unknown;
      at: unknown;
    }>)
      if (typeof r.source === 'string' && typeof r.at === 'number') insert.run(r.source, r.at);
  } catch {
    // A damaged page here loses a decision, never an answer: the console lists the address again.
  }
}

/** The answers SQLite reads from a throwaway copy of `file` and its log, so the log stays as it was found. */
export function committedCount(file: string): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'ideale-count-'));
  try {
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = openSqlite(copy, { fileMustExist: true });
    try {
      if (!hasTable(db, 'responses')) return 0;
      return (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
