/**
 * Workshops (docs/adr/0011-workshop-mode.md): a group's session, kept apart from the day's answers. One row per
 * workshop and one per participant, who is a SHA-256 of the workshop's id and the participant's HttpOnly cookie (so
 * no row matches a phone of audience mode or another workshop). A participant's row holds all they gave: the answer,
 * their mix, the nickname they chose to show, one case and one commitment. Deleting the row deletes all of it.
 */
export const up = `
CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  instrument_id TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  date TEXT NOT NULL,
  nicknames INTEGER NOT NULL,
  count_in_crowd INTEGER NOT NULL,
  phase TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER
) STRICT;
CREATE TABLE workshop_participants (
  workshop_id TEXT NOT NULL,
  participant TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  nickname TEXT,
  answer TEXT,
  shares TEXT,
  answered_at INTEGER,
  case_text TEXT,
  case_asks TEXT,
  case_share INTEGER NOT NULL DEFAULT 0,
  commitment_text TEXT,
  commitment_share INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (workshop_id, participant)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER workshop_gone AFTER DELETE ON workshops BEGIN
  DELETE FROM workshop_participants WHERE workshop_id = old.id;
END;
`;
