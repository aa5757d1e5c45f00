import type Database from 'better-sqlite3';
import type { SurveyResponse } from '../../core/response';
import type { Round } from '../../core/settings';
import { withoutForbidden } from '../../core/text';
import type { RawResponseRow } from './dbRows';

/** A stored response as the hub reads it back for scoring and export. */
export interface StoredResponse {
  seq: number;
  /** The random id the kiosk gave it; never exported (the report's crowd plot seeds each dot's shift with it). */
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  receivedAt: number;
  lang: string;
  answers: SurveyResponse['answers'];
  casus: string;
  context: Record<string, string>;
  round: number | null;
  rehearsal: boolean;
}

export interface InsertMeta {
  round: number | null;
  rehearsal: boolean;
  /** A phone's network address as a keyed hash (audience/sources.ts); absent for every other answer. */
  source?: string | null;
  /** Writes that must commit with this answer, in its transaction (audience mode marks the phone as answered). */
  alongside?: () => void;
}

/** The durable store behind the hub; one fresh temp database per test. */
export interface ResponseStore {
  /** Stores the response in one committed transaction; a known id is a harmless duplicate. */
  insert(response: SurveyResponse, receivedAt: number, meta: InsertMeta): { stored: boolean; seq: number };
  /** Stores several responses in one transaction (one durable commit for all); results in the same order. */
  insertMany(
    items: readonly { response: SurveyResponse; receivedAt: number; meta: InsertMeta }[],
  ): { stored: boolean; seq: number }[];
  /** Stored answers; `setAside` true counts only those the organiser set aside, false only the others. */
  count(filter?: { since?: number; rehearsal?: boolean; setAside?: boolean }): number;
  /** Whether an answer with this id is stored. */
  has(id: string): boolean;
  /** Real (not rehearsal) answers from `since` on, counted per `stepMs` (index 0 starts at `since`). */
  countPerStep(since: number, stepMs: number): Map<number, number>;
  /** The responses of an instrument that count: those the organiser set aside are left out. */
  listForInstrument(id: string, version: string): StoredResponse[];
  /** Real (not rehearsal) answers per instrument@version, as "id@version" → count. */
  countPerInstrument(): Map<string, number>;
  /**
   * Visits the real (non-rehearsal) responses that count (none set aside), oldest first, one at a time: the export
   * keeps no list of them.
   */
  forEachForExport(id: string, version: string, visit: (response: StoredResponse) => void): void;
  startRound(name: string, now: number): Round;
  stopRound(now: number): Round | null;
  activeRound(): Round | null;
  rounds(): (Round & { count: number })[];
  clearRehearsal(): number;
  /** Removes every answer and round, and what was set aside with them. */
  wipe(): number;
  /** A consistent copy of the whole database at `path` (VACUUM INTO). */
  backupTo(path: string): void;
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;
  close(): void;
}

/** A stored row as the current schema reads it: the raw row's columns, all present, its rowid as `seq`. */
type Row = Omit<RawResponseRow, 'rowid' | 'round_id' | 'rehearsal'> & {
  seq: number;
  round_id: number | null;
  rehearsal: number;
};

const toStored = (row: Row): StoredResponse => ({
  seq: row.seq,
  id: row.id,
  instrumentId: row.instrument_id,
  instrumentVersion: row.instrument_version,
  receivedAt: row.received_at,
  lang: row.lang,
  answers: JSON.parse(row.answers) as SurveyResponse['answers'],
  casus: row.casus,
  context: JSON.parse(row.context) as Record<string, string>,
  round: row.round_id,
  rehearsal: row.rehearsal === 1,
});

/** A round as read back; a name saved before the text rule (core/text.ts) loses the characters it refuses. */
const toRound = (row: { id: number; name: string; started_at: number; ended_at: number | null }): Round => ({
  id: row.id,
  name: withoutForbidden(row.name),
  startedAt: row.started_at,
  endedAt: row.ended_at,
});

/** The store behind the hub, put together from its parts: answers written, answers read, rounds, settings. */
export function createResponseStore(db: Database.Database): ResponseStore {
  return {
    ...answerWrites(db),
    ...answerReads(db),
    ...instrumentCounts(db),
    ...roundStore(db),
    ...settingStore(db),
    wipe: () =>
      db.transaction(() => {
        const removed = db.prepare('DELETE FROM responses').run().changes;
        db.prepare('DELETE FROM rounds').run();
        db.prepare('DELETE FROM audience_set_aside').run();
        db.prepare('DELETE FROM live_moments').run();
        return removed;
      })(),
    backupTo: (path) => void db.prepare('VACUUM INTO ?').run(path),
    close: () => db.close(),
  };
}

/** Inserting answers: one transaction each, or one for a batch (the write queue's group commit). */
function answerWrites(db: Database.Database): Pick<ResponseStore, 'insert' | 'insertMany'> {
  const insert = db.prepare(
    `INSERT INTO responses (id, instrument_id, instrument_version, received_at, lang, answers, casus, context, round_id, rehearsal, source)
     VALUES (@id, @instrumentId, @instrumentVersion, @receivedAt, @lang, @answers, @casus, @context, @round, @rehearsal, @source)
     ON CONFLICT(id) DO NOTHING`,
  );
  const seqOf = db.prepare<[string], { seq: number }>('SELECT rowid AS seq FROM responses WHERE id = ?');
  const insertRow = (
    response: SurveyResponse,
    receivedAt: number,
    meta: InsertMeta,
  ): { stored: boolean; seq: number } => {
    const result = insert.run({
      id: response.id,
      instrumentId: response.instrumentId,
      instrumentVersion: response.instrumentVersion,
      receivedAt,
      lang: response.lang,
      answers: JSON.stringify(
        response.answers.map((a) => ('order' in a ? { item: a.item, order: a.order } : { item: a.item, type: a.type })),
      ),
      casus: response.casus,
      context: JSON.stringify(response.context),
      round: meta.round,
      rehearsal: meta.rehearsal ? 1 : 0,
      source: meta.source ?? null,
    });
    if (result.changes === 1) return { stored: true, seq: Number(result.lastInsertRowid) };
    return { stored: false, seq: seqOf.get(response.id)!.seq };
  };
  const insertWithAlongside = (response: SurveyResponse, receivedAt: number, meta: InsertMeta) => {
    const result = insertRow(response, receivedAt, meta);
    meta.alongside?.();
    return result;
  };
  const insertOnce = db.transaction(insertWithAlongside);
  const insertBatch = db.transaction(
    (items: readonly { response: SurveyResponse; receivedAt: number; meta: InsertMeta }[]) =>
      items.map((item) => insertWithAlongside(item.response, item.receivedAt, item.meta)),
  );
  return {
    insert: (response, receivedAt, meta) => insertOnce(response, receivedAt, meta),
    insertMany: (items) => insertBatch(items),
  };
}

function instrumentCounts(db: Database.Database): Pick<ResponseStore, 'countPerInstrument'> {
  const perInstrument = db.prepare<[], { ref: string; n: number }>(
    "SELECT instrument_id || '@' || instrument_version AS ref, count(*) AS n FROM responses WHERE rehearsal = 0 GROUP BY ref",
  );
  return { countPerInstrument: () => new Map(perInstrument.all().map((r) => [r.ref, r.n])) };
}

const COLUMNS =
  'rowid AS seq, id, instrument_id, instrument_version, received_at, lang, answers, casus, context, round_id, rehearsal';
/** Rows per page when the export walks the table. */
const EXPORT_PAGE = 5000;
/** The answers that count: none from a source the organiser set aside (a null source is never set aside). */
const COUNTS =
  '(responses.source IS NULL OR NOT EXISTS (SELECT 1 FROM audience_set_aside a WHERE a.source = responses.source))';

/** Reading answers back: counts, per time step, per instrument, and page by page for the export. */
function answerReads(
  db: Database.Database,
): Pick<ResponseStore, 'count' | 'has' | 'countPerStep' | 'listForInstrument' | 'forEachForExport' | 'clearRehearsal'> {
  const list = db.prepare<[string, string], Row>(
    `SELECT ${COLUMNS} FROM responses WHERE instrument_id = ? AND instrument_version = ? AND ${COUNTS} ORDER BY rowid`,
  );
  const listRealPage = db.prepare<[string, string, number, number], Row>(
    `SELECT ${COLUMNS} FROM responses WHERE instrument_id = ? AND instrument_version = ? AND rehearsal = 0 AND ${COUNTS} AND rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const byId = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM responses WHERE id = ?');
  const perStep = db.prepare(
    'SELECT CAST((received_at - ?) / ? AS INTEGER) AS step, count(*) AS n FROM responses WHERE received_at >= ? AND rehearsal = 0 GROUP BY step',
  );
  return {
    count: (filter = {}) => {
      const where: string[] = [];
      const params: number[] = [];
      if (filter.since !== undefined) {
        where.push('received_at >= ?');
        params.push(filter.since);
      }
      if (filter.rehearsal !== undefined) {
        where.push('rehearsal = ?');
        params.push(filter.rehearsal ? 1 : 0);
      }
      if (filter.setAside !== undefined) where.push(filter.setAside ? `NOT ${COUNTS}` : COUNTS);
      const sql = `SELECT count(*) AS n FROM responses${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      return (db.prepare(sql).get(...params) as { n: number }).n;
    },
    has: (id) => byId.get(id) !== undefined,
    countPerStep: (since, stepMs) => {
      const rows = perStep.all(since, stepMs, since) as { step: number; n: number }[];
      return new Map(rows.map((r) => [r.step, r.n]));
    },
    listForInstrument: (id, version) => list.all(id, version).map(toStored),
    forEachForExport: (id, version, visit) => {
      // Pages of rows: iterate() pays per row, all() on the whole table holds every row at once.
      let after = 0;
      for (;;) {
        const page = listRealPage.all(id, version, after, EXPORT_PAGE);
        for (const row of page) visit(toStored(row));
        if (page.length < EXPORT_PAGE) return;
        after = page[page.length - 1]!.seq;
      }
    },
    clearRehearsal: () => db.prepare('DELETE FROM responses WHERE rehearsal = 1').run().changes,
  };
}

/** The talk's rounds: at most one running; starting one ends the one before. */
function roundStore(db: Database.Database): Pick<ResponseStore, 'startRound' | 'stopRound' | 'activeRound' | 'rounds'> {
  const active = db.prepare<[], Round & { started_at: number; ended_at: null }>(
    'SELECT id, name, started_at, ended_at FROM rounds WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const activeRound = (): Round | null => {
    const row = active.get();
    return row ? toRound(row) : null;
  };
  const stopRound = (now: number): Round | null => {
    const current = activeRound();
    if (!current) return null;
    db.prepare('UPDATE rounds SET ended_at = ? WHERE id = ?').run(now, current.id);
    return { ...current, endedAt: now };
  };
  return {
    startRound: (name, now) =>
      db.transaction(() => {
        stopRound(now);
        const result = db.prepare('INSERT INTO rounds (name, started_at) VALUES (?, ?)').run(name, now);
        return { id: Number(result.lastInsertRowid), name, startedAt: now, endedAt: null };
      })(),
    stopRound: (now) => db.transaction(() => stopRound(now))(),
    activeRound,
    rounds: () =>
      db
        .prepare<[], { id: number; name: string; started_at: number; ended_at: number | null; count: number }>(
          `SELECT r.id, r.name, r.started_at, r.ended_at, count(s.id) AS count
           FROM rounds r LEFT JOIN responses s ON s.round_id = r.id AND s.rehearsal = 0 GROUP BY r.id ORDER BY r.id`,
        )
        .all()
        .map((row) => ({ ...toRound(row), count: row.count })),
  };
}

/** Settings as key and JSON text. */
function settingStore(db: Database.Database): Pick<ResponseStore, 'getSetting' | 'setSetting'> {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    getSetting: (key) => get.get(key)?.value,
    setSetting: (key, value) => void set.run(key, value),
  };
}
