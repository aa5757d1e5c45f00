import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Instrument } from '../../core/instrument';
import type { SurveyResponse } from '../../core/response';
import { WORKSHOP_PHASES, type WorkshopPhase, type WorkshopSetup } from '../../core/workshop';
import type { ParticipantRecord } from '../../core/workshopViews';

/** A workshop as stored. */
export interface WorkshopRow {
  id: string;
  name: string;
  code: string;
  instrumentId: string;
  instrumentVersion: string;
  date: string;
  nicknames: boolean;
  countInCrowd: boolean;
  phase: WorkshopPhase;
  createdAt: number;
  closed: boolean;
}

/** What one participant gave, as the participant's own page may see it. */
export interface ParticipantRow extends ParticipantRecord {
  answered: boolean;
}

/**
 * The workshops and their participants in the database (migration 0006), apart from the day's answers. Every
 * write is one statement (SQLite commits it durably before it returns). `remove` deletes a workshop with
 * `secure_delete` on, so its free text is overwritten in the file, then truncates the write-ahead log.
 */
export interface WorkshopStore {
  create(setup: WorkshopSetup, instrument: Instrument, code: string, now: number): WorkshopRow;
  list(): WorkshopRow[];
  get(id: string): WorkshopRow | null;
  setPhase(id: string, phase: WorkshopPhase): void;
  close(id: string, now: number): void;
  /** The participant's key in this workshop, from the HttpOnly cookie the hub gave them. */
  participantKey(workshopId: string, cookie: string): string;
  join(workshopId: string, participant: string, now: number): void;
  participant(workshopId: string, participant: string): ParticipantRow | null;
  participants(workshopId: string): ParticipantRecord[];
  answer(
    workshopId: string,
    participant: string,
    response: SurveyResponse,
    shares: readonly number[],
    now: number,
  ): void;
  nickname(workshopId: string, participant: string, nickname: string | null): void;
  setCase(workshopId: string, participant: string, text: string, asks: string | null, share: boolean): void;
  setCommitment(workshopId: string, participant: string, text: string, share: boolean): void;
  /** Deletes all a participant gave; they stay joined (their page still shows the workshop). */
  forget(workshopId: string, participant: string): void;
  /**
   * Takes every workshop out of a copy of the database (an archive): the day is archived, a group's free text is
   * not; it must be gone from everywhere once its workshop is deleted.
   */
  stripFromCopy(file: string): void;
  /** Deletes a workshop and every row of it, overwritten in the file; the write-ahead log is truncated after. */
  remove(id: string): { removed: boolean; walTruncated: boolean };
}

interface Row {
  id: string;
  name: string;
  code: string;
  instrument_id: string;
  instrument_version: string;
  date: string;
  nicknames: number;
  count_in_crowd: number;
  phase: string;
  created_at: number;
  closed_at: number | null;
}

interface PRow {
  nickname: string | null;
  answer: string | null;
  shares: string | null;
  case_text: string | null;
  case_asks: string | null;
  case_share: number;
  commitment_text: string | null;
  commitment_share: number;
}

const toWorkshop = (r: Row): WorkshopRow => ({
  id: r.id,
  name: r.name,
  code: r.code,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  date: r.date,
  nicknames: r.nicknames === 1,
  countInCrowd: r.count_in_crowd === 1,
  phase: (WORKSHOP_PHASES as readonly string[]).includes(r.phase) ? (r.phase as WorkshopPhase) : 'stand',
  createdAt: r.created_at,
  closed: r.closed_at !== null,
});

const toParticipant = (r: PRow): ParticipantRow => ({
  answered: r.answer !== null,
  shares: r.shares === null ? null : (JSON.parse(r.shares) as number[]),
  nickname: r.nickname,
  case: r.case_text === null ? null : { text: r.case_text, asks: r.case_asks, share: r.case_share === 1 },
  commitment: r.commitment_text === null ? null : { text: r.commitment_text, share: r.commitment_share === 1 },
});

const P_COLUMNS = 'nickname, answer, shares, case_text, case_asks, case_share, commitment_text, commitment_share';

export function createWorkshopStore(db: Database.Database): WorkshopStore {
  const one = db.prepare<[string], Row>('SELECT * FROM workshops WHERE id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM workshops ORDER BY created_at');
  const person = db.prepare<[string, string], PRow>(
    `SELECT ${P_COLUMNS} FROM workshop_participants WHERE workshop_id = ? AND participant = ?`,
  );
  const people = db.prepare<[string], PRow>(
    `SELECT ${P_COLUMNS} FROM workshop_participants WHERE workshop_id = ? ORDER BY participant`,
  );
  const writes = participantWrites(db);
  return {
    create: (setup, instrument, code, now) => toWorkshop(one.get(insertWorkshop(db, setup, instrument, code, now))!),
    list: () => all.all().map(toWorkshop),
    get: (id) => {
      const row = one.get(id);
      return row ? toWorkshop(row) : null;
    },
    setPhase: (id, phase) => void db.prepare('UPDATE workshops SET phase = ? WHERE id = ?').run(phase, id),
    close: (id, now) =>
      void db.prepare('UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(now, id),
    participantKey: (workshopId, cookie) => createHash('sha256').update(`${workshopId}:${cookie}`).digest('base64url'),
    join: (w, p, now) =>
      void db
        .prepare(
          'INSERT INTO workshop_participants (workshop_id, participant, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(w, p, now),
    participant: (w, p) => {
      const row = person.get(w, p);
      return row ? toParticipant(row) : null;
    },
    participants: (w) => people.all(w).map(toParticipant),
    ...writes,
    stripFromCopy: (file) => {
      db.prepare('ATTACH DATABASE ? AS archived').run(file);
      try {
        db.pragma('archived.secure_delete = ON');
        db.exec('DELETE FROM archived.workshop_participants; DELETE FROM archived.workshops; VACUUM archived;');
      } finally {
        db.exec('DETACH DATABASE archived');
      }
    },
    remove: (id) => {
      // Overwrite what is deleted, so no free text stays in the file's free pages; then empty the log into the file.
      db.pragma('secure_delete = ON');
      try {
        const removed = db.prepare('DELETE FROM workshops WHERE id = ?').run(id).changes > 0;
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        return { removed, walTruncated: result?.busy === 0 };
      } finally {
        db.pragma('secure_delete = OFF');
      }
    },
  };
}

/** What a participant writes: each one statement on their own row. */
function participantWrites(
  db: Database.Database,
): Pick<WorkshopStore, 'answer' | 'nickname' | 'setCase' | 'setCommitment' | 'forget'> {
  const set = (column: string) =>
    db.prepare(`UPDATE workshop_participants SET ${column} WHERE workshop_id = @w AND participant = @p`);
  const setAnswer = set('answer = @answer, shares = @shares, answered_at = @now');
  const setNickname = set('nickname = @nickname');
  const setCase = set('case_text = @text, case_asks = @asks, case_share = @share');
  const setCommitment = set('commitment_text = @text, commitment_share = @share');
  const forget = set(
    'nickname = NULL, answer = NULL, shares = NULL, answered_at = NULL, case_text = NULL, case_asks = NULL, case_share = 0, commitment_text = NULL, commitment_share = 0',
  );
  return {
    answer: (w, p, response, shares, now) =>
      void setAnswer.run({ w, p, answer: JSON.stringify(response), shares: JSON.stringify(shares), now }),
    nickname: (w, p, nickname) => void setNickname.run({ w, p, nickname }),
    setCase: (w, p, text, asks, share) =>
      void setCase.run({ w, p, text: text === '' ? null : text, asks, share: +share }),
    setCommitment: (w, p, text, share) =>
      void setCommitment.run({ w, p, text: text === '' ? null : text, share: +share }),
    forget: (w, p) => {
      // What a participant takes back is overwritten in the file too, not only unlinked.
      db.pragma('secure_delete = ON');
      try {
        forget.run({ w, p });
      } finally {
        db.pragma('secure_delete = OFF');
      }
    },
  };
}

function insertWorkshop(
  db: Database.Database,
  setup: WorkshopSetup,
  instrument: Instrument,
  code: string,
  now: number,
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO workshops (id, name, code, instrument_id, instrument_version, date, nicknames, count_in_crowd, phase, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'stand', ?)`,
  ).run(
    id,
    setup.name,
    code,
    instrument.id,
    instrument.version,
    setup.date,
    +setup.nicknames,
    +setup.countInCrowd,
    now,
  );
  return id;
}
