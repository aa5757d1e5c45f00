import type { Instrument } from './instrument';
import { RANKED_RULES, labelRanked, rankedPoints, sharesFromCounts, situationFit, type RankedRules } from './scoring';

/**
 * The simulation harness behind the 2.x scoring rules (docs/adr/0003-scoring-thresholds.md): respondents with a known
 * latent profile answer the real instrument with random noise, and we count how often the label names the profile
 * they were built with. Pure and seeded, so the test and `npm run bench` print the same figures.
 */

/** The latent profiles the labels must recover. */
export const LATENT_CLASSES = ['pure', 'two-sided', 'balanced', 'switcher'] as const;
export type LatentClass = (typeof LATENT_CLASSES)[number];

/** What a label can say, for the confusion matrix; `wrong-type` is a leading or two-sided label naming other types. */
export const OUTCOMES = ['leading', 'two-sided', 'chameleon', 'all-round', 'wrong-type'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A simulated visitor: a latent weight per type (0..1) and how strongly the situation pulls. */
export interface Respondent {
  latent: LatentClass;
  weights: number[];
  /** Extra utility (in units of the type strength) for the type a situation asks. */
  pull: number;
  /** The types the label should name: the pure type, or the two sides. */
  sides: string[];
}

/** A small, fast seeded generator (mulberry32); the same seed gives the same run everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, lo: number, hi: number): number => lo + (hi - lo) * random();

/**
 * Builds one respondent of a class; the types it leans to are drawn at random. `spread` (0..1) varies the latent
 * weights around the class's pure form: 0 gives the textbook profile, 1 the widest variation the classes allow.
 */
export function makeRespondent(
  latent: LatentClass,
  typeIds: readonly string[],
  random: () => number,
  spread = 1,
): Respondent {
  const n = typeIds.length;
  const order = typeIds.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const weights = typeIds.map(() => between(random, 0, 0.3 * spread));
  let sides: string[] = [];
  let pull = 0;
  if (latent === 'pure') {
    weights[order[0]!] = 1;
    sides = [typeIds[order[0]!]!];
  } else if (latent === 'two-sided') {
    weights[order[0]!] = 1;
    weights[order[1]!] = between(random, 1 - 0.2 * spread, 1);
    sides = [typeIds[order[0]!]!, typeIds[order[1]!]!];
  } else {
    for (let i = 0; i < n; i++) weights[i] = between(random, 1 - 0.2 * spread, 1);
    if (latent === 'switcher') pull = between(random, 1 - 0.2 * spread, 1 + 0.2 * spread);
  }
  return { latent, weights, pull, sides };
}

/**
 * The type strength for a noise level given as consistency: how often a pure respondent puts their own type first
 * (a logit choice model, Gumbel noise of scale 1: P = e^S / (e^S + n - 1)).
 */
export function strengthFor(consistency: number, typeCount: number): number {
  return Math.log((consistency * (typeCount - 1)) / (1 - consistency));
}

/** Standard Gumbel noise: turns utilities into a logit (Plackett-Luce) ranking when sorted. */
const gumbel = (random: () => number): number => -Math.log(-Math.log(Math.max(random(), 1e-12)));

/** The respondent's ranked choices for each item (best first, `ranks` long). */
export function answerItems(
  instrument: Instrument,
  respondent: Respondent,
  strength: number,
  ranks: number,
  random: () => number,
): { item: string; order: string[]; asks: string }[] {
  return instrument.items.map((item) => {
    const asks = item.asks ?? '';
    const scored = item.options.map((o) => {
      const i = instrument.types.findIndex((t) => t.id === o.type);
      const pull = o.type === asks ? respondent.pull : 0;
      return { type: o.type, u: strength * ((respondent.weights[i] ?? 0) + pull) + gumbel(random) };
    });
    scored.sort((a, b) => b.u - a.u);
    return { item: item.id, order: scored.slice(0, ranks).map((s) => s.type), asks };
  });
}

/** What a label says about a respondent, for the confusion matrix. */
export function outcomeOf(
  label: ReturnType<typeof labelRanked>,
  respondent: Respondent,
): { outcome: Outcome; recovered: boolean } {
  const expected: Record<LatentClass, Outcome> = {
    pure: 'leading',
    'two-sided': 'two-sided',
    balanced: 'all-round',
    switcher: 'chameleon',
  };
  let outcome: Outcome = label.kind;
  if (label.kind === 'leading' && respondent.latent === 'pure' && label.primary !== respondent.sides[0]) {
    outcome = 'wrong-type';
  }
  if (
    label.kind === 'two-sided' &&
    respondent.latent === 'two-sided' &&
    !(respondent.sides.includes(label.primary) && respondent.sides.includes(label.secondary))
  ) {
    outcome = 'wrong-type';
  }
  return { outcome, recovered: outcome === expected[respondent.latent] };
}

/** A scoring scheme to try: the points per rank (one entry = a single pick) and the label rules. */
export interface Scheme {
  points: readonly number[];
  rules: RankedRules;
}

/**
 * The answer noise the rules are chosen for: a pure type puts their own type first in four situations of five, and
 * profiles are the textbook forms of their class (see docs/adr/0003-scoring-thresholds.md for why).
 */
export const REALISTIC_NOISE = { consistency: 0.8, spread: 0 } as const;

export interface SimulationOptions {
  /** How often a pure respondent puts their own type first: the answer noise. */
  consistency?: number;
  perClass?: number;
  seed?: number;
  /** How far latent weights vary around each class's pure form (see {@link makeRespondent}). */
  spread?: number;
}

export interface ClassResult {
  latent: LatentClass;
  n: number;
  recovered: number;
  outcomes: Record<Outcome, number>;
}

interface Scored {
  respondent: Respondent;
  shares: number[];
  fit: number;
}

/** Simulates `perClass` respondents of every class and scores their answers with the given points. */
function scoredSample(instrument: Instrument, points: readonly number[], options: SimulationOptions): Scored[] {
  const { consistency, spread } = { ...REALISTIC_NOISE, ...options };
  const { perClass = 1000, seed = 1 } = options;
  const typeIds = instrument.types.map((t) => t.id);
  const random = seededRandom(seed);
  const strength = strengthFor(consistency, typeIds.length);
  return LATENT_CLASSES.flatMap((latent) =>
    Array.from({ length: perClass }, () => {
      const respondent = makeRespondent(latent, typeIds, random, spread);
      const answers = answerItems(instrument, respondent, strength, points.length, random);
      const orders = answers.map((a) => a.order);
      return {
        respondent,
        shares: sharesFromCounts(rankedPoints(typeIds, orders, points)),
        fit: situationFit(typeIds.length, answers, points),
      };
    }),
  );
}

/** Labels a scored sample by the rules and tallies recovery and outcomes per class. */
function tally(sample: readonly Scored[], typeIds: readonly string[], rules: RankedRules): ClassResult[] {
  return LATENT_CLASSES.map((latent) => {
    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    let recovered = 0;
    let n = 0;
    for (const s of sample) {
      if (s.respondent.latent !== latent) continue;
      n += 1;
      const result = outcomeOf(labelRanked(typeIds, s.shares, s.fit, rules), s.respondent);
      outcomes[result.outcome] += 1;
      if (result.recovered) recovered += 1;
    }
    return { latent, n, recovered, outcomes };
  });
}

/** Runs `perClass` respondents of every class through the instrument under one scheme and noise level. */
export function simulate(
  instrument: Instrument,
  scheme: Scheme = { points: [2, 1], rules: RANKED_RULES },
  options: SimulationOptions = {},
): ClassResult[] {
  const typeIds = instrument.types.map((t) => t.id);
  return tally(scoredSample(instrument, scheme.points, options), typeIds, scheme.rules);
}

/** The lowest recovery over the classes: the figure a scheme is judged by. */
export const worstRecovery = (results: readonly ClassResult[]): number =>
  Math.min(...results.map((r) => r.recovered / r.n));

const steps = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

/** Tries a grid of label rules for the given points and returns the one whose worst class recovers best. */
export function bestRules(
  instrument: Instrument,
  points: readonly number[],
  options: SimulationOptions = {},
): { rules: RankedRules; results: ClassResult[] } {
  const typeIds = instrument.types.map((t) => t.id);
  const sample = scoredSample(instrument, points, options);
  let best: { rules: RankedRules; results: ClassResult[] } | null = null;
  for (const leadGap of steps(0.1, 0.35, 0.025)) {
    for (const sideGap of steps(0.05, 0.4, 0.025)) {
      for (const switchFit of steps(0.15, 0.6, 0.05)) {
        const rules = { leadGap, sideGap, switchFit };
        const results = tally(sample, typeIds, rules);
        if (!best || worstRecovery(results) > worstRecovery(best.results)) best = { rules, results };
      }
    }
  }
  return best!;
}

/** A share as a percentage with one decimal. */
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The recovery per class and the confusion matrix, as the test and the bench print them. */
export function formatResults(results: readonly ClassResult[]): string {
  const head = `  ${'profile'.padEnd(10)} ${'recovered'.padStart(9)}  ${OUTCOMES.map((o) => o.padStart(10)).join(' ')}`;
  const rows = results.map(
    (r) =>
      `  ${r.latent.padEnd(10)} ${pct(r.recovered / r.n).padStart(9)}  ${OUTCOMES.map((o) => String(r.outcomes[o]).padStart(10)).join(' ')}`,
  );
  return [head, ...rows].join('\n');
}
