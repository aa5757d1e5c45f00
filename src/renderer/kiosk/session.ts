import type { Instrument, Language } from '../../core/instrument';
import type { SurveyResponse } from '../../core/response';

/** Shuffles a copy (Fisher-Yates) with the given random source. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Per item, the order in which its options (by type id) appear on screen for this visitor. */
export function optionOrders(instrument: Instrument, random: () => number = Math.random): Record<string, string[]> {
  return Object.fromEntries(
    instrument.items.map((item) => [
      item.id,
      shuffled(
        item.options.map((o) => o.type),
        random,
      ),
    ]),
  );
}

/** Builds the response to submit from a finished session; the answer records the type, not the screen position. */
export function buildResponse(
  instrument: Instrument,
  lang: Language,
  answers: Readonly<Record<string, string>>,
  casus: string,
  context: Readonly<Record<string, string>>,
  id: string = crypto.randomUUID(),
): SurveyResponse {
  return {
    id,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang,
    answers: instrument.items.map((item) => ({ item: item.id, type: answers[item.id]! })),
    casus,
    context: { ...context },
  };
}
