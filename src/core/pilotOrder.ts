import type { Instrument } from './instrument';
import { seededRandom } from './simulation';

/**
 * The letters of the pilot sheet (a printed draft that colleagues answer blind before the day). Each situation shows
 * its options lettered A, B, C... in an order that hides the type: shuffled per situation, seeded from the
 * instrument's id, version and the situation's id, so the sheet, its key and the console always show the same
 * letters. The order is one of the types, not of the option list, so editing or reordering an option's text keeps
 * the letters; it is never the instrument's own order of the types, which would put the same type first every time.
 */

/** The key of the casus in {@link pilotOrder}: no item id can hold a "#", so it never meets a situation's key. */
export const PILOT_CASUS = '#casus';

/** FNV-1a: a small, stable hash of the seed text, the same in every runtime. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The type ids of one situation (an item id, or {@link PILOT_CASUS}) in the order the sheet letters them: a
 * permutation of the instrument's types, never their own order.
 */
export function pilotOrder(instrument: Pick<Instrument, 'id' | 'version' | 'types'>, key: string): string[] {
  const own = instrument.types.map((t) => t.id);
  const random = seededRandom(hash(`${instrument.id}@${instrument.version}/${key}`));
  for (;;) {
    const order = [...own];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    // With at least three types some draw differs; a one-type list has no other order to hide behind.
    if (own.length < 2 || order.some((id, i) => id !== own[i])) return order;
  }
}

/** The letter of the option at `position` (0: "A"). */
export const pilotLetter = (position: number): string => String.fromCharCode(65 + position);

/** One lettered option: its letter on the sheet and the type it counts for (on the key only). */
export interface PilotLetter {
  letter: string;
  type: string;
}

/** Every situation's letters, then the casus's (key {@link PILOT_CASUS}): what the sheet prints and the key resolves. */
export function pilotLetters(instrument: Instrument): { key: string; letters: PilotLetter[] }[] {
  return [...instrument.items.map((item) => item.id), PILOT_CASUS].map((key) => ({
    key,
    letters: pilotOrder(instrument, key).map((type, i) => ({ letter: pilotLetter(i), type })),
  }));
}
