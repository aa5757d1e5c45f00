/**
 * Phones in the talk room (audience mode), per round: one row per phone id that joined, never linked to an answer.
 * `phone` is a SHA-256 of the id the phone presented, so the file holds no id a phone could be recognised by; a
 * phone's second id (its cookie beside the one in its browser storage) is a row with `counted` 0, so each phone
 * counts once. The rows of a round go with the round.
 */
export const up = `
CREATE TABLE audience_phones (
  round_key TEXT NOT NULL,
  phone TEXT NOT NULL,
  counted INTEGER NOT NULL DEFAULT 1,
  answered INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (round_key, phone)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER audience_phones_round_gone AFTER DELETE ON rounds BEGIN
  DELETE FROM audience_phones WHERE round_key = 'round-' || old.id;
END;
`;
