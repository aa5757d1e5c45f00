import { localize, standItems, type Instrument, type Language } from './instrument';

/** Reading speed of a B1 reader, in words per minute. */
export const B1_WORDS_PER_MINUTE = 180;
/** Seconds for one tap: finding the option and touching it. */
export const SECONDS_PER_TAP = 1.5;
/** Words on the screens around the questions that the instrument does not hold (intro, privacy line, buttons). */
export const FRAME_WORDS = 80;

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export interface VisitTime {
  /** From the first item to the result, in seconds. */
  toResult: number;
  /** The whole visit: start, questions, and reading the result of the longest type, in seconds. */
  visit: number;
  taps: number;
  words: number;
}

/**
 * A reading-time model of one visit: every word read once at {@link B1_WORDS_PER_MINUTE}, every tap
 * {@link SECONDS_PER_TAP}. Items take as many taps as choices (two for `first-and-second`), the casus one, each context
 * question one; the result is read for the type with the longest texts.
 */
export function visitTime(instrument: Instrument, lang: Language): VisitTime {
  const ranks = instrument.scoring === 'first-and-second' ? 2 : 1;
  let questionWords = 0;
  let taps = 0;
  // The stand's visit: a situation asked only in a workshop is not read at the stand.
  for (const item of standItems(instrument.items)) {
    questionWords += words(localize(item.prompt, lang));
    for (const o of item.options) questionWords += words(localize(o.text, lang));
    taps += ranks + 0.25; // a quarter of the visitors undo or go back once per item, on this model's guess
  }
  questionWords += words(localize(instrument.casus.prompt, lang)) + words(localize(instrument.casus.hint, lang));
  for (const o of instrument.casus.options) questionWords += words(localize(o.text, lang));
  taps += 1;
  for (const q of instrument.context) {
    questionWords += words(localize(q.prompt, lang));
    for (const o of q.options) questionWords += words(localize(o.label, lang));
    taps += 1;
  }
  const resultWords = Math.max(
    ...instrument.types.map(
      (t) =>
        words(localize(t.long, lang)) +
        words(localize(t.strength, lang)) +
        words(localize(t.pitfall, lang)) +
        words(localize(t.reflection, lang)),
    ),
  );
  const seconds = (w: number): number => (w / B1_WORDS_PER_MINUTE) * 60;
  const toResult = seconds(questionWords) + taps * SECONDS_PER_TAP;
  const visit = toResult + seconds(resultWords + FRAME_WORDS) + 2 * SECONDS_PER_TAP;
  return { toResult, visit, taps: Math.round(taps), words: questionWords + resultWords + FRAME_WORDS };
}
