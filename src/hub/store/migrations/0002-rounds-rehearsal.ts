/** Rounds for the talk, and simulated (rehearsal) responses kept apart from real ones. */
export const up = `
CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER
) STRICT;
ALTER TABLE responses ADD COLUMN round_id INTEGER REFERENCES rounds (id);
ALTER TABLE responses ADD COLUMN rehearsal INTEGER NOT NULL DEFAULT 0;
`;
