import type { Instrument, Language } from '../../core/instrument';
import type { SurveyResponse } from '../../core/response';
import { randomId } from '../common/randomId';

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

/** How many choices a visitor makes per situation: a first and a second (2.x), or one pick (1.x). */
export function choicesPerItem(instrument: Pick<Instrument, 'scoring'>): number {
  return instrument.scoring === 'first-and-second' ? 2 : 1;
}

/** Builds the response to submit from a finished session; answers record types, never screen positions. */
export function buildResponse(
  instrument: Instrument,
  lang: Language,
  answers: Readonly<Record<string, readonly string[]>>,
  casus: string,
  context: Readonly<Record<string, string>>,
  id: string = randomId(),
): SurveyResponse {
  return {
    id,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang,
    answers:
      choicesPerItem(instrument) === 2
        ? instrument.items.map((item) => ({ item: item.id, order: [...answers[item.id]!] }))
        : instrument.items.map((item) => ({ item: item.id, type: answers[item.id]![0]! })),
    casus,
    context: { ...context },
  };
}
