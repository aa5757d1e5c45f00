import type Database from 'better-sqlite3';
import type { SurveyResponse } from '../core/response';

/** A stored response as the hub reads it back for scoring. */
export interface StoredAnswers {
  seq: number;
  answers: SurveyResponse['answers'];
  casus: string;
}

/** The durable store behind the hub; one fresh temp database per test. */
export interface ResponseStore {
  /** Stores the response in one committed transaction; a known id is a harmless duplicate. */
  insert(response: SurveyResponse, receivedAt: number): { stored: boolean; seq: number };
  count(): number;
  listForInstrument(id: string, version: string): StoredAnswers[];
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;
  close(): void;
}

export function createResponseStore(db: Database.Database): ResponseStore {
  const insert = db.prepare(
    `INSERT INTO responses (id, instrument_id, instrument_version, received_at, lang, answers, casus, context)
     VALUES (@id, @instrumentId, @instrumentVersion, @receivedAt, @lang, @answers, @casus, @context)
     ON CONFLICT(id) DO NOTHING`,
  );
  const seqOf = db.prepare<[string], { seq: number }>('SELECT rowid AS seq FROM responses WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM responses');
  const list = db.prepare<[string, string], { seq: number; answers: string; casus: string }>(
    'SELECT rowid AS seq, answers, casus FROM responses WHERE instrument_id = ? AND instrument_version = ? ORDER BY rowid',
  );
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );

  const insertOnce = db.transaction((response: SurveyResponse, receivedAt: number) => {
    const result = insert.run({
      id: response.id,
      instrumentId: response.instrumentId,
      instrumentVersion: response.instrumentVersion,
      receivedAt,
      lang: response.lang,
      answers: JSON.stringify(response.answers.map((a) => ({ item: a.item, type: a.type }))),
      casus: response.casus,
      context: JSON.stringify(response.context),
    });
    if (result.changes === 1) return { stored: true, seq: Number(result.lastInsertRowid) };
    return { stored: false, seq: seqOf.get(response.id)!.seq };
  });

  return {
    insert: (response, receivedAt) => insertOnce(response, receivedAt),
    count: () => count.get()!.n,
    listForInstrument: (id, version) =>
      list.all(id, version).map((row) => ({
        seq: row.seq,
        answers: JSON.parse(row.answers) as SurveyResponse['answers'],
        casus: row.casus,
      })),
    getSetting: (key) => getSetting.get(key)?.value,
    setSetting: (key, value) => void setSetting.run(key, value),
    close: () => db.close(),
  };
}
