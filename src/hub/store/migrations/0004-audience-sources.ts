/**
 * Where a phone's answer came from (audience mode), so the organiser can set aside an address that answered for
 * more than a few people. `source` is a keyed hash of the phone's network address (audience/sources.ts), never the
 * address and never exported; null for every answer that did not come from a phone over the network.
 * `audience_set_aside` holds the sources the organiser set aside: their answers stay stored and are left out of the
 * live picture and every export until taken back.
 */
export const up = `
ALTER TABLE responses ADD COLUMN source TEXT;
CREATE INDEX responses_source ON responses (source) WHERE source IS NOT NULL;
CREATE TABLE audience_set_aside (
  source TEXT PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`;
