import { z } from 'zod';
import { languageSchema, type Instrument } from './instrument';
import {
  countPicks,
  labelRanked,
  labelShares,
  rankedPoints,
  secondSide,
  sharesFromCounts,
  situationFit,
  type ProfileLabel,
} from './scoring';

const shortId = z.string().min(1).max(40);

/** A 1.x answer: the one type picked for an item. */
const pickAnswerSchema = z.strictObject({ item: shortId, type: shortId });
/** A 2.x answer: the first and the second choice for an item (the rest is implied), by type id. */
const rankAnswerSchema = z.strictObject({ item: shortId, order: z.array(shortId).length(2) });

/** One finished kiosk session, made and identified by the kiosk (the UUID makes a resend harmless). */
export const responseSchema = z.strictObject({
  id: z.uuid(),
  instrumentId: shortId,
  instrumentVersion: z.string().min(1).max(20),
  lang: languageSchema,
  /**
   * Per item, by item id and type id, never by screen position: the pick (`type`, instruments 1.x) or the first and
   * second choice (`order`, instruments 2.x). One response uses one form throughout.
   */
  answers: z.union([z.array(pickAnswerSchema).min(1).max(30), z.array(rankAnswerSchema).min(1).max(30)]),
  casus: shortId,
  /** Optional context answers by question id; skipped questions are absent. */
  context: z.record(shortId, shortId).default({}),
});
export type SurveyResponse = z.infer<typeof responseSchema>;
export type PickAnswer = z.infer<typeof pickAnswerSchema>;
export type RankAnswer = z.infer<typeof rankAnswerSchema>;

const isRanked = (answers: SurveyResponse['answers']): answers is RankAnswer[] =>
  answers.length > 0 && 'order' in answers[0]!;

/** The types an answer puts first and second (a 1.x pick has no second). */
export function answerOrder(answer: PickAnswer | RankAnswer): readonly string[] {
  return 'order' in answer ? answer.order : [answer.type];
}

/** Checks a schema-valid response against its instrument; returns the problem or null. */
export function checkAgainstInstrument(response: SurveyResponse, instrument: Instrument): string | null {
  if (response.instrumentId !== instrument.id || response.instrumentVersion !== instrument.version) {
    return `response is for instrument ${response.instrumentId}@${response.instrumentVersion}, not ${instrument.id}@${instrument.version}`;
  }
  if (!instrument.languages.includes(response.lang)) return `language ${response.lang} is not offered`;
  const ranked = isRanked(response.answers);
  if (ranked !== (instrument.scoring === 'first-and-second')) {
    return instrument.scoring === 'first-and-second'
      ? 'each item needs a first and a second choice (order)'
      : 'each item needs one choice (type)';
  }
  const typeIds = instrument.types.map((t) => t.id);
  const seen = new Set<string>();
  for (const answer of response.answers) {
    if (seen.has(answer.item)) return `item ${answer.item} is answered twice`;
    seen.add(answer.item);
    const item = instrument.items.find((it) => it.id === answer.item);
    if (!item) return `unknown item ${answer.item}`;
    const order = answerOrder(answer);
    const unknown = order.find((type) => !typeIds.includes(type));
    if (unknown !== undefined) return `unknown type ${unknown} for item ${answer.item}`;
    if (new Set(order).size !== order.length) return `item ${answer.item} has the same choice twice`;
  }
  if (seen.size !== instrument.items.length) return `expected ${instrument.items.length} answers, got ${seen.size}`;
  if (!typeIds.includes(response.casus)) return `unknown casus type ${response.casus}`;
  for (const [question, option] of Object.entries(response.context)) {
    const q = instrument.context.find((c) => c.id === question);
    if (!q) return `unknown context question ${question}`;
    if (!q.options.some((o) => o.id === option)) return `unknown option ${option} for ${question}`;
  }
  return null;
}

/** The scored view of one response. */
export interface Profile {
  shares: number[];
  label: ProfileLabel;
  /** The second side the result names beside a leading type (2.x only, see {@link secondSide}); else null. */
  side: string | null;
  casusIndex: number;
  /** How much the choices followed what each situation asks (see situationFit); null for 1.x instruments. */
  fit: number | null;
}

/** Scores a response by its instrument's own rules (pure; the response must have passed the checks). */
export function profileOf(response: Pick<SurveyResponse, 'answers' | 'casus'>, instrument: Instrument): Profile {
  const typeIds = instrument.types.map((t) => t.id);
  const casusIndex = typeIds.indexOf(response.casus);
  if (!isRanked(response.answers)) {
    const shares = sharesFromCounts(
      countPicks(
        typeIds,
        response.answers.map((a) => a.type),
      ),
    );
    return { shares, label: labelShares(typeIds, shares), side: null, casusIndex, fit: null };
  }
  const shares = sharesFromCounts(
    rankedPoints(
      typeIds,
      response.answers.map((a) => a.order),
    ),
  );
  const fit = situationFit(typeIds.length, situated(response.answers, instrument));
  const label = labelRanked(typeIds, shares, fit);
  return { shares, label, side: secondSide(label, typeIds, shares), casusIndex, fit };
}

/** One of the visitor's own situations that shows how they meet what a situation asks. */
export interface SituationExample {
  item: string;
  asks: string;
  first: string;
  /** Whether the first choice was what the situation asks. */
  followed: boolean;
}

/**
 * Picks the example for the result's mirror sentence: for a visitor who follows the situations, a situation where the
 * first choice was the asked type (preferring one that is not their strongest side, which shows the switch best); for
 * one who does not, a situation where they chose their own way. Null for 1.x answers or when nothing fits.
 */
export function situationExample(
  response: Pick<SurveyResponse, 'answers'>,
  instrument: Instrument,
  profile: Profile,
  follows: boolean,
): SituationExample | null {
  if (!isRanked(response.answers)) return null;
  const typeIds = instrument.types.map((t) => t.id);
  const strongest = typeIds[profile.shares.indexOf(Math.max(...profile.shares))];
  const candidates = situated(response.answers, instrument)
    .map((a) => ({ item: a.item, asks: a.asks, first: a.order[0]!, followed: a.order[0] === a.asks }))
    .filter((a) => a.followed === follows);
  return candidates.find((a) => (follows ? a.asks !== strongest : a.first === strongest)) ?? candidates[0] ?? null;
}

/** The ranked answers paired with what their situation asks (items without `asks` are left out). */
export function situated(
  answers: readonly RankAnswer[],
  instrument: Instrument,
): { item: string; order: readonly string[]; asks: string }[] {
  return answers.flatMap((a) => {
    const asks = instrument.items.find((it) => it.id === a.item)?.asks;
    return asks ? [{ item: a.item, order: a.order, asks }] : [];
  });
}
