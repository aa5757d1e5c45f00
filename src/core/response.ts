import { z } from 'zod';
import { languageSchema, type Instrument } from './instrument';
import { countPicks, labelShares, sharesFromCounts, type ProfileLabel } from './scoring';

const shortId = z.string().min(1).max(40);

/** One finished kiosk session, made and identified by the kiosk (the UUID makes a resend harmless). */
export const responseSchema = z.strictObject({
  id: z.uuid(),
  instrumentId: shortId,
  instrumentVersion: z.string().min(1).max(20),
  lang: languageSchema,
  /** The chosen type per item, by item id: never the screen position. */
  answers: z
    .array(z.strictObject({ item: shortId, type: shortId }))
    .min(1)
    .max(30),
  casus: shortId,
  /** Optional context answers by question id; skipped questions are absent. */
  context: z.record(shortId, shortId).default({}),
});
export type SurveyResponse = z.infer<typeof responseSchema>;

/** Checks a schema-valid response against its instrument; returns the problem or null. */
export function checkAgainstInstrument(response: SurveyResponse, instrument: Instrument): string | null {
  if (response.instrumentId !== instrument.id || response.instrumentVersion !== instrument.version) {
    return `response is for instrument ${response.instrumentId}@${response.instrumentVersion}, not ${instrument.id}@${instrument.version}`;
  }
  if (!instrument.languages.includes(response.lang)) return `language ${response.lang} is not offered`;
  const typeIds = instrument.types.map((t) => t.id);
  const seen = new Set<string>();
  for (const answer of response.answers) {
    if (seen.has(answer.item)) return `item ${answer.item} is answered twice`;
    seen.add(answer.item);
    const item = instrument.items.find((it) => it.id === answer.item);
    if (!item) return `unknown item ${answer.item}`;
    if (!typeIds.includes(answer.type)) return `unknown type ${answer.type} for item ${answer.item}`;
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
  casusIndex: number;
}

/** Scores a response against its instrument (pure; the response must have passed the checks). */
export function profileOf(response: Pick<SurveyResponse, 'answers' | 'casus'>, instrument: Instrument): Profile {
  const typeIds = instrument.types.map((t) => t.id);
  const shares = sharesFromCounts(
    countPicks(
      typeIds,
      response.answers.map((a) => a.type),
    ),
  );
  return { shares, label: labelShares(typeIds, shares), casusIndex: typeIds.indexOf(response.casus) };
}
