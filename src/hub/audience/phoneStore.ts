import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The ids one phone presents: the one in its browser storage (hello) and its HttpOnly cookie, where it has one. */
export interface PhoneIds {
  device: string;
  cookie: string | null;
}

/** Who joined and who answered per round, in the database (migration 0003), so a restarted hub still knows. */
export interface PhoneStore {
  /** Records that the phone opened the page in this round; resolves true the first time, once written. */
  join(roundKey: string, ids: PhoneIds): Promise<boolean>;
  /** Whether either id of the phone already handed in an answer in this round. */
  answered(roundKey: string, ids: PhoneIds): boolean;
  /** Marks the phone as answered; called inside the answer's own transaction, so both commit or neither does. */
  markAnswered(roundKey: string, ids: PhoneIds): void;
  /** Whether an answer with this id is stored (a phone resending its own answer gets the ack again). */
  hasResponse(id: string): boolean;
  counts(roundKey: string): { joined: number; answered: number };
  countsPerKey(): Map<string, { joined: number; answered: number }>;
}

const hash = (id: string): string => createHash('sha256').update(id).digest('base64url');

/** The ids as stored, the one that counts the phone first (the cookie: the page's script cannot change it). */
function hashes(ids: PhoneIds): string[] {
  return ids.cookie ? [hash(`c:${ids.cookie}`), hash(`d:${ids.device}`)] : [hash(`d:${ids.device}`)];
}

export function createPhoneStore(db: Database.Database): PhoneStore {
  const known = db.prepare<[string, string], { answered: number }>(
    'SELECT answered FROM audience_phones WHERE round_key = ? AND phone = ?',
  );
  const insert = db.prepare(
    'INSERT INTO audience_phones (round_key, phone, counted, answered) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const answer = db.prepare(
    `INSERT INTO audience_phones (round_key, phone, counted, answered) VALUES (?, ?, ?, 1)
     ON CONFLICT DO UPDATE SET answered = 1`,
  );
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM responses WHERE id = ?');
  const counts = db.prepare<[string], { joined: number; answered: number }>(
    `SELECT coalesce(sum(counted), 0) AS joined, coalesce(sum(counted * answered), 0) AS answered
     FROM audience_phones WHERE round_key = ?`,
  );
  const all = db.prepare<[], { round_key: string; joined: number; answered: number }>(
    `SELECT round_key, sum(counted) AS joined, sum(counted * answered) AS answered FROM audience_phones GROUP BY round_key`,
  );

  /**
   * Joins that arrive in the same event-loop turn share one transaction: with synchronous=FULL each commit is an
   * fsync, and a room scanning at once would otherwise queue one per phone in front of the answers' commits.
   */
  let pending: { work: () => void; done: () => void; failed: (error: unknown) => void }[] = [];
  const later = (work: () => void): Promise<void> =>
    new Promise((done, failed) => {
      if (pending.length === 0)
        setImmediate(() => {
          const batch = pending;
          pending = [];
          try {
            db.transaction(() => batch.forEach((item) => item.work()))();
            batch.forEach((item) => item.done());
          } catch (error) {
            batch.forEach((item) => item.failed(error));
          }
        });
      pending.push({ work, done, failed });
    });

  /** Of a phone's rows, the first one present counts it; a phone known by its other id is not counted twice. */
  const counted = (roundKey: string, stored: string[]): number[] => {
    const seen = stored.some((h) => known.get(roundKey, h));
    return stored.map((_, i) => (seen || i > 0 ? 0 : 1));
  };

  return {
    join: (roundKey, ids) => {
      const stored = hashes(ids);
      const flags = counted(roundKey, stored);
      const isNew = flags[0] === 1;
      return later(() => stored.forEach((h, i) => insert.run(roundKey, h, flags[i], 0))).then(() => isNew);
    },
    answered: (roundKey, ids) => hashes(ids).some((h) => known.get(roundKey, h)?.answered === 1),
    markAnswered: (roundKey, ids) => {
      const stored = hashes(ids);
      const flags = counted(roundKey, stored);
      stored.forEach((h, i) => answer.run(roundKey, h, flags[i]));
    },
    hasResponse: (id) => has.get(id) !== undefined,
    counts: (roundKey) => counts.get(roundKey) ?? { joined: 0, answered: 0 },
    countsPerKey: () => new Map(all.all().map((r) => [r.round_key, { joined: r.joined, answered: r.answered }])),
  };
}
