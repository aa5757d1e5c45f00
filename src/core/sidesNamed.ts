import type { Instrument } from './instrument';
import { labelRanked, NAMED_SIDE_GAP, rankedPoints, secondSide, sharesFromCounts, situationFit } from './scoring';
import {
  answerItems,
  makeRespondent,
  pct,
  REALISTIC_NOISE,
  seededRandom,
  strengthFor,
  type SimulationOptions,
} from './simulation';

/**
 * Does the result's first sentence name the sides a simulated visitor was built with? (docs/adr/0003, "A second side
 * is always named".) The label alone names both sides only of a two-sided profile; a leading type with a clear
 * runner-up was told "vooral Verbinder" and nothing more. Like the recovery figures, pure and seeded.
 */

/**
 * The profiles the sentence is judged on: a pure type (whose sentence should name no second side), two equal sides,
 * and two sides of which the second weighs 0.7 or 0.5 of the first (latent weights, before the answer noise).
 */
export const SIDE_PROFILES = [
  { name: 'pure', second: 0 },
  { name: 'two-sided', second: 1 },
  { name: 'lean 0.7', second: 0.7 },
  { name: 'lean 0.5', second: 0.5 },
] as const;

export interface SidesRow {
  profile: (typeof SIDE_PROFILES)[number]['name'];
  n: number;
  /**
   * Two-sided profiles: how many sentences name both sides, by the labels alone (`before`) and with the second side
   * of a leading type (`now`). Pure profiles: how many sentences name a second side they do not have.
   */
  before: number;
  now: number;
}

/** The types a sentence names: a leading type (and its second side), both sides of a two-sided label, or none. */
export function namedSides(label: ReturnType<typeof labelRanked>, side: string | null): string[] {
  if (label.kind === 'two-sided') return [label.primary, label.secondary];
  if (label.kind === 'leading') return side === null ? [label.primary] : [label.primary, side];
  return [];
}

/** One simulated visitor of each profile, `perClass` times, scored as the product scores them. */
function sample(instrument: Instrument, options: SimulationOptions) {
  const { consistency, spread } = { ...REALISTIC_NOISE, ...options };
  const { perClass = 1000, seed = 1 } = options;
  const typeIds = instrument.types.map((t) => t.id);
  const random = seededRandom(seed);
  const strength = strengthFor(consistency, typeIds.length);
  return SIDE_PROFILES.map(({ name, second }) =>
    Array.from({ length: perClass }, () => {
      const respondent = makeRespondent(second === 0 ? 'pure' : 'two-sided', typeIds, random, spread);
      const sideIndex = typeIds.indexOf(respondent.sides[1] ?? '');
      if (sideIndex >= 0 && second < 1) respondent.weights[sideIndex] = second;
      const answers = answerItems(instrument, respondent, strength, 2, random);
      const shares = sharesFromCounts(
        rankedPoints(
          typeIds,
          answers.map((a) => a.order),
        ),
      );
      const label = labelRanked(typeIds, shares, situationFit(typeIds.length, answers));
      return { name, sides: respondent.sides, label, shares };
    }),
  );
}

/** How often each profile's sentence names its sides, with a leading type's second side from `gap` on. */
export function sidesNamed(
  instrument: Instrument,
  options: SimulationOptions = {},
  gap: number = NAMED_SIDE_GAP,
): SidesRow[] {
  const typeIds = instrument.types.map((t) => t.id);
  return sample(instrument, options).map((group) => {
    let before = 0;
    let now = 0;
    for (const { name, sides, label, shares } of group) {
      const told = (named: string[]): boolean =>
        name === 'pure' ? named.length > 1 : sides.every((s) => named.includes(s));
      if (told(namedSides(label, null))) before += 1;
      if (told(namedSides(label, secondSide(label, typeIds, shares, gap)))) now += 1;
    }
    return { profile: group[0]!.name, n: group.length, before: before / group.length, now: now / group.length };
  });
}

/** The table the harness and the test print: per profile, the sentence by the labels alone and with the rule. */
export function formatSides(rows: readonly SidesRow[]): string {
  const head = `  ${'profile'.padEnd(10)} ${'labels alone'.padStart(12)} ${'with 2nd side'.padStart(14)}`;
  const lines = rows.map((r) => `  ${r.profile.padEnd(10)} ${pct(r.before).padStart(12)} ${pct(r.now).padStart(14)}`);
  return [
    head,
    ...lines,
    '  (pure: sentences that name a second side; the others: sentences that name both sides)',
  ].join('\n');
}
