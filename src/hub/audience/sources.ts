import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FlaggedSource } from '../../core/audience';
import type { ResponseStore } from '../store/responseStore';

/**
 * An address with more answers than this in one round (outside rounds: since the day was last archived) is listed
 * for the organiser. A few people behind one address (a family, colleagues on one hotspot) stay under it; a room
 * behind one router does not, and neither does a script: the organiser knows which of the two it is. Why this
 * number: docs/adr/0007-audience-mode.md.
 */
export const PHONE_FLAG_ANSWERS = 10;
/** Addresses whose plain form the console can show, since the hub started; the least recently seen is forgotten. */
const REMEMBERED_ADDRESSES = 1024;
const KEY_SETTING = 'audience-source-key';

/** Where phone answers came from, by a keyed hash of the address, and which sources the organiser set aside. */
export interface SourceBook {
  /** The hash an answer from `address` is stored under; the address itself is kept in memory only. */
  of(address: string): string;
  /** Whether answers from `source` are set aside (left out of the live picture and the export). */
  isSetAside(source: string | null | undefined): boolean;
  /** Sets a listed source's answers aside, or takes them back: how many answers it has, or null when not listed. */
  setAside(source: string, on: boolean, now: number): number | null;
  /** Sources with more than {@link PHONE_FLAG_ANSWERS} answers in one round, and those set aside; most answers first. */
  flagged(): FlaggedSource[];
}

interface Row {
  source: string;
  answers: number;
  first: number;
  last: number;
  setAside: number;
}

/**
 * The hash key is made once and kept in the settings, so a restarted hub files the same address under the same
 * source. With the file and its key an IPv4 address can be found by trying them all: the hash keeps addresses out
 * of sight and out of every export, it is no secret against whoever holds the data folder.
 */
function sourceKey(store: ResponseStore): Buffer {
  const saved = store.getSetting(KEY_SETTING);
  if (saved) return Buffer.from(saved, 'base64');
  const key = randomBytes(32);
  try {
    store.setSetting(KEY_SETTING, key.toString('base64'));
  } catch {
    // A database that cannot be written stores no answer either; the key then lives as long as the process.
  }
  return key;
}

export function createSourceBook(db: Database.Database, store: ResponseStore): SourceBook {
  let key: Buffer | null = null;
  const addresses = new Map<string, string>();
  const flaggedRows = db.prepare<[number], Row>(
    `WITH per AS (SELECT source, count(*) AS n FROM responses WHERE source IS NOT NULL GROUP BY source, round_id),
       listed AS (SELECT source FROM per WHERE n > ? UNION SELECT source FROM audience_set_aside)
     SELECT r.source, count(*) AS answers, min(r.received_at) AS first, max(r.received_at) AS last,
       EXISTS (SELECT 1 FROM audience_set_aside a WHERE a.source = r.source) AS setAside
     FROM responses r WHERE r.source IN (SELECT source FROM listed) GROUP BY r.source ORDER BY answers DESC, first`,
  );
  const answersOf = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM responses WHERE source = ?');
  const isSetAside = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM audience_set_aside WHERE source = ?');
  const add = db.prepare('INSERT INTO audience_set_aside (source, at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare('DELETE FROM audience_set_aside WHERE source = ?');

  const book: SourceBook = {
    of: (address) => {
      key ??= sourceKey(store);
      const source = createHmac('sha256', key).update(address).digest('base64url').slice(0, 22);
      addresses.delete(source);
      addresses.set(source, address);
      if (addresses.size > REMEMBERED_ADDRESSES) addresses.delete(addresses.keys().next().value!);
      return source;
    },
    // Asked on every phone answer: one lookup by key, and always what the file says (a wipe empties the table).
    isSetAside: (source) => typeof source === 'string' && isSetAside.get(source) !== undefined,
    setAside: (source, on, now) => {
      if (!book.flagged().some((f) => f.source === source)) return null;
      if (on) add.run(source, now);
      else remove.run(source);
      return answersOf.get(source)?.n ?? 0;
    },
    flagged: () =>
      flaggedRows.all(PHONE_FLAG_ANSWERS).map((r) => ({
        source: r.source,
        address: addresses.get(r.source) ?? null,
        answers: r.answers,
        first: r.first,
        last: r.last,
        setAside: r.setAside === 1,
      })),
  };
  return book;
}
