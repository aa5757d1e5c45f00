/** Responses keyed by the kiosk-made UUID, so a resend can never be stored twice. */
export const up = `
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  instrument_id TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  lang TEXT NOT NULL,
  answers TEXT NOT NULL,
  casus TEXT NOT NULL,
  context TEXT NOT NULL
) STRICT;
CREATE INDEX responses_instrument ON responses (instrument_id, instrument_version);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
