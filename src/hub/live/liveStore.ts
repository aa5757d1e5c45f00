import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Localized } from '../../core/instrument';
import type { PhoneIds } from '../audience/phoneStore';

/** A situation as it was put to the room: its options in the order shown (A, B, C…), each with its type. */
export interface PutSituation {
  ref: string;
  title: Localized | null;
  prompt: Localized;
  options: { type: string; text: Localized }[];
  asks: string | null;
}

/** One live moment as kept (migration 0005): the situation, its time and round, and the counts per option. */
export interface StoredMoment {
  id: number;
  situation: PutSituation;
  instrument: string;
  round: { id: number; name: string } | null;
  openedAt: number;
  revealedAt: number | null;
  closedAt: number | null;
  counts: number[];
}

/** What became of one live answer once its batch committed. */
export type LiveOutcome = 'stored' | 'duplicate' | 'already';

export interface LiveStore {
  open(situation: PutSituation, instrument: string, round: StoredMoment['round'], at: number): StoredMoment;
  reveal(id: number, at: number): void;
  close(id: number, at: number): void;
  /** The moment still open or revealed (a hub restarted mid-moment resumes it), else null. */
  running(): StoredMoment | null;
  /** Closed moments, oldest first. */
  closed(): StoredMoment[];
  all(): StoredMoment[];
  /** Whether the phone answered this moment. */
  answered(moment: number, ids: PhoneIds): boolean;
  /**
   * Records one answer: batched with every answer of the same event-loop turn in one transaction, so a full room
   * costs one fsync per turn. Resolves once committed with the counts after it; a phone's second answer is `already`,
   * its own answer sent again `duplicate`, and neither counts.
   */
  answer(moment: number, ids: PhoneIds, option: number, answerId: string): Promise<{ outcome: LiveOutcome }>;
  /** The counts as committed, per moment (updated by `answer`). */
  counts(moment: number): number[];
}

type Row = {
  id: number;
  situation: string;
  instrument: string;
  round_id: number | null;
  round_name: string | null;
  opened_at: number;
  revealed_at: number | null;
  closed_at: number | null;
  counts: string;
};

const toMoment = (row: Row): StoredMoment => ({
  id: row.id,
  situation: JSON.parse(row.situation) as PutSituation,
  instrument: row.instrument,
  round: row.round_id === null ? null : { id: row.round_id, name: row.round_name ?? '' },
  openedAt: row.opened_at,
  revealedAt: row.revealed_at,
  closedAt: row.closed_at,
  counts: JSON.parse(row.counts) as number[],
});

/** The phone's ids as stored for one moment: keyed with the moment, so rows match nothing else in the file. */
function hashes(moment: number, ids: PhoneIds): string[] {
  const hash = (id: string): string => createHash('sha256').update(`live|${moment}|${id}`).digest('base64url');
  return ids.cookie ? [hash(`c:${ids.cookie}`), hash(`d:${ids.device}`)] : [hash(`d:${ids.device}`)];
}

interface Pending {
  moment: number;
  ids: PhoneIds;
  option: number;
  answerId: string;
  done(result: { outcome: LiveOutcome }): void;
  failed(error: unknown): void;
}

/**
 * The closed moments, read with SELECTs only (the export command opens the file read-only); none in a file from
 * before migration 0005.
 */
export function readClosedMoments(db: Database.Database): StoredMoment[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'live_moments'").get();
  if (!table) return [];
  return db.prepare<[], Row>('SELECT * FROM live_moments WHERE closed_at IS NOT NULL ORDER BY id').all().map(toMoment);
}

/** A closed moment as the export reads it. */
export const exportMoment = (m: StoredMoment) => ({
  id: m.id,
  title: m.situation.title,
  prompt: m.situation.prompt,
  options: m.situation.options,
  asks: m.situation.asks,
  openedAt: m.openedAt,
  round: m.round?.name ?? null,
  counts: m.counts,
});

type Queries = ReturnType<typeof prepare>;

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(
      `INSERT INTO live_moments (situation, instrument, round_id, round_name, opened_at, counts) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    reveal: db.prepare('UPDATE live_moments SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL'),
    close: db.prepare('UPDATE live_moments SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
    running: db.prepare<[], Row>('SELECT * FROM live_moments WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1'),
    all: db.prepare<[], Row>('SELECT * FROM live_moments ORDER BY id'),
    one: db.prepare<[number], Row>('SELECT * FROM live_moments WHERE id = ?'),
    phone: db.prepare<[number, string], { answer: string }>(
      'SELECT answer FROM live_phones WHERE moment = ? AND phone = ?',
    ),
    mark: db.prepare('INSERT INTO live_phones (moment, phone, answer) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    counts: db.prepare('UPDATE live_moments SET counts = ? WHERE id = ? AND closed_at IS NULL AND revealed_at IS NULL'),
  };
}

/**
 * The answers of one event-loop turn in one transaction: each phone checked and marked, its option counted, the
 * counts written once per moment. A moment no longer open fails the batch (its answers are refused, none counted).
 */
function batchWriter(db: Database.Database, q: Queries, countsOf: (moment: number) => number[]) {
  const record = (item: Pending, next: Map<number, number[]>): LiveOutcome => {
    const stored = hashes(item.moment, item.ids);
    const earlier = stored.map((h) => q.phone.get(item.moment, h)?.answer).find((a) => a !== undefined);
    if (earlier !== undefined) return earlier === item.answerId ? 'duplicate' : 'already';
    for (const h of stored) q.mark.run(item.moment, h, item.answerId);
    const counts = next.get(item.moment) ?? [...countsOf(item.moment)];
    counts[item.option] = (counts[item.option] ?? 0) + 1;
    next.set(item.moment, counts);
    return 'stored';
  };
  return (batch: Pending[]): Map<number, number[]> => {
    const next = new Map<number, number[]>();
    try {
      const outcomes = db.transaction(() => {
        const results = batch.map((item) => record(item, next));
        for (const [moment, counts] of next) {
          if (q.counts.run(JSON.stringify(counts), moment).changes === 0) throw new Error('the moment is not open');
        }
        return results;
      })();
      batch.forEach((item, i) => item.done({ outcome: outcomes[i]! }));
      return next;
    } catch (error) {
      batch.forEach((item) => item.failed(error));
      return new Map();
    }
  };
}

export function createLiveStore(db: Database.Database): LiveStore {
  const q = prepare(db);
  const counted = new Map<number, number[]>();
  const countsOf = (moment: number): number[] => {
    const known = counted.get(moment);
    if (known) return known;
    const row = q.one.get(moment);
    const counts = row ? (JSON.parse(row.counts) as number[]) : [];
    counted.set(moment, counts);
    return counts;
  };
  const write = batchWriter(db, q, countsOf);
  let pending: Pending[] = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    // The counts in memory follow the file: set only after the commit, before any answer is acknowledged.
    for (const [moment, counts] of write(batch)) counted.set(moment, counts);
  };
  const all = (): StoredMoment[] => q.all.all().map(toMoment);
  return {
    open: (situation, instrument, round, at) => {
      const counts = situation.options.map(() => 0);
      const row = [JSON.stringify(situation), instrument, round?.id ?? null, round?.name ?? null, at] as const;
      const id = Number(q.insert.run(...row, JSON.stringify(counts)).lastInsertRowid);
      counted.set(id, counts);
      return { id, situation, instrument, round, openedAt: at, revealedAt: null, closedAt: null, counts };
    },
    reveal: (id, at) => void q.reveal.run(at, id),
    close: (id, at) => void q.close.run(at, id),
    running: () => {
      const row = q.running.get();
      return row ? toMoment(row) : null;
    },
    closed: () => all().filter((m) => m.closedAt !== null),
    all,
    answered: (moment, ids) => hashes(moment, ids).some((h) => q.phone.get(moment, h) !== undefined),
    answer: (moment, ids, option, answerId) =>
      new Promise((done, failed) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ moment, ids, option, answerId, done, failed });
      }),
    counts: (moment) => [...countsOf(moment)],
  };
}
