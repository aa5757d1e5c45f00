import type Database from 'better-sqlite3';
import { z } from 'zod';
import { responseSchema } from '../../core/response';
import { readSavedSettings } from '../../core/settings';

/** A responses row as stored, in any schema version (round and rehearsal came with migration 2, source with 4). */
export interface RawResponseRow {
  rowid: number;
  id: string;
  instrument_id: string;
  instrument_version: string;
  received_at: number;
  lang: string;
  answers: string;
  casus: string;
  context: string;
  round_id?: number | null;
  rehearsal?: number;
  source?: string | null;
}

const answersSchema = responseSchema.shape.answers;
const contextSchema = z.record(z.string(), z.string());

function parses(schema: z.ZodType, text: string): boolean {
  try {
    return schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

/** True when the row reads back as the hub wrote it: every column typed, its JSON whole. */
export function isReadableResponse(row: RawResponseRow): boolean {
  return (
    typeof row.id === 'string' &&
    typeof row.instrument_id === 'string' &&
    typeof row.instrument_version === 'string' &&
    typeof row.received_at === 'number' &&
    typeof row.lang === 'string' &&
    typeof row.casus === 'string' &&
    parses(answersSchema, row.answers) &&
    parses(contextSchema, row.context)
  );
}

/** The saved settings value is readable when it parses and, over the defaults, fits the schema. */
export function isReadableSettings(text: string): boolean {
  try {
    return readSavedSettings(JSON.parse(text) as unknown) !== null;
  } catch {
    return false;
  }
}

export const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const RANGE = 500;

/**
 * Visits every readable response, oldest first, and counts the rows it could not read. Reads in rowid ranges so a
 * damaged page costs only its own rows: a range that fails is read again row by row.
 */
export function scanResponses(
  db: Database.Database,
  visit: (row: RawResponseRow) => void,
): { read: number; unreadable: number } {
  let read = 0;
  let unreadable = 0;
  const take = (row: RawResponseRow): void => {
    if (!isReadableResponse(row)) {
      unreadable += 1;
      return;
    }
    read += 1;
    visit(row);
  };
  let last: number;
  try {
    last = (db.prepare('SELECT max(rowid) AS last FROM responses').get() as { last: number | null }).last ?? 0;
  } catch {
    // The b-tree's right edge is damaged: read in order until the damage stops the walk.
    try {
      for (const row of db.prepare('SELECT rowid, * FROM responses ORDER BY rowid').iterate())
        take(row as RawResponseRow);
    } catch {
      unreadable += 1;
    }
    return { read, unreadable };
  }
  const range = db.prepare('SELECT rowid, * FROM responses WHERE rowid BETWEEN ? AND ? ORDER BY rowid');
  const one = db.prepare('SELECT rowid, * FROM responses WHERE rowid = ?');
  for (let from = 1; from <= last; from += RANGE) {
    const to = Math.min(last, from + RANGE - 1);
    let rows: RawResponseRow[];
    try {
      rows = range.all(from, to) as RawResponseRow[];
    } catch {
      for (let rowid = from; rowid <= to; rowid++) {
        try {
          const row = one.get(rowid) as RawResponseRow | undefined;
          if (row) take(row);
        } catch {
          unreadable += 1;
        }
      }
      continue;
    }
    rows.forEach(take);
  }
  return { read, unreadable };
}

/** Every setting that reads back whole; the keys that do not are named. */
export function readSettings(db: Database.Database): { values: Map<string, string>; unreadable: string[] } {
  const values = new Map<string, string>();
  const unreadable: string[] = [];
  let rows: { key: unknown; value: unknown }[];
  try {
    rows = db.prepare('SELECT key, value FROM settings').all() as { key: unknown; value: unknown }[];
  } catch {
    return { values, unreadable: ['*'] };
  }
  for (const { key, value } of rows) {
    if (typeof key !== 'string') continue;
    if (typeof value !== 'string' || (key === 'settings' && !isReadableSettings(value))) unreadable.push(key);
    else values.set(key, value);
  }
  return { values, unreadable };
}
