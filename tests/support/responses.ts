import { randomUUID } from 'node:crypto';
import type { Instrument } from '../../src/core/instrument';
import type { SurveyResponse } from '../../src/core/response';

/**
 * A complete, valid response for the instrument's own answer form. `pick(i)` is the type index chosen first for item
 * i; for `first-and-second` instruments `second(i)` is the one chosen next (by default the type after the first).
 */
export function makeResponse(
  instrument: Instrument,
  pick: (i: number) => number = (i) => i % instrument.types.length,
  id = randomUUID(),
  second: (i: number) => number = (i) => (pick(i) + 1) % instrument.types.length,
): SurveyResponse {
  const typeId = (index: number): string => instrument.types[index]!.id;
  return {
    id,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang: 'nl',
    answers:
      instrument.scoring === 'first-and-second'
        ? instrument.items.map((item, i) => ({ item: item.id, order: [typeId(pick(i)), typeId(second(i))] }))
        : instrument.items.map((item, i) => ({ item: item.id, type: typeId(pick(i)) })),
    casus: typeId(instrument.types.length - 1),
    context: {},
  };
}
