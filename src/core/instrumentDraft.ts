import { compareVersions, localize, type Instrument, type Language, type Localized } from './instrument';
import { RANKED_RULES } from './scoring';
import { REALISTIC_NOISE, simulate, type LatentClass } from './simulation';
import { visitTime } from './visitTime';

/**
 * The editor's rules for a draft instrument (docs/adr/0009-instruments-in-the-console.md): what the scoring needs
 * kept in view while the organiser edits, the version a publication gets, and the simulation harness on the draft
 * beside the shipped instrument's figures.
 */

/** The whole visit's budget at the stand, in seconds (docs: five minutes). */
export const VISIT_BUDGET_SECONDS = 5 * 60;
/** From the first situation to the result, in seconds. */
export const TO_RESULT_BUDGET_SECONDS = 4 * 60;

/** How many situations ask each type, and whether that is balanced (every type asked as often). */
export interface AsksBalance {
  counts: { type: string; count: number }[];
  balanced: boolean;
  /** Types asked less often than the most-asked one: the ones a new situation should ask. */
  short: string[];
  /** Situations that ask no type, or one the instrument does not have. */
  unasked: number;
}

export function asksBalance(instrument: Pick<Instrument, 'types' | 'items'>): AsksBalance {
  const counts = instrument.types.map((t) => ({
    type: t.id,
    count: instrument.items.filter((it) => it.asks === t.id).length,
  }));
  const most = Math.max(...counts.map((c) => c.count));
  const unasked = instrument.items.filter((it) => !instrument.types.some((t) => t.id === it.asks)).length;
  const balanced = unasked === 0 && counts.every((c) => c.count === most);
  return { counts, balanced, short: counts.filter((c) => c.count < most).map((c) => c.type), unasked };
}

/** Whether a situation has exactly one option for every type of the instrument. */
export function onePerType(instrument: Pick<Instrument, 'types'>, item: Instrument['items'][number]): boolean {
  return (
    instrument.types.every((t) => item.options.filter((o) => o.type === t.id).length === 1) &&
    item.options.length === instrument.types.length
  );
}

const words = (text: Localized | undefined, lang: Language): number =>
  text ? localize(text, lang).split(/\s+/).filter(Boolean).length : 0;

/** Words a visitor reads in one situation (title, prompt and options) in `lang`. */
export function situationWords(item: Instrument['items'][number], lang: Language): number {
  return words(item.title, lang) + words(item.prompt, lang) + item.options.reduce((n, o) => n + words(o.text, lang), 0);
}

/** What the editor keeps in view: situations, balance, reading time per language against the budget. */
export interface DraftSummary {
  situations: number;
  balance: AsksBalance;
  /** Situations without exactly one option per type, by index. */
  notOnePerType: number[];
  time: { lang: Language; toResult: number; visit: number; overBudget: boolean }[];
}

export function draftSummary(instrument: Instrument): DraftSummary {
  return {
    situations: instrument.items.length,
    balance: asksBalance(instrument),
    notOnePerType: instrument.items.flatMap((item, i) => (onePerType(instrument, item) ? [] : [i])),
    time: instrument.languages.map((lang) => {
      const t = visitTime(instrument, lang);
      return {
        lang,
        toResult: t.toResult,
        visit: t.visit,
        overBudget: t.visit > VISIT_BUDGET_SECONDS || t.toResult > TO_RESULT_BUDGET_SECONDS,
      };
    }),
  };
}

/**
 * The version a publication of `id` gets: 1.0.0 first, then the next minor version after the newest one published
 * (a published file never changes, so every publication is a new number).
 */
export function nextVersion(published: readonly string[]): string {
  if (published.length === 0) return '1.0.0';
  const newest = [...published].sort(compareVersions).at(-1)!;
  const [major = 1, minor = 0] = newest.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}

/** A shipped (or any) instrument as the start of a new one: its own id and title, everything else the same. */
export function copyAsDraft(from: Instrument, id: string, title: Localized): Instrument {
  const { format: _format, ...copy } = structuredClone(from);
  return { ...copy, id, version: '0.0.0', title };
}

/** Recovery per simulated profile at realistic noise, as `npm run bench -- harness` prints it. */
export type Recovery = Record<LatentClass, number>;

/** Respondents per profile for the editor's run: about 80 ms for twelve situations, the same figures every time. */
export const EDITOR_PER_CLASS = 1000;

/** The harness on an instrument whose situations each ask a type; null when they do not (it would mean nothing). */
export function recovery(instrument: Instrument, perClass = EDITOR_PER_CLASS): Recovery | null {
  if (instrument.scoring !== 'first-and-second' || asksBalance(instrument).unasked > 0) return null;
  const results = simulate(instrument, { points: [2, 1], rules: RANKED_RULES }, { ...REALISTIC_NOISE, perClass });
  return Object.fromEntries(results.map((r) => [r.latent, r.recovered / r.n])) as Recovery;
}

/**
 * How far a draft's recovery may fall below the shipped instrument's before the editor warns: 5 percentage points,
 * well beyond the seeded harness's own spread between instruments of the same build (under 1 point) and the
 * difference a reworded instrument makes (none: wording does not enter the simulation), so only a change in the
 * situations' number or balance sets it off (docs/adr/0009).
 */
export const RECOVERY_MARGIN = 0.05;

/** The profiles whose recovery fell below the shipped figure by more than the margin. */
export function recoveryWarnings(draft: Recovery, shipped: Recovery, margin = RECOVERY_MARGIN): LatentClass[] {
  return (Object.keys(shipped) as LatentClass[]).filter((k) => draft[k] < shipped[k] - margin);
}
