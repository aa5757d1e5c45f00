/**
 * The talk's live moments (src/hub/live): each situation put to the room is one row with its own small total, the
 * counts per option in the order they were shown, with its time and round. `live_phones` holds which phones answered
 * a moment, so each answers once: a SHA-256 of the phone's id keyed with the moment (never the hash audience mode
 * keeps, so a row here cannot be matched to a phone's diagnostic answer or to another moment) and the answer's own
 * id (a lost ack is answered again). No row holds a phone's choice: only the counts do.
 */
export const up = `
CREATE TABLE live_moments (
  id INTEGER PRIMARY KEY,
  situation TEXT NOT NULL,
  instrument TEXT NOT NULL,
  round_id INTEGER,
  round_name TEXT,
  opened_at INTEGER NOT NULL,
  revealed_at INTEGER,
  closed_at INTEGER,
  counts TEXT NOT NULL
) STRICT;
CREATE TABLE live_phones (
  moment INTEGER NOT NULL,
  phone TEXT NOT NULL,
  answer TEXT NOT NULL,
  PRIMARY KEY (moment, phone)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER live_phones_moment_gone AFTER DELETE ON live_moments BEGIN
  DELETE FROM live_phones WHERE moment = old.id;
END;
`;
